import { expect } from 'chai';
import { describe as describeFinding, finding, located, sortFindings, type Finding } from '../lib/finding';

describe('finding: describe()', () => {
  it('puts the path first, the code after the first line, the suggestion after write:', () => {
    expect(describeFinding({ code: 'placeholder', severity: 'error', message: 'A placeholder.', path: 'beian.icp', suggestion: 'a\nb' }, 'en'))
      .to.equal('beian.icp: A placeholder. (placeholder)\n    write: a\n    b');
  });

  it('does not say the path twice when the message opens with it, and keeps the path: form of the others', () => {
    expect(describeFinding({ code: 'config-date', severity: 'error', message: 'beian.online is not a date.', path: 'beian.online' }, 'en'))
      .to.equal('beian.online: is not a date. (config-date)');
    expect(describeFinding({ code: 'config-date', severity: 'error', message: 'beian.online 要写成 年-月-日。', path: 'beian.online' }, 'zh'))
      .to.equal('beian.online: 要写成 年-月-日。 (config-date)');
    expect(describeFinding({ code: 'x', severity: 'error', message: 'beian.domains["a.cn"]：键应是域名。', path: 'beian.domains["a.cn"]' }, 'zh'))
      .to.equal('beian.domains["a.cn"]：键应是域名。 (x)');
  });
});

describe('finding: the constructor', () => {
  it('says the message in the language asked, places it, and leaves out what is undefined', () => {
    const text = { zh: '中文', en: 'English' };
    expect(finding('zh', 'c', 'warning', text, { path: 'beian.icp', suggestion: undefined })).to.deep.equal({ code: 'c', severity: 'warning', message: '中文', path: 'beian.icp' });
    const made = finding('en', 'c', 'error', text, { page: 'index.html', daysOverdue: 0 });
    expect(made).to.deep.equal({ code: 'c', severity: 'error', message: 'English', page: 'index.html', daysOverdue: 0 });
    expect(Object.keys(finding('en', 'c', 'info', text))).to.deep.equal(['code', 'severity', 'message']);
  });
});

describe('finding: where its key is written (located, describe)', () => {
  const LOCATIONS: Record<string, { file: string; line: number; column: number }> = {
    'beian.icp': { file: '_config.yml', line: 42, column: 3 },
    '_config.fluid.yml:footer.beian.police_code': { file: '_config.fluid.yml', line: 118, column: 5 }
  };
  const locate = (path: string) => LOCATIONS[path];

  it('opens the line with file:line:column, as linters do, then the key; a theme path names its file once', () => {
    const [icp, theme, unknown, page] = located([
      { code: 'placeholder', severity: 'error', message: 'A placeholder.', path: 'beian.icp', suggestion: 'icp: x' },
      { code: 'theme-gongan-code', severity: 'error', message: 'Fluid shows…', path: '_config.fluid.yml:footer.beian.police_code' },
      { code: 'gongan-missing', severity: 'info', message: 'No 公安 number.', path: 'beian.gongan' },
      { code: 'page-missing', severity: 'error', message: 'Not here.', page: 'index.html', path: 'beian.icp' }
    ], locate);
    expect([icp.file, icp.line, icp.column]).to.deep.equal(['_config.yml', 42, 3]);
    expect(describeFinding(icp, 'en')).to.equal('_config.yml:42:3 beian.icp: A placeholder. (placeholder)\n    write: icp: x');
    expect(describeFinding(theme, 'en')).to.equal('_config.fluid.yml:118:5 footer.beian.police_code: Fluid shows… (theme-gongan-code)');
    // A default (no file writes the key) and a page: as before, no position.
    expect(unknown).not.to.have.property('line');
    expect(describeFinding(unknown, 'en')).to.equal('beian.gongan: No 公安 number. (gongan-missing)');
    expect(page).not.to.have.property('line');
    expect(describeFinding(page, 'en')).to.equal('index.html: Not here. (page-missing)');
    // The message that opens with its key still says it once.
    const [date] = located([{ code: 'config-date', severity: 'error', message: 'beian.icp is not a date.', path: 'beian.icp' }], locate);
    expect(describeFinding(date, 'en')).to.equal('_config.yml:42:3 beian.icp: is not a date. (config-date)');
  });

  it('never throws when locating fails, keeps a finding located already, and leaves the input alone', () => {
    const input: Finding[] = [{ code: 'x', severity: 'error', message: 'm', path: 'beian.icp' }];
    expect(located(input, () => {
      throw new Error('broken');
    })).to.deep.equal(input);
    const once = located(input, locate);
    expect(located(once, () => ({ file: 'other.yml', line: 1, column: 1 }))[0].file).to.equal('_config.yml');
    expect(input[0]).not.to.have.property('line');
    expect(located(input, undefined)).to.deep.equal(input);
  });
});

// A newcomer's trial: the report listed a file's findings in the order they were read, not by line.
describe('finding: sortFindings', () => {
  it('errors, warnings, infos; within each, by file (as first seen) and line and column, then what has no line, in the order found', () => {
    const f = (code: string, severity: Finding['severity'], file?: string, line?: number, column?: number): Finding =>
      ({ code, severity, message: code, ...(file !== undefined && { file }), ...(line !== undefined && { line, column }) });
    const sorted = sortFindings([
      f('page-a', 'error'), f('late', 'error', '_config.yml', 20, 3), f('theme', 'error', '_config.next.yml', 2, 1),
      f('early', 'error', '_config.yml', 8, 5), f('same-line', 'error', '_config.yml', 8, 3), f('warn', 'warning', '_config.yml', 1, 1),
      f('info', 'info'), f('page-b', 'error'), f('no-line', 'error', '_config.yml')
    ]);
    expect(sorted.map(x => x.code)).to.deep.equal(['same-line', 'early', 'late', 'theme', 'page-a', 'page-b', 'no-line', 'warn', 'info']);
  });
});
