import { expect } from 'chai';
import fc from 'fast-check';
import { url_for } from 'hexo-util';
import { readConfig, type SiteSettings } from '../../lib/config/read';
import { writtenText } from '../../lib/config/written';
import { auditConfig } from '../../lib/audit/config';
import { auditIcon } from '../../lib/audit/icon';
import { lineItems } from '../../lib/line/items';
import { renderLine } from '../../lib/line/render';
import { compareFilings, parseGongan, parseIcp, type FilingResult } from '../../lib/engine/filing';
import { yamlTimestamp } from '../../lib/engine/date';
import { isWellFormed, printable, urlScheme } from '../../lib/engine/text';
import type { Finding } from '../../lib/finding';

// js-yaml 4, Hexo's YAML loader (a dependency of hexo), has no types installed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { load } = require('js-yaml') as { load(text: string): unknown };

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';

/** [code, severity, path] of each finding. */
const summary = (findings: readonly Finding[]) => findings.map(f => [f.code, f.severity, f.path ?? '']);

/** A `_config.yml` read as Hexo reads it (js-yaml 4), with the text as the plugin reads it. */
function fromYaml(yaml: string, extra: SiteSettings = {}): ReturnType<typeof readConfig> {
  const site = load(yaml) as { beian?: unknown; url?: unknown };
  return readConfig(site.beian, 'en', { url: site.url, written: writtenText([yaml]), ...extra });
}

/** Hexo's url_for on a site at the root, as lib/hexo/site.ts calls it. */
const urlFor = (path: string) => url_for.call({ config: { url: 'https://blog.example.cn', root: '/', relative_link: false } }, path);

describe('inputs: a lone surrogate anywhere never crashes, and the finding names the key', () => {
  it('url_for itself throws on one (the crash of hexo generate): the reader never hands it one', () => {
    expect(() => urlFor('/images/\ud800.png')).to.throw(URIError);
    const { config, findings } = readConfig({ icp: ICP, gongan: { number: GONGAN, icon: '/images/\ud800.png' } }, 'en');
    expect(summary(findings)).to.deep.equal([['config-icon', 'error', 'beian.gongan.icon']]);
    expect(findings[0].message).to.contain('"/images/\\ud800.png"');
    expect(config.gongan?.icon).to.equal(undefined);
    const items = lineItems(config, 'en', urlFor);
    expect(items.map(i => [i.kind, i.icon])).to.deep.equal([['icp', undefined], ['gongan', undefined]]);
  });

  it('a url_for that throws anyway leaves the icon out; the line is still rendered', () => {
    const { config } = readConfig({ gongan: { number: GONGAN, icon: '/images/gongan.png' } }, 'en');
    const items = lineItems(config, 'en', () => undefined);
    expect(items).to.have.length(1);
    expect(items[0]).not.to.have.property('icon');
    expect(renderLine(items)).to.contain(GONGAN).and.not.contain('<img');
  });

  it('extra[].link: refused (new URL would make it another address, %EF%BF%BD)', () => {
    expect(new URL('https://example.cn/\ud800').href).to.equal('https://example.cn/%EF%BF%BD');
    const { config, findings } = readConfig({ icp: ICP, extra: [{ text: '京ICP证030713号', link: 'https://example.cn/\ud800' }] }, 'en');
    expect(summary(findings)).to.deep.equal([['config-link', 'error', 'beian.extra[0].link']]);
    expect(findings[0].message).to.contain('\\ud800');
    expect(config.extra).to.deep.equal([{ text: '京ICP证030713号', path: 'beian.extra[0]' }]);
  });

  it('domain hosts, the site url and the template path', () => {
    const { config, findings } = readConfig({ domains: { 'blog\ud800.cn': { icp: ICP }, 'blog.example.cn': { icp: ICP } }, template: 'beian\udc00.njk' }, 'en', { url: 'https://blog.example.cn/\ud800' });
    expect(summary(findings)).to.deep.equal([
      ['config-domain', 'error', 'beian.domains["blog\\ud800.cn"]'],
      ['config-template', 'error', 'beian.template']
    ]);
    expect(config.domains?.entry).to.equal('blog.example.cn');
    expect(config.template).to.equal(undefined);
    // A url whose host is broken has no host: no entry is used, and nothing throws.
    const broken = readConfig({ domains: { 'blog.example.cn': { icp: ICP } } }, 'en', { url: 'https://blog\ud800.cn' });
    expect(broken.config.domains).to.deep.equal({ hosts: ['blog.example.cn'] });
  });

  it('isWellFormed: pairs are text, halves are not', () => {
    expect(['', 'abc', '京', '😀', '\ud83d\ude00'].map(isWellFormed)).to.deep.equal([true, true, true, true, true]);
    expect(['\ud800', 'a\udc00', '\ude00\ud83d', '😀\ud83d'].map(isWellFormed)).to.deep.equal([false, false, false, false]);
  });
});

