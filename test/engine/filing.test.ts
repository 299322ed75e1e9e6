import { expect } from 'chai';
import fc from 'fast-check';
import { readFileSync } from 'fs';
import type { Diagnostic, Language } from '../../lib/engine/diagnostic';
import { compareFilings, FILING_CODES, parseGongan, parseIcp, type FilingResult } from '../../lib/engine/filing';
import { PROVINCES } from '../../lib/engine/province';
import { filingFixture } from '../paths';

type Field = 'icp' | 'gongan';
const parser = { icp: parseIcp, gongan: parseGongan };

interface Row { line: number; field: Field; input: string; ok: boolean; canonical: string; note: string }

/** The shared fixture: in `input`, the two characters `\n` and `\t` stand for a line break and a tab. */
function readFixture(): Row[] {
  const lines = readFileSync(filingFixture, 'utf8').split('\n').map(l => l.replace(/\r$/, ''));
  expect(lines[0]).to.equal('field\tinput\tok\tcanonical\tnote');
  const rows: Row[] = [];
  lines.slice(1).forEach((text, i) => {
    if (text === '') return;
    const [field, input, ok, canonical, note] = text.split('\t');
    if ((field !== 'icp' && field !== 'gongan') || (ok !== 'true' && ok !== 'false')) {
      throw new Error(`fixture line ${i + 2} is malformed: ${text}`);
    }
    rows.push({
      line: i + 2,
      field,
      input: input.replace(/\\([nt])/g, (_, c: string) => (c === 'n' ? '\n' : '\t')),
      ok: ok === 'true',
      canonical: canonical ?? '',
      note: note ?? ''
    });
  });
  return rows;
}

const codes = (r: FilingResult) => r.diagnostics.map(d => d.code);
const errors = (r: FilingResult) => r.diagnostics.filter(d => d.severity === 'error').map(d => d.code);
const find = (r: FilingResult, code: string): Diagnostic | undefined => r.diagnostics.find(d => d.code === code);

/** The documented shape of every result, whatever the input. */
function expectShape(r: FilingResult, label: string): void {
  expect(r, label).to.be.an('object');
  expect(r.ok, label).to.be.a('boolean');
  expect(r.diagnostics, label).to.be.an('array');
  for (const d of r.diagnostics) {
    expect(Object.keys(FILING_CODES), label).to.include(d.code);
    expect(d.severity, `${label} ${d.code}`).to.equal(FILING_CODES[d.code as keyof typeof FILING_CODES]);
    expect(d.message, label).to.be.a('string').and.not.equal('');
    if (d.suggestion !== undefined) expect(d.suggestion, label).to.be.a('string').and.not.equal('');
  }
  expect(r.ok, `${label}: ok iff no error`).to.equal(!r.diagnostics.some(d => d.severity === 'error'));
  expect(r.canonical !== undefined, `${label}: canonical iff ok`).to.equal(r.ok);
  if (r.ok) {
    expect(r.kind, label).to.be.a('string');
    expect(r.digits, label).to.match(/^\d+$/);
  } else {
    for (const key of ['kind', 'province', 'provinceCode', 'digits', 'site']) expect(r, label).not.to.have.property(key);
  }
}

/** A canonical form parses to itself with nothing left to normalise; returns the second result. */
function expectFixedPoint(field: Field, first: FilingResult, label: string): FilingResult {
  const again = parser[field](first.canonical);
  expect(again.ok, label).to.equal(true);
  expect(again.canonical, label).to.equal(first.canonical);
  expect(codes(again), label).not.to.include('normalised');
  // The warnings about the number itself (legacy, app, short serial) stay.
  expect(codes(again), label).to.deep.equal(codes(first).filter(c => c !== 'normalised'));
  return again;
}

/**
 * The diagnostic each fixture note calls for: [codes, one of which must be present; its
 * severity; a check on it]. Every note in the fixture must be listed, so a new one is seen.
 */
const NOTE_CODES: Record<string, { codes: string[]; severity: 'error' | 'warning'; check?: (d: Diagnostic) => void } | null> = {
  '': null,
  'licence': null,
  'B2 licence': null,
  'cross-regional licence': null,
  'placeholder': { codes: ['placeholder'], severity: 'error' },
  'placeholder serial': { codes: ['placeholder'], severity: 'error' },
  'province mismatch': { codes: ['province-mismatch'], severity: 'error' },
  'unknown province': { codes: ['unknown-province'], severity: 'error' },
  'ICP number in gongan field': { codes: ['wrong-kind'], severity: 'error' },
  'legacy 12-digit': { codes: ['legacy-gongan'], severity: 'warning' },
  'unparseable': { codes: ['unparseable'], severity: 'error' },
  'serial year': { codes: ['serial-year'], severity: 'error' },
  'two numbers or wrong kind': { codes: ['several-numbers', 'wrong-kind'], severity: 'error' },
  'Yunnan uses 滇': {
    codes: ['unknown-province'],
    severity: 'error',
    check: d => expect(d.suggestion).to.match(/^滇/)
  }
};

