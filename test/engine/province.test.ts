import { expect } from 'chai';
import { readFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from '../paths';
import { PROVINCES, provinceByChar, provinceByCode, TRADITIONAL_PROVINCE_CHARS } from '../../lib/engine/province';

/** The table of docs/filing-rules.md, "Province characters ↔ codes", as written there (the code block under that heading). */
function tableText(): string {
  const doc = readFileSync(join(repoRoot, 'docs', 'filing-rules.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Province characters ↔ codes'));
  const block = /```\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('docs/filing-rules.md has no province table');
  return block[1];
}

/** code → characters, read from the document's table. */
function readTable(): Map<string, string[]> {
  const table = new Map<string, string[]>();
  let code = '';
  for (const word of tableText().trim().split(/\s+/)) {
    if (/^\d\d$/.test(word)) {
      code = word;
      table.set(code, []);
    } else {
      table.get(code)?.push(word);
    }
  }
  return table;
}

describe('province', () => {
  it('PROVINCES is exactly the table of docs/filing-rules.md, canonical character first', () => {
    const table = readTable();
    expect(table.size).to.equal(31);
    expect(PROVINCES.map(p => [p.code, [...p.chars]])).to.deep.equal([...table.entries()]);
  });

  it('every code and every character is unique; codes are two digits; names are filled', () => {
    const codes = PROVINCES.map(p => p.code);
    const chars = PROVINCES.flatMap(p => p.chars);
    expect(new Set(codes).size).to.equal(codes.length);
    expect(new Set(chars).size).to.equal(chars.length);
    for (const p of PROVINCES) {
      expect(p.code).to.match(/^[1-6]\d$/);
      expect(p.chars.length).to.be.within(1, 2);
      p.chars.forEach(c => expect(c).to.have.length(1));
      expect(p.name.zh).to.match(/^[\u4e00-\u9fff]{2,3}$/);
      expect(p.name.en).to.match(/^[A-Z][A-Za-z ]+$/);
    }
  });

  it('the table cannot be changed by callers', () => {
    expect(Object.isFrozen(PROVINCES)).to.equal(true);
    expect(Object.isFrozen(PROVINCES[0])).to.equal(true);
    expect(Object.isFrozen(PROVINCES[0].chars)).to.equal(true);
  });

  it('provinceByChar: every character, both of the two-character provinces', () => {
    for (const p of PROVINCES) for (const c of p.chars) expect(provinceByChar(c)).to.equal(p);
    expect(provinceByChar('京')?.code).to.equal('11');
    expect(provinceByChar('蜀')?.code).to.equal('51');
    expect(provinceByChar('贵')?.code).to.equal('52');
    expect(provinceByChar('陇')?.code).to.equal('62');
    expect(provinceByChar('滇')?.name.en).to.equal('Yunnan');
  });

  it('provinceByChar: traditional forms give the same province', () => {
    expect(provinceByChar('粵')?.code).to.equal('44');
    expect(provinceByChar('滬')?.code).to.equal('31');
    expect(provinceByChar('閩')?.code).to.equal('35');
    expect(provinceByChar('隴')?.code).to.equal('62');
    for (const [traditional, simplified] of TRADITIONAL_PROVINCE_CHARS) {
      expect(provinceByChar(traditional), traditional).to.equal(provinceByChar(simplified));
      expect(provinceByChar(simplified), simplified).not.to.equal(undefined);
    }
  });

  it('provinceByChar: 云, 港, 澳, 台 and anything that is not one character give undefined', () => {
    for (const c of ['云', '雲', '港', '澳', '台', '萌', '', '京京', 'J', '1']) {
      expect(provinceByChar(c), c).to.equal(undefined);
    }
    expect(provinceByChar(undefined as unknown as string)).to.equal(undefined);
    expect(provinceByChar(11 as unknown as string)).to.equal(undefined);
  });

  it('provinceByCode: the 31 codes; anything else gives undefined', () => {
    for (const p of PROVINCES) expect(provinceByCode(p.code)).to.equal(p);
    expect(provinceByCode('53')?.chars[0]).to.equal('滇');
    expect(provinceByCode('51')?.chars[0]).to.equal('川');
    for (const c of ['00', '10', '16', '99', '1', '110', '', ' 11']) {
      expect(provinceByCode(c), c).to.equal(undefined);
    }
    expect(provinceByCode(11 as unknown as string)).to.equal(undefined);
  });
});