describe('inputs: dates are read as written in _config.yml', () => {
  const yaml = (lines: string) => `url: https://blog.example.cn\nbeian:\n  icp:\n    number: ${ICP}\n${lines}`;

  it('js-yaml rolls impossible days over (what Hexo hands the plugin)', () => {
    const dates = load('a: 2024-02-30\nb: 2024-13-45\nc: 0000-01-01\n') as Record<string, Date>;
    expect(Object.values(dates).map(d => d.toISOString().slice(0, 10))).to.deep.equal(['2024-03-01', '2025-02-14', '1900-01-01']);
  });

  it('approved: 2024-02-30 is config-date, quoting 2024-02-30 (not 2024-03-01)', () => {
    const { config, findings } = fromYaml(yaml('    approved: 2024-02-30\n'));
    expect(summary(findings)).to.deep.equal([['config-date', 'error', 'beian.icp.approved']]);
    expect(findings[0].message).to.equal('beian.icp.approved is 2024-02-30, which is not a real day (YAML would read it as 2024-03-01); write the real day, year-month-day, for example 2024-05-20.');
    expect(config.icp?.approved).to.equal(undefined);
  });

  it('online: 2024-13-45 and 0000-01-01 are config-date; the deadline quotes no date the user never wrote', () => {
    for (const [day, rolled] of [['2024-13-45', '2025-02-14'], ['0000-01-01', '1900-01-01']]) {
      const reading = fromYaml(yaml(`  online: ${day}\n`));
      expect(summary(reading.findings), day).to.deep.equal([['config-date', 'error', 'beian.online']]);
      expect(reading.findings[0].message).to.contain(`is ${day}, which is not a real day`);
      expect(reading.config.online).to.equal(undefined);
      const audit = auditConfig({ ...reading, language: 'en' }, '2025-03-01');
      const deadline = audit.find(f => f.code === 'gongan-missing');
      // No start date is known: the deadline is not computed from a day the user never wrote.
      expect(deadline?.severity).to.equal('info');
      expect(deadline?.message).not.to.contain(rolled).and.not.contain(day);
      // It says the date written is to correct, not to write (a newcomer's trial: it asked for beian.online again).
      expect(deadline?.message).to.contain('beian.online is written but is no valid date (see its config-date): correct it to get the deadline.');
      expect(deadline).not.to.have.property('deadline');
    }
  });

  // An outside review: each of these was quoted as JSON shows the value, or accepted.
  it('what was written is quoted (.inf, a list of one day, a number), and a time of day that does not exist is config-date with the day to write', () => {
    const cases: [string, string, string | undefined][] = [
      ['.inf', 'beian.online is not a date (it is .inf); write it as year-month-day, for example 2024-05-20.', undefined],
      ['0x10', 'beian.online is not a date (it is 0x10); write it as year-month-day, for example 2024-05-20.', undefined],
      ['[2024-06-01]', 'beian.online must be written year-month-day (it is ["2024-06-01"]): 2024-06-01.', 'online: 2024-06-01'],
      ['[2024/6/1]', 'beian.online must be written year-month-day (it is ["2024/6/1"]): 2024-06-01.', 'online: 2024-06-01'],
      ['20240601', 'beian.online must be written year-month-day (it is 20240601): 2024-06-01.', 'online: 2024-06-01'],
      ['2024-06-01T25:00:00', 'beian.online is 2024-06-01T25:00:00, which is no real time of day (YAML would read it as 2024-06-02); write the day alone: 2024-06-01.', 'online: 2024-06-01'],
      ['2024-06-01 10:61:00', 'beian.online is 2024-06-01 10:61:00, which is no real time of day (YAML would read it as 2024-06-01); write the day alone: 2024-06-01.', 'online: 2024-06-01'],
      ['2024-02-30T25:00:00', 'beian.online is 2024-02-30T25:00:00, which is not a real day (YAML would read it as 2024-03-02); write the real day, year-month-day, for example 2024-05-20.', undefined]
    ];
    for (const [written, message, suggestion] of cases) {
      const { config, findings } = fromYaml(`url: https://blog.example.cn\nbeian:\n  icp: ${ICP}\n  online: ${written}\n`);
      expect(summary(findings), written).to.deep.equal([['config-date', 'error', 'beian.online']]);
      expect(findings[0].message, written).to.equal(message);
      expect(findings[0].suggestion, written).to.equal(suggestion);
      expect(config.online, written).to.equal(undefined);
    }
    // Real times of day, with or without an offset, still name the day written.
    for (const written of ['2024-06-01 23:59:59', '2024-06-01T00:30:00+08:00', '2024-06-01T10:00:00Z']) {
      expect(fromYaml(`beian:\n  icp: ${ICP}\n  online: ${written}\n`).config.online, written).to.equal('2024-06-01');
    }
  });

  // An outside review: ESC, BEL and NUL reached the page raw, a lone surrogate became U+FFFD, U+202E went in unchanged.
  it('extra text with a control character, a bidirectional control or a broken character is not-text, and the record is not shown', () => {
    for (const text of ['\u001b[31m许可证', '许可证\u0007', 'a\u0000b', '许可\ud800证', '\u202e证可许']) {
      const { config, findings } = readConfig({ icp: ICP, extra: [text] }, 'en');
      expect(summary(findings), JSON.stringify(text)).to.deep.equal([['not-text', 'error', 'beian.extra[0]']]);
      expect(findings[0].message).not.to.match(/[\u0000-\u001f\u202e]/);
      expect(config.extra, JSON.stringify(text)).to.deep.equal([]);
    }
    // Tabs and line breaks are text; so is everything else people write.
    expect(readConfig({ icp: ICP, extra: ['增值电信业务经营许可证：\t京B2-20201234\n'] }, 'en').findings).to.deep.equal([]);
  });

  // An outside review: the README's own example, quoted, was refused; 9999-12-31 gave a deadline of "+010000-01".
  it('a quoted date with a time is the day written, as unquoted; a day outside 1990–2099 is config-date', () => {
    for (const written of ['"2024-06-01 00:30:00+08:00"', "'2024-06-01T00:00:00Z'"]) {
      const { config, findings } = fromYaml(`beian:\n  icp: ${ICP}\n  online: ${written}\n`);
      expect([config.online, findings], written).to.deep.equal(['2024-06-01', []]);
    }
    for (const written of ['9999-12-31', '1989-12-31', '"2100-01-01"']) {
      const reading = fromYaml(`beian:\n  icp:\n    number: ${ICP}\n    approved: ${written}\n`);
      expect(summary(reading.findings), written).to.deep.equal([['config-date', 'error', 'beian.icp.approved']]);
      expect(reading.findings[0].message, written).to.contain('which is no filing or go-live date (those are in the years 1990 to 2099)');
      expect(auditConfig({ ...reading, language: 'en' }, '2025-03-01').some(f => f.deadline !== undefined), written).to.equal(false);
    }
  });

  it('a Date outside the years 0000–9999 (the ends of a JS Date) is config-date, never a crash: its ISO text names no day (fuzz case)', () => {
    for (const date of [new Date(-8.64e15), new Date('-271821-04-30T23:59:59.999Z'), new Date(8.64e15), new Date(Date.UTC(10000, 0, 1))]) {
      const reading = readConfig({ icp: { number: ICP, approved: date }, online: date, gongan: { applied: date } }, 'en');
      expect(summary(reading.findings), date.toISOString()).to.have.deep.members([['config-date', 'error', 'beian.icp.approved'], ['config-date', 'error', 'beian.gongan.applied'], ['config-date', 'error', 'beian.online']]);
      expect(reading.config.online).to.equal(undefined);
      expect(() => auditConfig({ ...reading, language: 'en' }, '2025-03-01')).not.to.throw();
    }
  });

  it('a day brought in by a merge key (<<: *base) is read as written where the anchor writes it; the block\'s own key wins', () => {
    const base = `url: https://blog.example.cn\nbase: &base\n  online: 2024-02-30\n  pages: all\n`;
    const merged = fromYaml(`${base}beian:\n  <<: *base\n  icp: ${ICP}\n`);
    expect(summary(merged.findings)).to.deep.include(['config-date', 'error', 'beian.online']);
    expect(merged.findings.find(f => f.code === 'config-date')?.message).to.contain('is 2024-02-30, which is not a real day');
    const listed = fromYaml(`${base}other: &other\n  online: 2024-06-01\nbeian:\n  <<: [*other, *base]\n  icp: ${ICP}\n`);
    expect(listed.config.online).to.equal('2024-06-01');
    const own = fromYaml(`${base}beian:\n  <<: *base\n  icp: ${ICP}\n  online: 2024-06-03\n`);
    expect(own.config.online).to.equal('2024-06-03');
    expect(summary(own.findings).map(s => s[0])).not.to.include('config-date');
  });

  it('gongan.applied and a domains entry\'s icp.approved, read at their own keys', () => {
    const { findings } = fromYaml('url: https://blog.example.cn\nbeian:\n  domains:\n    blog.example.cn:\n      icp: {number: 京ICP备20180491号-1, approved: 2023-02-29}\n      gongan:\n        applied: 2024-04-31\n');
    expect(summary(findings)).to.deep.equal([
      ['config-date', 'error', 'beian.domains["blog.example.cn"].icp.approved'],
      ['config-date', 'error', 'beian.domains["blog.example.cn"].gongan.applied']
    ]);
    expect(findings.map(f => /is (\S+), which/.exec(f.message)?.[1])).to.deep.equal(['2023-02-29', '2024-04-31']);
  });

  it('a real day is the day written, also with a time and a zone (not the UTC day)', () => {
    const { config, findings } = fromYaml(yaml('    approved: 2024-02-29\n  online: 2024-06-01 00:30:00+08:00\n'));
    expect(findings).to.deep.equal([]);
    expect(config.icp?.approved).to.equal('2024-02-29');
    expect(config.online).to.equal('2024-06-01');
  });

  it('text that is not this Date\'s (another file\'s, or none) is not used', () => {
    const site = load(yaml('    approved: 2024-02-30\n')) as { beian: unknown };
    // The file was edited since: its text says 2024-05-20, the Date is 2024-03-01.
    const stale = readConfig(site.beian, 'en', { written: writtenText([yaml('    approved: 2024-05-20\n')]) });
    expect(stale.config.icp?.approved).to.equal('2024-03-01');
    expect(readConfig(site.beian, 'en').config.icp?.approved).to.equal('2024-03-01');
  });

  it('writtenText: the last of several files wins; aliases, flow maps, tabs; quoted text is no date', () => {
    const text = writtenText([
      'beian:\n  online: 2024-01-01\n  icp: {number: x, approved: 2024-02-30}\n',
      'base: &d 2024-04-31\nbeian:\n\tonline: *d\n',
      'beian:\n  gongan:\n    applied: "2024-02-30"\n',
      'not: [valid yaml'
    ]);
    expect(text(['beian', 'online'])).to.equal('2024-04-31');
    expect(text(['beian', 'icp', 'approved'])).to.equal('2024-02-30');
    expect(text(['beian', 'gongan', 'applied'])).to.equal(undefined);
    expect(text(['beian', 'nothing'])).to.equal(undefined);
    expect(text(['__proto__'])).to.equal(undefined);
    expect(writtenText(['a: 1\na: 2\n'])(['a'])).to.equal('2');
  });

  it('yamlTimestamp: the day as written and the instant js-yaml makes of it', () => {
    const cases: [string, Date][] = [['2024-02-30', new Date(Date.UTC(2024, 1, 30))], ['2024-6-1 10:00:00', new Date(Date.UTC(2024, 5, 1, 10))], ['2024-06-01T00:30:00.5+08:00', new Date('2024-05-31T16:30:00.500Z')], ['2024-06-01 01:00:00 -01', new Date('2024-06-01T02:00:00Z')]];
    for (const [text, date] of cases) {
      expect(yamlTimestamp(text)?.instant, text).to.equal(date.getTime());
      expect(yamlTimestamp(text)?.instant, text).to.equal((load(`a: ${text}`) as { a: Date }).a.getTime());
    }
    expect(cases.map(([text]) => yamlTimestamp(text)?.day)).to.deep.equal(['2024-02-30', '2024-06-01', '2024-06-01', '2024-06-01']);
    expect(['2024/06/01', '2024-06-01x', 'today'].map(yamlTimestamp)).to.deep.equal([undefined, undefined, undefined]);
  });
});