/**
 * Rows where the code deliberately differs from the note: the fixture calls the unrendered
 * EJS tag "two numbers or wrong kind", but it is neither; it is reported as what it is, a
 * placeholder (template code that _config.yml never fills in).
 */
const NOTE_OVERRIDES: Record<string, string[]> = {
  '萌ICP备<%= theme.moe_icp.icpnumber %>号': ['placeholder']
};

function expectedForNote(row: Row): { codes: string[]; severity: 'error' | 'warning'; check?: (d: Diagnostic) => void } | null {
  const override = NOTE_OVERRIDES[row.input];
  if (override) return { codes: override, severity: 'error' };
  if (/^\d+ digits$/.test(row.note)) return { codes: ['digit-count'], severity: 'error' };
  if (!(row.note in NOTE_CODES)) throw new Error(`fixture line ${row.line}: no rule for the note "${row.note}"`);
  return NOTE_CODES[row.note];
}

describe('filing: the shared fixture', () => {
  const rows = readFixture();

  it('has rows of both fields, valid and invalid', () => {
    expect(rows.length).to.be.greaterThan(200);
    expect(rows.some(r => r.field === 'gongan' && r.ok)).to.equal(true);
    expect(rows.some(r => r.field === 'icp' && !r.ok)).to.equal(true);
  });

  for (const row of rows) {
    it(`line ${row.line} ${row.field}: ${JSON.stringify(row.input)}${row.note ? ` (${row.note})` : ''}`, () => {
      const result = parser[row.field](row.input);
      expectShape(result, row.input);
      expect(result.ok, JSON.stringify(result.diagnostics)).to.equal(row.ok);
      if (row.ok) {
        expect(result.canonical).to.equal(row.canonical);
        expectFixedPoint(row.field, result, row.input);
      }
      if (row.note === 'cross-regional licence') expect(result).to.include({ kind: 'telecom-licence' }).and.not.have.property('province');
      if (row.note === 'B2 licence') expect(result.kind).to.equal('telecom-licence');
      if (row.note === 'licence') expect(result.kind).to.equal('icp-licence');

      const expected = expectedForNote(row);
      if (expected) {
        const hit = result.diagnostics.find(d => expected.codes.includes(d.code) && d.severity === expected.severity);
        expect(hit, `${expected.codes.join('|')} in ${JSON.stringify(codes(result))}`).not.to.equal(undefined);
        if (hit && expected.check) expected.check(hit);
      }
    });
  }
});

describe('filing: what a valid number gives', () => {
  it('ICP filing with a website suffix', () => {
    expect(parseIcp('京ICP备20180491号-1')).to.deep.equal({
      ok: true, canonical: '京ICP备20180491号-1', kind: 'icp-filing', province: '京', provinceCode: '11',
      digits: '20180491', site: 1, diagnostics: []
    });
  });

  it('ICP filing, 10 digits, no suffix: no site', () => {
    expect(parseIcp('粤ICP备2024143378号')).to.deep.equal({
      ok: true, canonical: '粤ICP备2024143378号', kind: 'icp-filing', province: '粤', provinceCode: '44',
      digits: '2024143378', diagnostics: []
    });
  });

  it('ICP licence', () => {
    expect(parseIcp('京ICP证030713号-2')).to.deep.equal({
      ok: true, canonical: '京ICP证030713号-2', kind: 'icp-licence', province: '京', provinceCode: '11',
      digits: '030713', site: 2, diagnostics: []
    });
  });

  it('telecom licences: province, B1.B2, suffix, and cross-regional without a province', () => {
    expect(parseIcp('粤B1.B2-20060628')).to.deep.equal({
      ok: true, canonical: '粤B1.B2-20060628', kind: 'telecom-licence', province: '粤', provinceCode: '44',
      digits: '20060628', diagnostics: []
    });
    expect(parseIcp('浙B2-20080101-4')).to.include({ ok: true, canonical: '浙B2-20080101-4', site: 4, digits: '20080101' });
    expect(parseIcp('B2-20140501')).to.deep.equal({
      ok: true, canonical: 'B2-20140501', kind: 'telecom-licence', digits: '20140501', diagnostics: []
    });
  });

  it('公安 number in full, as bare digits, and as a YAML integer: same result, no diagnostic', () => {
    const full = {
      ok: true, canonical: '京公网安备11010502030413号', kind: 'gongan', province: '京', provinceCode: '11',
      digits: '11010502030413', diagnostics: []
    };
    expect(parseGongan('京公网安备11010502030413号')).to.deep.equal(full);
    expect(parseGongan('11010502030413')).to.deep.equal(full);
    expect(parseGongan(11010502030413)).to.deep.equal(full);
  });

  it('公安: the written alternative character stays; bare digits take the first one', () => {
    expect(parseGongan('蜀公网安备51078202709010号')).to.include({ ok: true, province: '蜀', provinceCode: '51' });
    expect(parseGongan('51078202709010')).to.include({ ok: true, canonical: '川公网安备51078202709010号', province: '川' });
    expect(parseGongan('53010302231632')).to.include({ canonical: '滇公网安备53010302231632号' });
  });

  it('the language option changes messages only', () => {
    const input = '渝公网安备 33010002050803号';
    const en = parseGongan(input);
    const zh = parseGongan(input, { language: 'zh' });
    expect(en.diagnostics.map(d => [d.code, d.severity, d.suggestion])).to.deep.equal(zh.diagnostics.map(d => [d.code, d.severity, d.suggestion]));
    expect(parseGongan(input, { language: 'en' })).to.deep.equal(en);
    expect(parseGongan(input, {})).to.deep.equal(en);
    expect(parseGongan(input, null as unknown as undefined)).to.deep.equal(en);
    expect(parseGongan(input, { language: 'fr' as Language })).to.deep.equal(en);
  });
});

