/**
 * The provinces that issue website filings, with the one-character abbreviations used in
 * ICP and public-security (公安) numbers and the two-digit codes that open a 公安 number.
 *
 * Source: docs/filing-rules.md, "Province characters ↔ codes" (the two digits are the province
 * part of the GB/T 2260 administrative code). The filing list is not the car-plate list:
 * Yunnan files as 滇, never 云; Hong Kong, Macau and Taiwan have no filings.
 */

/** One filing province. */
export interface Province {
  /** The two-digit administrative code, e.g. `'11'`. */
  code: string;
  /** The characters a filing number may start with; the first is the canonical one. */
  chars: readonly string[];
  /** The province's name, for messages. */
  name: { zh: string; en: string };
}

function province(code: string, chars: string[], zh: string, en: string): Province {
  return Object.freeze({ code, chars: Object.freeze(chars), name: Object.freeze({ zh, en }) });
}

/**
 * Every filing province, in code order. Second characters are real alternatives seen on
 * filings: 蜀 (Sichuan), 贵 (Guizhou), 陇 (Gansu; seen only on ICP numbers) (docs/filing-rules.md).
 */
export const PROVINCES: readonly Province[] = Object.freeze([
  province('11', ['京'], '北京', 'Beijing'),
  province('12', ['津'], '天津', 'Tianjin'),
  province('13', ['冀'], '河北', 'Hebei'),
  province('14', ['晋'], '山西', 'Shanxi'),
  province('15', ['蒙'], '内蒙古', 'Inner Mongolia'),
  province('21', ['辽'], '辽宁', 'Liaoning'),
  province('22', ['吉'], '吉林', 'Jilin'),
  province('23', ['黑'], '黑龙江', 'Heilongjiang'),
  province('31', ['沪'], '上海', 'Shanghai'),
  province('32', ['苏'], '江苏', 'Jiangsu'),
  province('33', ['浙'], '浙江', 'Zhejiang'),
  province('34', ['皖'], '安徽', 'Anhui'),
  province('35', ['闽'], '福建', 'Fujian'),
  province('36', ['赣'], '江西', 'Jiangxi'),
  province('37', ['鲁'], '山东', 'Shandong'),
  province('41', ['豫'], '河南', 'Henan'),
  province('42', ['鄂'], '湖北', 'Hubei'),
  province('43', ['湘'], '湖南', 'Hunan'),
  province('44', ['粤'], '广东', 'Guangdong'),
  province('45', ['桂'], '广西', 'Guangxi'),
  province('46', ['琼'], '海南', 'Hainan'),
  province('50', ['渝'], '重庆', 'Chongqing'),
  province('51', ['川', '蜀'], '四川', 'Sichuan'),
  province('52', ['黔', '贵'], '贵州', 'Guizhou'),
  province('53', ['滇'], '云南', 'Yunnan'),
  province('54', ['藏'], '西藏', 'Tibet'),
  province('61', ['陕'], '陕西', 'Shaanxi'),
  province('62', ['甘', '陇'], '甘肃', 'Gansu'),
  province('63', ['青'], '青海', 'Qinghai'),
  province('64', ['宁'], '宁夏', 'Ningxia'),
  province('65', ['新'], '新疆', 'Xinjiang')
]);

/**
 * Traditional forms of province characters → the simplified form filings use.
 * Observed on real sites (docs/filing-rules.md: `粵公網安備…號`, `滬ICP備…`); the rest are the
 * standard traditional forms of the remaining characters that differ.
 */
export const TRADITIONAL_PROVINCE_CHARS: ReadonlyMap<string, string> = new Map([
  ['晉', '晋'], ['遼', '辽'], ['滬', '沪'], ['蘇', '苏'], ['閩', '闽'], ['贛', '赣'],
  ['魯', '鲁'], ['粵', '粤'], ['瓊', '琼'], ['貴', '贵'], ['陝', '陕'], ['隴', '陇'],
  ['寧', '宁']
]);

const BY_CHAR: ReadonlyMap<string, Province> = new Map(
  PROVINCES.flatMap(p => p.chars.map(c => [c, p] as const))
);
const BY_CODE: ReadonlyMap<string, Province> = new Map(PROVINCES.map(p => [p.code, p] as const));

/**
 * The province a single character stands for: `'京'` → Beijing, `'蜀'` → Sichuan,
 * `'粵'` (traditional) → Guangdong. Undefined for anything else, including `'云'` (Yunnan
 * files as 滇), `'港'`, `'澳'`, `'台'`, strings longer than one character and non-strings.
 */
export function provinceByChar(char: string): Province | undefined {
  if (typeof char !== 'string' || char.length !== 1) return undefined;
  return BY_CHAR.get(TRADITIONAL_PROVINCE_CHARS.get(char) ?? char);
}

/**
 * The province for a two-digit code: `'44'` → Guangdong. Undefined for any other input
 * (`'4'`, `'440'`, `'99'`, non-strings).
 */
export function provinceByCode(code: string): Province | undefined {
  if (typeof code !== 'string' || code.length !== 2) return undefined;
  return BY_CODE.get(code);
}