describe('inputs: URL schemes are read as a browser reads them (one function, icon and links)', () => {
  const disguised = ['\u0000javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)', ' \u0001javascript:alert(1)', 'JaVa\r\nScRiPt:alert(1)', '\u001fdata:image/png;base64,AAAA'];

  it('urlScheme strips what URL parsers strip', () => {
    expect(disguised.map(urlScheme)).to.deep.equal(['javascript', 'javascript', 'javascript', 'javascript', 'javascript', 'data']);
    expect(['/images/gongan.png', '//cdn.example.cn/a.png', 'images/a.png', 'https://a.cn/', ' HTTP://a.cn/'].map(urlScheme)).to.deep.equal([undefined, undefined, undefined, 'https', 'http']);
  });

  it('gongan.icon: each is config-icon at its key, and no <img> is rendered', () => {
    for (const icon of disguised) {
      const { config, findings } = readConfig({ gongan: { number: GONGAN, icon } }, 'en');
      expect(summary(findings), JSON.stringify(icon)).to.deep.equal([['config-icon', 'error', 'beian.gongan.icon']]);
      expect(findings[0].message).not.to.match(/[\u0000-\u001f]/);
      expect(renderLine(lineItems(config, 'en', p => p))).not.to.contain('<img');
    }
  });

  it('gongan.icon: an address of another host without a scheme (//host, or with a backslash a browser reads as /) is config-icon, not a site path', () => {
    for (const icon of ['//evil.example/x.png', '/\\evil.example/x.png', '\\\\evil.example\\x.png', ' //evil.example/x.png']) {
      const { config, findings } = readConfig({ gongan: { number: GONGAN, icon } }, 'en');
      expect(summary(findings), JSON.stringify(icon)).to.deep.equal([['config-icon', 'error', 'beian.gongan.icon']]);
      expect(findings[0].message, icon).to.contain('an address starting with // is another site\'s, not a path on yours');
      expect(renderLine(lineItems(config, 'en', p => p))).not.to.contain('<img');
    }
    expect(readConfig({ gongan: { number: GONGAN, icon: '//evil.example/x.png' } }, 'en').findings[0].suggestion).to.equal('icon: https://evil.example/x.png');
    // A site path, and a full https address, still pass.
    for (const icon of ['/images/gongan.png', 'images/gongan.png', 'https://cdn.example.cn/gongan.png']) expect(readConfig({ gongan: { number: GONGAN, icon } }, 'en').findings, icon).to.deep.equal([]);
  });

  it('extra links: each is config-link; http(s) links still pass', () => {
    for (const link of disguised) {
      const { findings } = readConfig({ extra: [{ text: 'x', link }] }, 'en');
      expect(summary(findings), JSON.stringify(link)).to.deep.equal([['config-link', 'error', 'beian.extra[0].link']]);
    }
    expect(readConfig({ extra: [{ text: 'x', link: ' https://dxzhgl.miit.gov.cn/ ' }] }, 'en').config.extra[0].link).to.equal('https://dxzhgl.miit.gov.cn/');
  });

  // An outside review: each was taken and written as https://a.cn/ without a word.
  const unwritten: [string, string][] = [['https:a.cn', 'https://a.cn/'], ['https:\\a.cn', 'https://a.cn/'], ['https:/a.cn/x', 'https://a.cn/x'], ['https:///a.cn', 'https://a.cn/'], ['http://a.cn\\about', 'http://a.cn/about'], [' HTTPS:a.cn', 'https://a.cn/']];

  it('an http(s) address not written in full (https:a.cn, a backslash) is config-link, suggesting the address browsers read', () => {
    for (const [link, meant] of unwritten) {
      const { config, findings } = readConfig({ extra: [{ text: 'x', link }] }, 'en');
      expect(summary(findings), link).to.deep.equal([['config-link', 'error', 'beian.extra[0].link']]);
      expect(findings[0].message, link).to.contain(`for example ${meant} (it is "${link}")`);
      expect(findings[0].suggestion, link).to.equal(`link: ${meant}`);
      expect(config.extra[0].link, link).to.equal(undefined);
    }
    // What was written is quoted as written: a tab escaped, spaces kept (an outside review: both became one space).
    expect(readConfig({ extra: [{ text: 'x', link: 'https:\t//a.cn/' }] }, 'en').findings[0].message).to.contain('(it is "https:\\u0009//a.cn/")');
    expect(readConfig({ enable: '   ' + 'x  y' }, 'en').findings[0].message).to.contain('(it is "   x  y")');
    // A host without a scheme gets its https address to write.
    expect(readConfig({ extra: [{ text: 'x', link: 'www.a.cn/about' }] }, 'en').findings[0].suggestion).to.equal('link: https://www.a.cn/about');
    expect(readConfig({ extra: [{ text: 'x', link: 'ftp://a.cn' }] }, 'en').findings[0].suggestion).to.equal(undefined);
  });

  // An outside review: each passed, and the page asked for another file (/package.json), or a folder.
  it('gongan.icon: a site path with . or .. segments or a backslash is config-icon, suggesting the path a browser asks for', () => {
    for (const [icon, meant] of [['/../package.json', '/package.json'], ['/images/../../_config.yml', '/_config.yml'], ['/images/gongan.png/.', '/images/gongan.png'], ['/images\\gongan.png', '/images/gongan.png'], ['../_config.yml', '_config.yml'], ['/images/./g.png?v=1', '/images/g.png?v=1'],
      // A dot written %2e is a dot to the URL parser (the third outside review: Hexo's url_for decoded it onto the page).
      ['/images/%2e%2e/images/g.png', '/images/g.png'], ['/images/%2E./%2e/g.png', '/g.png'], ['/a/.%2E/b.png', '/b.png']]) {
      const { config, findings } = readConfig({ gongan: { number: GONGAN, icon } }, 'en');
      expect(summary(findings), icon).to.deep.equal([['config-icon', 'error', 'beian.gongan.icon']]);
      expect(findings[0].suggestion, icon).to.equal(`icon: ${meant}`);
      expect(renderLine(lineItems(config, 'en', p => p)), icon).not.to.contain('<img');
    }
    expect(readConfig({ gongan: { number: GONGAN, icon: '/images/g..png' } }, 'en').findings).to.deep.equal([]);
    expect(readConfig({ gongan: { number: GONGAN, icon: '/images/g%2e.png' } }, 'en').findings).to.deep.equal([]);
  });

  it('gongan.icon: a bidirectional control or a line separator in it is config-icon, never on the page', () => {
    for (const icon of ['/images/\u202egnp.g', '/images/g.png\u2028', '/images/\u2066g.png']) {
      const { config, findings } = readConfig({ gongan: { number: GONGAN, icon } }, 'en');
      expect(summary(findings), icon).to.deep.equal([['config-icon', 'error', 'beian.gongan.icon']]);
      expect(findings[0].message, icon).to.contain(printable(icon)).and.not.to.match(/[\u2028\u202e\u2066]/);
      expect(renderLine(lineItems(config, 'en', p => p)), icon).not.to.contain('<img');
    }
  });

  it('gongan.icon: the same addresses are config-icon, suggesting the address, and no <img> is rendered', () => {
    for (const [icon, meant] of [...unwritten.map(([link, href]) => [link + '/i.png', href.replace(/\/?$/, '/i.png')]), ['http://', '']]) {
      const { config, findings } = readConfig({ gongan: { number: GONGAN, icon } }, 'en');
      expect(summary(findings), icon).to.deep.equal([['config-icon', 'error', 'beian.gongan.icon']]);
      expect(findings[0].suggestion, icon).to.equal(meant ? `icon: ${meant}` : undefined);
      expect(renderLine(lineItems(config, 'en', p => p)), icon).not.to.contain('<img');
    }
  });
});