describe('filing: every diagnostic code', () => {
  it('empty: absent, empty, blank, or only invisible characters', () => {
    for (const input of [undefined, null, '', '   ', '\n\t', '\u200b\ufeff']) {
      const r = parseIcp(input);
      expect(r, JSON.stringify(input)).to.deep.include({ ok: false });
      expect(codes(r)).to.deep.equal(['empty']);
      expect(codes(parseGongan(input))).to.deep.equal(['empty']);
    }
  });

  it('not-text: lists, mappings, booleans, functions, symbols', () => {
    for (const input of [[], ['京ICP备20180491号-1'], {}, { number: '京ICP备20180491号-1' }, true, false, () => 1, Symbol('x'), new Date(0)]) {
      const r = parseIcp(input);
      expect(codes(r), String(typeof input)).to.deep.equal(['not-text']);
      expect(r.ok).to.equal(false);
    }
    expect(parseIcp([1]).diagnostics[0].message).to.equal('This is a list, not text: write the number itself, in the form ‹province›ICP备‹8 or 10 digits›号-‹site number›.');
    expect(parseGongan(true, { language: 'zh' }).diagnostics[0].message).to.equal('这里是true，不是文字：请直接写编号，形如 ‹省份简称›公网安备‹14 位数字›号。');
  });

  it('too-long: over 200 characters is refused unread', () => {
    expect(codes(parseIcp(' 京ICP备20180491号-1' + ' '.repeat(183)))).to.deep.equal([]);
    expect(codes(parseIcp(' 京ICP备20180491号-1' + ' '.repeat(184)))).to.deep.equal(['too-long']);
    expect(codes(parseGongan('1'.repeat(1_000_000)))).to.deep.equal(['too-long']);
  });

  it('unparseable: not a number at all, with what to write', () => {
    const r = parseIcp('请在此输入你的备案号');
    expect(codes(r)).to.deep.equal(['unparseable']);
    expect(r.diagnostics[0].message).to.equal('“请在此输入你的备案号” is not an ICP number: write ‹province›ICP备‹8 or 10 digits›号-‹site number› (or a licence: ‹province›ICP证‹6 digits›号 or ‹province›B2-‹8 digits›).');
    expect(codes(parseGongan('全国公安联网备案审核中'))).to.deep.equal(['unparseable']);
  });

  it('unparseable: the province character missing before ICP备', () => {
    const r = parseIcp('ICP备20180491号');
    expect(codes(r)).to.deep.equal(['unparseable']);
    expect(r.diagnostics[0].message).to.contain('province character is missing');
  });

  it('unparseable: extra text before a number, with the number as suggestion', () => {
    const d = parseIcp('本站京ICP备20180491号-1').diagnostics;
    expect(d).to.have.length(1);
    expect(d[0]).to.include({ code: 'unparseable', suggestion: '京ICP备20180491号-1' });
  });

  it('unparseable: a website suffix that is not -N', () => {
    expect(codes(parseIcp('京ICP备20180491号-x'))).to.deep.equal(['unparseable']);
    expect(codes(parseIcp('京ICP备20180491号-0'))).to.deep.equal(['unparseable']);
    expect(codes(parseIcp('京ICP备20180491-1号-2'))).to.deep.equal(['unparseable']);
  });

  it('unparseable: a YAML number that cannot be a filing number', () => {
    for (const input of [1.5, -11010502030413, NaN, Infinity]) expect(codes(parseGongan(input)), String(input)).to.deep.equal(['unparseable']);
  });

  it('unknown-province: 云 is not a filing province; the suggestion uses 滇', () => {
    const d = find(parseIcp('云ICP备2023333157号-1'), 'unknown-province');
    expect(d).to.include({ severity: 'error', suggestion: '滇ICP备2023333157号-1' });
    expect(d?.message).to.equal('Filing numbers write Yunnan as 滇, not 云: write 滇ICP备2023333157号-1.');
    const g = find(parseGongan('云公网安备53010302231632号'), 'unknown-province');
    expect(g?.suggestion).to.equal('滇公网安备53010302231632号');
  });

  it('unknown-province: a joke registry, 港, any other character', () => {
    const moe = parseIcp('萌ICP备20099519号');
    expect(codes(moe)).to.deep.equal(['unknown-province']);
    expect(moe.diagnostics[0].message).to.contain('joke registry');
    expect(moe.diagnostics[0]).not.to.have.property('suggestion');
    expect(parseIcp('港ICP备20099519号').diagnostics[0].message).to.contain('Hong Kong, Macau and Taiwan have no such filings');
    expect(codes(parseIcp('茶ICP备2025921605号'))).to.deep.equal(['unknown-province']);
  });

  it('unknown-province: 公安 digits that start with no province code', () => {
    const r = parseGongan('99010502030143');
    expect(codes(r)).to.deep.equal(['unknown-province']);
    expect(r.diagnostics[0].message).to.contain('99');
  });

  it('province-mismatch: the suggestion uses the character the digits imply', () => {
    const r = parseGongan('渝公网安备 33010002050803号');
    expect(r.diagnostics).to.have.length(1);
    expect(r.diagnostics[0]).to.include({ code: 'province-mismatch', severity: 'error', suggestion: '浙公网安备33010002050803号' });
    expect(r.diagnostics[0].message).to.equal('The province character 渝 (Chongqing) does not match the first two digits, 33 (Zhejiang): going by the digits, write 浙公网安备33010002050803号, or check the digits at beian.mps.gov.cn.');
    expect(parseGongan('京公网安备44030702730599').diagnostics[0].suggestion).to.equal('粤公网安备44030702730599号');
  });

  it('placeholder: X, 1234…, zeros, a zero serial part, the Fluid default, template code, YAML 0', () => {
    for (const input of ['京ICP备XXXXXXXX号', '京ICP备12345678号', '京ICP备00000000号', '京ICP备2024000000号', '浙ICP备0000号', '粤B2-2024889X', '{{ icp }}']) {
      expect(codes(parseIcp(input)), input).to.deep.equal(['placeholder']);
    }
    expect(parseIcp('京ICP证123456号').diagnostics[0].message).to.contain('Fluid');
    for (const input of ['京公网安备 11000000000000 号', '31010602000000', '12345678901234', 0]) {
      expect(codes(parseGongan(input)), String(input)).to.deep.equal(['placeholder']);
    }
  });

  it('digit-count: ICP filings of 4, 9 or 11 digits; 公安 numbers of other than 14 or 12', () => {
    for (const input of ['京ICP备2000号', '京ICP备201804910号', '京ICP备20240004910号', '沪B2-2008004']) {
      expect(codes(parseIcp(input)), input).to.deep.equal(['digit-count']);
    }
    for (const input of ['456', '18015645', '京公网安备1101050203014号', 1e20]) {
      expect(codes(parseGongan(input)), String(input)).to.deep.equal(['digit-count']);
    }
    expect(parseGongan('456').diagnostics[0].message).to.contain('has 3');
  });

  it('digit-count: ICP证 with a filing-sized serial suggests ICP备', () => {
    const d = parseIcp('京ICP证20180491号-1').diagnostics;
    expect(d).to.have.length(1);
    expect(d[0]).to.include({ code: 'digit-count', suggestion: '京ICP备20180491号-1' });
    expect(parseIcp('粤ICP证2024143378号').diagnostics[0].suggestion).to.equal('粤ICP备2024143378号');
    expect(parseIcp('京ICP证0307134号').diagnostics[0]).not.to.have.property('suggestion');
  });

  it('wrong-kind: an ICP number under gongan, to be moved to the ICP field (named as the caller names it)', () => {
    const r = parseGongan('皖ICP备18015620号-1');
    expect(r.diagnostics).to.have.length(1);
    expect(r.diagnostics[0]).to.include({ code: 'wrong-kind', severity: 'error', suggestion: '皖ICP备18015620号-1' });
    expect(r.diagnostics[0].message).to.contain('move it to the ICP field');
    expect(parseGongan('皖ICP备18015620号-1', { language: 'zh' }).diagnostics[0].message).to.contain('请移到 ICP备案号一栏');
    expect(parseGongan('皖ICP备18015620号-1', { language: 'zh', fields: { icp: 'beian.icp' } }).diagnostics[0].message).to.contain('请移到 beian.icp');
    // Names that are not short text are not taken: the engine's own stand.
    expect(parseGongan('皖ICP备18015620号-1', { fields: { icp: 'x'.repeat(81) } }).diagnostics[0].message).to.contain('move it to the ICP field');
    expect(parseGongan('沪B2-20080046').diagnostics[0]).to.include({ code: 'wrong-kind', suggestion: '沪B2-20080046' });
  });

  it('wrong-kind: a 公安 number under icp, written out or as bare digits, to be moved to beian.gongan', () => {
    const r = parseIcp('京公网安备 11010502030413');
    expect(r.diagnostics).to.have.length(1);
    expect(r.diagnostics[0]).to.include({ code: 'wrong-kind', suggestion: '京公网安备11010502030413号' });
    expect(r.diagnostics[0].message).to.contain('move it to the public-security field (as 京公网安备11010502030413号)');
    expect(parseIcp('京公网安备 11010502030413', { fields: { gongan: 'beian.domains["a.cn"].gongan' } }).diagnostics[0].message)
      .to.contain('move it to beian.domains["a.cn"].gongan (as 京公网安备11010502030413号)');
    expect(parseIcp('11010502030413').diagnostics[0]).to.include({ code: 'wrong-kind', suggestion: '京公网安备11010502030413号' });
    expect(codes(parseIcp('粵公網安備 (演示)'))).to.deep.equal(['wrong-kind', 'unparseable']);
  });

  it('several-numbers: two numbers in a field; the one that belongs there is suggested', () => {
    const r = parseGongan('鲁公网安备 37010402325350号 鲁ICP备10015947号');
    expect(r.diagnostics.map(d => [d.code, d.suggestion])).to.deep.equal([
      ['several-numbers', '鲁公网安备37010402325350号'],
      ['wrong-kind', '鲁ICP备10015947号']
    ]);
    const two = parseIcp('京ICP备20180491号-1 京ICP备20180491号-2');
    expect(codes(two)).to.deep.equal(['several-numbers']);
    expect(two.diagnostics[0]).not.to.have.property('suggestion');
  });

  it('legacy-gongan: a 12-digit number is shown, with a warning', () => {
    const r = parseGongan('京公网安备110105008661号');
    expect(r).to.deep.include({ ok: true, canonical: '京公网安备110105008661号', digits: '110105008661', provinceCode: '11' });
    expect(r.diagnostics.map(d => [d.code, d.severity])).to.deep.equal([['legacy-gongan', 'warning']]);
  });

  it('short-serial: a 5–7 digit ICP serial is accepted with a warning', () => {
    const r = parseIcp('京ICP备050075号');
    expect(r).to.deep.include({ ok: true, canonical: '京ICP备050075号', digits: '050075' });
    expect(r.diagnostics.map(d => [d.code, d.severity])).to.deep.equal([['short-serial', 'warning']]);
    expect(r.diagnostics[0].message).to.contain('ICP证');
  });

  it('app-number: -1A (APP) and -1X (mini-program) are accepted with a warning', () => {
    const app = parseIcp('陕ICP备2024026116号-1A');
    expect(app).to.deep.include({ ok: true, canonical: '陕ICP备2024026116号-1A', site: 1, digits: '2024026116' });
    expect(app.diagnostics.map(d => [d.code, d.severity])).to.deep.equal([['app-number', 'warning']]);
    expect(app.diagnostics[0].message).to.contain('an app');
    const mini = parseIcp('皖ICP备2023023087号-1x');
    expect(mini.canonical).to.equal('皖ICP备2023023087号-1X');
    expect(find(mini, 'app-number')?.message).to.contain('mini-program');
  });

  it('normalised: says what changed and suggests the canonical text', () => {
    const r = parseIcp(' 京ICP備 05007539號－24 ');
    expect(r).to.deep.include({ ok: true, canonical: '京ICP备05007539号-24', site: 24 });
    expect(r.diagnostics).to.deep.equal([{
      code: 'normalised',
      severity: 'warning',
      message: 'Written in a non-standard form (removed white space; full-width → half-width; traditional → simplified): write 京ICP备05007539号-24 instead.',
      suggestion: '京ICP备05007539号-24'
    }]);
    expect(parseIcp('赣ICP备18013338-1号').diagnostics[0]).to.include({ suggestion: '赣ICP备18013338号-1' });
    expect(parseIcp('赣ICP备18013338-1号').diagnostics[0].message).to.contain('moved -N after 号');
    expect(parseIcp('沪ICP备 09007023').diagnostics[0].message).to.contain('added 号');
    expect(parseIcp('京ICP备09557430号－2号').diagnostics[0].message).to.contain('removed the extra 号');
    expect(parseIcp('备案号：皖ICP备16253277号-3').diagnostics[0].message).to.contain('removed the label “备案号：”'); // quoted as written, full-width colon and all
    expect(parseIcp('沪ICP证：沪B2-20100043').diagnostics[0]).to.include({ suggestion: '沪B2-20100043' });
    expect(parseGongan('京公安网备11010502808495', { language: 'zh' }).diagnostics[0].message)
      .to.equal('写法不规范（“公安网备”改为“公网安备”；补上了“号”）：请改写为 京公网安备11010502808495号。');
    // The third outside review: 公网安备案 (as ICP备案), a licence's b in lower case (as icp).
    expect(parseGongan('京公网安备案11010502030413号')).to.deep.include({ ok: true, canonical: '京公网安备11010502030413号' });
    expect(parseGongan('京公网安备案11010502030413号').diagnostics[0].message).to.contain('公网安备案 → 公网安备');
    for (const [written, canonical] of [['浙b2-20080101', '浙B2-20080101'], ['粤b1.b2-20060628', '粤B1.B2-20060628'], ['b2-20140501', 'B2-20140501']]) {
      expect(parseIcp(written), written).to.deep.include({ ok: true, canonical });
      expect(parseIcp(written).diagnostics[0].message, written).to.contain('b → B');
    }
  });

  it('normalised: leading and trailing spaces alone are not worth a warning', () => {
    expect(parseIcp('  京ICP备20180491号-1\n')).to.deep.include({ ok: true, diagnostics: [] });
  });
});

describe('filing: compareFilings', () => {
  const icp = parseIcp('京ICP备20180491号-1');

  it('nothing to say about two valid numbers of one province', () => {
    expect(compareFilings(icp, parseGongan('京公网安备11010502030413号'))).to.deep.equal([]);
  });

  it('provinces-differ: info only, naming both provinces', () => {
    const d = compareFilings(icp, parseGongan('沪公网安备31011502079240号'));
    expect(d.map(x => [x.code, x.severity])).to.deep.equal([['provinces-differ', 'info']]);
    expect(d[0].message).to.contain('京 (Beijing)').and.contain('沪 (Shanghai)');
    expect(compareFilings(icp, parseGongan('沪公网安备31011502079240号'), { language: 'zh' })[0].message).to.contain('北京').and.contain('上海');
    expect(compareFilings(parseIcp('B2-20140501'), parseGongan('沪公网安备31011502079240号'))).to.deep.equal([]);
  });

  it('same-number: the ICP number copied into the 公安 field (and the reverse) is an error', () => {
    const d = compareFilings(icp, parseGongan('京ICP备20180491号-1'));
    expect(d.map(x => [x.code, x.severity])).to.deep.equal([['same-number', 'error']]);
    expect(d[0].message).to.contain('京ICP备20180491号-1');
    const gongan = parseGongan('京公网安备11010502030413号');
    expect(compareFilings(parseIcp('11010502030413'), gongan).map(x => x.code)).to.deep.equal(['same-number']);
  });

  it('says nothing when either side is invalid for other reasons, and never throws', () => {
    expect(compareFilings(parseIcp('京ICP备XXXXXXXX号'), parseGongan(''))).to.deep.equal([]);
    expect(() => compareFilings(undefined as unknown as FilingResult, {} as FilingResult)).not.to.throw();
  });
});