describe('inputs: words are never looked up on Object.prototype', () => {
  for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    it(`enable: ${word} is an error, not "read as function Object()"`, () => {
      const { config, findings } = readConfig({ enable: word, icp: ICP }, 'en');
      expect(config.enable).to.equal(true);
      expect(findings.map(f => [f.code, f.severity, f.path, f.message])).to.deep.equal([
        ['config-boolean', 'error', 'beian.enable', `beian.enable must be true or false (it is "${word}"); treated as true.`]
      ]);
    });
  }

  it('position, pages, duplicates, guard: constructor is an error', () => {
    const { config, findings } = readConfig({ icp: ICP, position: 'constructor', pages: '__proto__', duplicates: 'constructor', guard: 'constructor' }, 'en');
    expect(summary(findings).map(f => f.slice(0, 2))).to.deep.equal(Array(4).fill(['config-choice', 'error']));
    expect([config.position, config.pages, config.duplicates, config.guard]).to.deep.equal(['footer', 'all', 'skip', 'warn']);
  });

  it('a block with an own __proto__ key (as js-yaml makes it) is an unknown key', () => {
    const raw = load(`beian:\n  icp: ${ICP}\n  __proto__:\n    icp: 京ICP备99999999号\n`) as { beian: object };
    const { config, findings } = readConfig(raw.beian, 'en');
    expect(config.icp?.result.canonical).to.equal(ICP);
    expect(summary(findings)).to.deep.equal([['config-unknown-key', 'warning', 'beian.__proto__']]);
  });
});

describe('inputs: the engine never throws, whatever it is given', () => {
  const valid = parseIcp(ICP);
  const throwing = new Proxy({}, { get() { throw new Error('trap'); }, has() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const symbol = Symbol('canonical');
  const noPrototype = Object.create(null) as object;
  const crafted: unknown[] = [
    { ok: true, canonical: symbol, diagnostics: [] },
    { ok: true, canonical: noPrototype, diagnostics: [] },
    { ok: true, canonical: ICP, provinceCode: noPrototype, diagnostics: [] },
    { get ok(): boolean { throw new Error('getter'); } },
    { ok: false, diagnostics: [{ severity: 'error', code: 'wrong-kind', suggestion: symbol }] },
    { ok: false, diagnostics: { length: 1, 0: null } },
    { ok: false, get diagnostics(): unknown { throw new Error('getter'); } },
    { ok: false, diagnostics: new Proxy([], { get() { throw new Error('trap'); } }) },
    throwing, revocable.proxy, null, undefined, 42, 'text', symbol
  ];

  it('compareFilings on crafted results (Symbol or null-prototype canonical, throwing getters, a Proxy)', () => {
    for (const a of crafted) {
      for (const b of crafted) {
        expect(() => compareFilings(a as FilingResult, b as FilingResult), `${String(typeof a)} ${String(typeof b)}`).not.to.throw();
      }
      expect(() => compareFilings(a as FilingResult, valid)).not.to.throw();
      expect(() => compareFilings(valid, a as FilingResult, throwing as object)).not.to.throw();
    }
    // The same symbol (or object) in both: the case that threw building its message.
    expect(compareFilings(crafted[0] as FilingResult, crafted[0] as FilingResult)).to.deep.equal([]);
    expect(compareFilings(crafted[1] as FilingResult, crafted[1] as FilingResult)).to.deep.equal([]);
    // A real pair is still compared.
    expect(compareFilings(valid, parseGongan(ICP)).map(d => d.code)).to.deep.equal(['same-number']);
  });

  it('parseIcp and parseGongan on a Proxy, a throwing toString, a Symbol, crafted options', () => {
    const inputs: unknown[] = [throwing, revocable.proxy, { toString() { throw new Error('x'); } }, { [Symbol.toPrimitive]() { throw new Error('x'); } }, symbol, noPrototype, () => ICP, new String(ICP), 10n ** 30n, -1n];
    for (const input of inputs) {
      for (const options of [undefined, throwing, revocable.proxy, { language: 'zh', fields: throwing }]) {
        for (const parse of [parseIcp, parseGongan]) {
          const result = parse(input, options as object);
          expect(result.ok).to.equal(false);
          expect(result.diagnostics.length).to.be.greaterThan(0);
        }
      }
    }
  });

  it('property: any value, any options', () => {
    fc.assert(fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withSparseArray: true, withTypedArray: true }), fc.anything(), (input, options) => {
      for (const parse of [parseIcp, parseGongan]) {
        const result = parse(input, options as object);
        expect(typeof result.ok).to.equal('boolean');
        compareFilings(result, input as FilingResult, options as object);
        compareFilings(input as FilingResult, result);
      }
    }), { numRuns: 300 });
  });
});