describe('filing: both languages', () => {
  const inputs: [Field, unknown][] = [
    ['icp', ''], ['icp', []], ['icp', 'x'.repeat(201)], ['icp', '请在此输入你的备案号'], ['icp', '云ICP备2023333157号-1'],
    ['gongan', '渝公网安备 33010002050803号'], ['icp', '京ICP备XXXXXXXX号'], ['icp', '京ICP备201804910号'],
    ['gongan', '皖ICP备18015620号-1'], ['icp', '京ICP备08929917号京公网安备110108525495'], ['gongan', '京公网安备110105008661号'],
    ['icp', '京ICP备050075号'], ['icp', '陕ICP备2024026116号-1A'], ['icp', '京ICP備05007539號-24'], ['gongan', 1.5], ['icp', '京ICP备9999999999号']
  ];

  it('covers every code of a single field', () => {
    const seen = new Set(inputs.flatMap(([field, input]) => codes(parser[field](input))));
    expect([...seen].sort()).to.deep.equal(Object.keys(FILING_CODES).filter(c => c !== 'same-number' && c !== 'provinces-differ').sort());
  });

  it('the same codes and suggestions; zh messages in Chinese, en messages in English', () => {
    for (const [field, input] of inputs) {
      const en = parser[field](input, { language: 'en' });
      const zh = parser[field](input, { language: 'zh' });
      expect(zh.diagnostics.map(d => [d.code, d.severity, d.suggestion])).to.deep.equal(en.diagnostics.map(d => [d.code, d.severity, d.suggestion]));
      en.diagnostics.forEach((d, i) => {
        const label = `${JSON.stringify(input)} ${d.code}`;
        expect(d.message, label).to.match(/\b[A-Za-z]{3,}\b.*\b[A-Za-z]{3,}\b.*\b[A-Za-z]{3,}\b/);
        expect(d.message, label).not.to.match(/[，。；：（）、]/);
        expect(zh.diagnostics[i].message, label).to.match(/[\u4e00-\u9fff]/).and.to.match(/[。：，]/);
        expect(zh.diagnostics[i].message, label).not.to.equal(d.message);
      });
    }
    const pairs: [FilingResult, FilingResult][] = [
      [parseIcp('京ICP备20180491号-1'), parseGongan('沪公网安备31011502079240号')],
      [parseIcp('京ICP备20180491号-1'), parseGongan('京ICP备20180491号-1')]
    ];
    for (const [a, b] of pairs) {
      const en = compareFilings(a, b, { language: 'en' });
      const zh = compareFilings(a, b, { language: 'zh' });
      expect(zh.map(d => d.code)).to.deep.equal(en.map(d => d.code));
      expect(en[0].message).not.to.match(/[，。；：（）、]/);
      expect(zh[0].message).to.match(/[。：，]/);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

/** Pieces of real filing text, so random strings reach every branch of the parser. */
const PIECES = [
  '京', '粤', '沪', '蜀', '云', '萌', '粵', '滬', 'ICP', 'icp', 'ＩＣＰ', '备', '備', '备案', '证', '證', '号', '號',
  '公网安备', '公網安備', '公安网备', '公网安备案', 'B2', 'B1.B2', 'b2', 'b1.b2', '-', '－', '：', ':', '|', ' ', '\t', '\n', '\u200b', '（', '）',
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '２', 'X', 'x', 'A', '备案号：', 'ICP: ', '<%', '11010502030413',
  '20180491', '2024143378', '000000', '12345678'
];
const filingish = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map(parts => parts.join(''));

/** A label for any value, even one that cannot be turned into a string. */
function describeValue(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
  } catch {
    return typeof value;
  }
}

/** Any input at all gives the documented shape; a valid result is a fixed point. */
function checkAnything(field: Field, input: unknown): void {
  const result = parser[field](input);
  const label = `${field} ${describeValue(input)}`;
  expectShape(result, label);
  if (result.ok) expectFixedPoint(field, result, label);
}

describe('filing: properties', () => {
  it('never throws on anything, and always returns the documented shape', () => {
    fc.assert(fc.property(fc.anything({ withBigInt: true, withBoxedValues: true, withNullPrototype: true, withSparseArray: true }), input => {
      checkAnything('icp', input);
      checkAnything('gongan', input);
    }), { numRuns: 200 });
  });

  it('strings of any code units, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), input => {
      checkAnything('icp', input);
      checkAnything('gongan', input);
    }), { numRuns: 300 });
  });

  it('hostile objects: a revoked proxy, options whose getter throws', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(codes(parseIcp(proxy))).to.deep.equal(['not-text']);
    const options = Object.defineProperty({}, 'language', { get: () => { throw new Error('no'); } });
    expect(parseGongan('11010502030413', options)).to.include({ ok: true });
  });

  it('numbers of every kind', () => {
    fc.assert(fc.property(fc.oneof(fc.double(), fc.integer(), fc.maxSafeNat(), fc.bigInt()), input => {
      checkAnything('icp', input);
      checkAnything('gongan', input);
    }), { numRuns: 200 });
  });

  it('long strings near and over the cap', () => {
    fc.assert(fc.property(fc.string({ minLength: 150, maxLength: 400 }), filingish, (noise, number) => {
      checkAnything('icp', noise + number);
      checkAnything('gongan', number + noise);
    }), { numRuns: 50 });
  });

  it('filing-like text: shape holds, and normalising twice equals once', () => {
    fc.assert(fc.property(filingish, input => {
      for (const field of ['icp', 'gongan'] as const) {
        const once = parser[field](input);
        expectShape(once, input);
        if (once.ok) expect(parser[field](once.canonical).canonical, input).to.equal(once.canonical);
      }
    }), { numRuns: 400 });
  });

  it('a real-looking ICP number, however it is written, gives its canonical form', () => {
    const digit = fc.constantFrom(...'0123456789');
    const serial = fc.oneof(
      fc.string({ unit: digit, minLength: 8, maxLength: 8 }),
      fc.tuple(fc.integer({ min: 2000, max: new Date().getUTCFullYear() + 1 }), fc.string({ unit: digit, minLength: 6, maxLength: 6 })).map(([y, s]) => `${y}${s}`)
    ).filter(s => !/0{6}$/.test(s) && !'12345678901234'.startsWith(s));
    const number = fc.record({
      char: fc.constantFrom(...PROVINCES.flatMap(p => p.chars)),
      serial,
      site: fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined })
    });
    const noise = fc.record({
      label: fc.constantFrom('', '备案号：', 'ICP备案号: ', 'ICP: ', '互联网ICP备案号:'),
      spaces: fc.array(fc.nat(), { maxLength: 4 }),
      space: fc.constantFrom(' ', '\t', '\n', '\u200b', '\u3000'),
      fullwidth: fc.boolean(),
      traditional: fc.boolean(),
      lower: fc.boolean(),
      dropHao: fc.boolean(),
      hyphen: fc.boolean(),
      trailing: fc.constantFrom('', '|', '：')
    });
    const trad: Record<string, string> = { 备: '備', 号: '號', 粤: '粵', 沪: '滬', 闽: '閩', 陇: '隴' };
    fc.assert(fc.property(number, noise, ({ char, serial, site }, n) => {
      const canonical = `${char}ICP备${serial}号${site ? `-${site}` : ''}`;
      let text = `${char}${n.lower ? 'icp' : 'ICP'}备${n.hyphen ? '-' : ''}${serial}${n.dropHao && !site ? '' : '号'}${site ? `-${site}` : ''}`;
      if (n.traditional) text = [...text].map(c => trad[c] ?? c).join('');
      if (n.fullwidth) text = text.replace(/[0-9A-Za-z-]/g, c => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      for (const at of n.spaces) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + n.space + text.slice(i);
      }
      text = n.label + text + n.trailing;
      const r = parseIcp(text);
      expect(r.ok, `${JSON.stringify(text)} ${JSON.stringify(r.diagnostics)}`).to.equal(true);
      expect(r.canonical, JSON.stringify(text)).to.equal(canonical);
      expect(r.province).to.equal(char);
      expect(r.digits).to.equal(serial);
      expect(r.site).to.equal(site);
      expect(codes(r).includes('normalised'), JSON.stringify(text)).to.equal(text.trim() !== canonical);
      expect(errors(r)).to.deep.equal([]);
    }), { numRuns: 300 });
  });

  it('a real-looking 公安 number: bare, as an integer, or written out, gives its canonical form', () => {
    const digit = fc.constantFrom(...'0123456789');
    fc.assert(fc.property(
      fc.constantFrom(...PROVINCES),
      fc.string({ unit: digit, minLength: 6, maxLength: 6 }),
      fc.string({ unit: digit, minLength: 6, maxLength: 6 }).filter(s => s !== '000000'),
      fc.nat(),
      (province, middle, tail, pick) => {
        const digits = `${province.code}${middle}${tail}`;
        fc.pre(digits !== '12345678901234');
        const char = province.chars[pick % province.chars.length];
        const written = parseGongan(`${char}公网安备 ${digits}`);
        expect(written).to.deep.include({ ok: true, canonical: `${char}公网安备${digits}号`, province: char, provinceCode: province.code, digits });
        const bare = parseGongan(digits);
        expect(bare).to.deep.include({ ok: true, canonical: `${province.chars[0]}公网安备${digits}号`, diagnostics: [] });
        expect(parseGongan(Number(digits))).to.deep.equal(bare);
        const other = PROVINCES[(PROVINCES.indexOf(province) + 1 + (pick % 30)) % PROVINCES.length];
        const wrong = parseGongan(`${other.chars[0]}公网安备${digits}号`);
        expect(wrong.diagnostics.map(d => [d.code, d.suggestion])).to.deep.equal([['province-mismatch', `${province.chars[0]}公网安备${digits}号`]]);
      }
    ), { numRuns: 200 });
  });
});