describe('inputs: control characters are shown escaped in every message', () => {
  it('printable escapes C0, DEL, C1, bidi controls and lone surrogates; keeps text and pairs', () => {
    expect(printable('a\u001b[31mb\u0007\u007f\u0085\u202e\ud800😀京')).to.equal('a\\u001b[31mb\\u0007\\u007f\\u0085\\u202e\\ud800😀京');
    expect(printable('one\ntwo\t', true)).to.equal('one\ntwo\\u0009');
    expect(printable('a\u2028b\u2029c')).to.equal('a\\u2028b\\u2029c'); // they break a message's line
  });

  it('ESC and BEL in config values reach no message raw', () => {
    const raw = {
      enable: 'no\u0007',
      icp: '京ICP备\u001b[31m20180491号',
      gongan: { number: '\u001b]0;pwned\u0007', icon: '/images/\u001b.png' },
      online: '2024-06-01\u0007',
      extra: [{ text: 'x', link: 'https://a.cn/\u001b' }, { text: 5, lnk: 1 }],
      position: 'foo\u001b',
      template: 'a\u0007.njk',
      'typo\u001b': 1
    };
    const { config, findings } = readConfig(raw, 'en', { url: 'https://a.cn' });
    const hosts = readConfig({ domains: { 'a\u001b.cn': { icp: ICP }, 'a.cn': { gongan: '\u0007' } } }, 'en', { url: 'https://a.cn' });
    const audit = [...auditConfig({ config, findings, language: 'en' }, '2024-07-01'), ...auditConfig({ ...hosts, language: 'en' }, '2024-07-01')];
    expect(audit.length).to.be.greaterThan(8);
    for (const f of audit) {
      expect(f.message, f.code).not.to.match(/[\u0000-\u0009\u000b-\u001f\u007f]/);
      expect(f.suggestion ?? '', f.code).not.to.match(/[\u0000-\u0009\u000b-\u001f\u007f]/);
      expect(f.path ?? '', f.code).not.to.match(/[\u0000-\u001f\u007f]/);
    }
    const messages = audit.map(f => f.message).join('\n');
    expect(messages).to.contain('\\u001b[31m').and.contain('\\u0007').and.contain('beian.domains["a\\u001b.cn"]');
  });

  it('zh messages too', () => {
    const { findings } = readConfig({ icp: '京ICP备\u001b20180491号', enable: '\u0007' }, 'zh');
    expect(findings.length).to.equal(2);
    for (const f of findings) {
      expect(f.message).not.to.match(/[\u0000-\u001f]/);
      expect(f.message).to.match(/\\u00(1b|07)/);
    }
  });
});

describe('inputs: property — any config never throws, and every finding names a key', () => {
  // JSON-ish values as js-yaml can give them, and the strings that broke things.
  const nasty = fc.constantFrom('__proto__', 'constructor', 'toString', '\ud800', '\udfff', '\u0000', '\u001b[31m', '\u0007', 'java\tscript:x', '\u0000javascript:x', 'javascript:x', '/images/\ud800.png', '2024-02-30', ICP, GONGAN, '11010502030413', 'https://a.cn/\ud800', 'blog.example.cn', '');
  const text = fc.oneof(fc.string({ unit: 'binary' }), nasty, fc.string());
  const key = fc.oneof(nasty, fc.constantFrom('enable', 'icp', 'gongan', 'number', 'icon', 'applied', 'approved', 'online', 'extra', 'text', 'link', 'position', 'pages', 'duplicates', 'template', 'domains', 'guard', 'blog.example.cn'), fc.string());
  const leaf = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: false }));
  const { value } = fc.letrec(tie => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 6, noNullPrototype: false }))
  }));
  const beian = fc.oneof(value, fc.dictionary(key, value, { maxKeys: 10 }));

  it('readConfig, the line, the icon audit and the config audit', () => {
    fc.assert(fc.property(beian, fc.oneof(text, fc.constant('https://blog.example.cn')), fc.constantFrom('en', 'zh') as fc.Arbitrary<'en' | 'zh'>, (raw, url, language) => {
      const reading = readConfig(raw, language, { url, topLevel: { icp: raw, gongan: undefined }, written: writtenText([typeof raw === 'string' ? raw : 'beian:\n  online: 2024-02-30\n']) });
      const items = lineItems(reading.config, 'zh-Hans', urlFor);
      renderLine(items, 'zh-Hans');
      const findings = [...auditConfig({ ...reading, language }, '2024-07-01'), ...auditIcon(reading.config, { language, siteUrl: url, found: undefined })];
      for (const f of findings) {
        expect(f.path, `${f.code}: ${f.message}`).to.be.a('string').and.not.equal('');
        expect(f.message).not.to.match(/[\u0000-\u0009\u000b-\u001f\u007f]/);
        expect(isWellFormed(f.message), f.message).to.equal(true);
      }
    }), { numRuns: 500 });
  });
});

// Found by the bench's worst pages (this session): a spread of findings, like one of a node's
// children, is one call argument each, and past some 100,000 the call stack overflows.
describe('inputs: a block of any size never crashes', () => {
  // (Node 20's default stack takes a spread of about 126,000.)
  it('150,000 unknown keys under beian: one finding each, no RangeError', () => {
    const block: Record<string, unknown> = { icp: '京ICP备20180491号-1' };
    for (let i = 0; i < 150_000; i++) block[`k${i}`] = 1;
    const { findings } = readConfig(block, 'en');
    expect(findings.length).to.equal(150_000);
    expect(findings[149_999].path).to.equal('beian.k149999');
  });
});
