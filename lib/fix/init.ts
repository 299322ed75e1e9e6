import { say, type Language } from '../engine/diagnostic';
import { isCalendarDate } from '../engine/date';
import { checkExample, NUMBER_SHAPES } from '../engine/examples';
import { compareFilings, parseGongan, parseIcp, type FilingResult } from '../engine/filing';
import { isBlank, isPlain } from '../engine/text';
import { hostOf } from '../config/domains';
import { ROOT } from '../config/schema';
import { filingIn } from '../config/values';
import { correct, type FixResult } from './beian';
import { parseYaml, valuesOf, type Mapping } from './yaml';

/**
 * `hexo beian init`: the `beian:` block of a blog that has none, from the numbers given on the
 * command line, each through the engine (refused when invalid, written canonically when the
 * engine normalised it, and said so), added to `_config.yml` as `fix` adds keys.
 */

/** What was given: `--icp`, `--gongan`, `--online`, as Hexo's argument parser gives them; and the site's `url`. */
export interface InitInput {
  icp: unknown;
  gongan?: unknown;
  online?: unknown;
  /** `hexo.config.url`: its host decides whether a known example number is refused, as the build decides (lib/engine/examples.ts). */
  url?: unknown;
}

export type InitOutcome =
  /** The input is refused: these lines say why (exit 2). */
  | { kind: 'refused'; lines: string[] }
  /** `_config.yml` has filing settings already: nothing is changed (`same`: exactly these). */
  | { kind: 'exists'; same: boolean; line: string }
  /** The block to add; `notes` says what was written otherwise than given. */
  | { kind: 'add'; result: FixResult; notes: string[] };

const FIELDS = { icp: '--icp', gongan: '--gongan' };

export function initBeian(text: string, file: string, language: Language, input: InitInput): InitOutcome {
  const lines: string[] = [];
  const notes: string[] = [];
  const host = hostOf(input.url);
  // Why an example number is refused here (after the message): the host it would be shown on is a real one.
  const realHost = say(language, host === undefined
    ? { zh: '站点的 url 不是网址，按真实域名处理，init 不写入示例编号。', en: ' The site\'s url is not a URL, so it counts as a real host: init does not write an example number.' }
    : { zh: `站点 url 的域名 ${host} 不是保留给示例的域名，init 不写入示例编号。`, en: ` The site's url has the host ${host}, which is not reserved for examples: init does not write an example number.` });
  const given = (parsed: FilingResult, flag: string, value: unknown): string | undefined => {
    // The example-number rule of the build: refused on a real host, a note on a reserved one.
    const result = checkExample(parsed, host, language);
    for (const d of result.diagnostics) {
      if (d.code === 'normalised') continue;
      const why = d.code === 'example-number' && d.severity === 'error' ? realHost : '';
      (d.severity === 'error' ? lines : notes).push(`${flag}: ${d.message}${why}${d.suggestion && d.severity === 'error' ? ` (${say(language, { zh: '改为', en: 'write' })}: ${d.suggestion})` : ''}`);
    }
    if (!result.ok || result.canonical === undefined) return undefined;
    if (result.canonical !== String(value)) {
      notes.push(say(language, {
        zh: `${flag} ${String(value)} 的规范写法是 ${result.canonical}，${file} 里写的是后者。`,
        en: `${flag} ${String(value)} is written ${result.canonical} in ${file}, its canonical form.`
      }));
    }
    return result.canonical;
  };
  if (typeof input.icp !== 'string' && typeof input.icp !== 'number') {
    return { kind: 'refused', lines: [say(language, { zh: `--icp 是必填项：写 ICP备案号，形如 --icp ${NUMBER_SHAPES.icp.zh}。`, en: `--icp is required: the ICP number, shaped --icp ${NUMBER_SHAPES.icp.en}.` })] };
  }
  const icpResult = parseIcp(input.icp, { language, fields: FIELDS });
  const icp = given(icpResult, '--icp', input.icp);
  let gongan: string | undefined;
  let gonganResult: FilingResult | undefined;
  if (input.gongan !== undefined) {
    if (typeof input.gongan !== 'string' && typeof input.gongan !== 'number') {
      lines.push(say(language, { zh: `--gongan 要写公安联网备案号，形如 --gongan ${NUMBER_SHAPES.gongan.zh}。`, en: `--gongan takes the public-security (公安) number, shaped --gongan ${NUMBER_SHAPES.gongan.en}.` }));
    } else {
      gonganResult = parseGongan(input.gongan, { language, fields: FIELDS });
      gongan = given(gonganResult, '--gongan', input.gongan);
    }
  }
  if (input.online !== undefined && !(typeof input.online === 'string' && isCalendarDate(input.online))) {
    lines.push(say(language, { zh: `--online 应是日期，年-月-日，例如 --online 2024-06-01（收到的是 ${String(input.online)}）。`, en: `--online takes a date, year-month-day, for example --online 2024-06-01 (got ${String(input.online)}).` }));
  }
  if (icp && gonganResult && gongan) {
    for (const d of compareFilings(icpResult, gonganResult, { language, fields: FIELDS })) (d.severity === 'error' ? lines : notes).push(d.message);
  }
  if (lines.length > 0 || !icp) return { kind: 'refused', lines };
  const online = input.online as string | undefined;

  const doc = parseYaml(text);
  const values = doc ? valuesOf(doc) : undefined;
  if (text.trim() !== '' && !isPlain(values) && values !== null) {
    return { kind: 'refused', lines: [say(language, { zh: `${file} 不是可以逐字编辑的 YAML，没有修改。`, en: `${file} is not YAML that can be edited in place; nothing was changed.` })] };
  }
  const existing = isPlain(values) ? values : {};
  if (existing[ROOT] !== undefined || !isBlank(existing.icp) || !isBlank(existing.gongan)) {
    const block = existing[ROOT];
    const same = isPlain(block) && filingIn(block.icp)?.canonical === icp && (filingIn(block.gongan)?.canonical ?? undefined) === gongan
      && (online === undefined || String(block.online) === online) && isBlank(existing.icp) && isBlank(existing.gongan);
    return {
      kind: 'exists',
      same,
      line: same
        ? say(language, { zh: `${file} 里已有这个 beian: 配置块，没有修改。`, en: `${file} has this beian: block already; nothing was changed.` })
        : say(language, {
          zh: `${file} 里已有备案设置（beian: 配置块，或顶层的 icp/gongan），init 不会修改它：请直接编辑，或运行 hexo beian fix 修正它。`,
          en: `${file} has filing settings already (a beian: block, or icp/gongan at the top level), which init leaves alone: edit them, or run hexo beian fix to correct them.`
        })
    };
  }
  const entries: Mapping['entries'] = [
    ['icp', icp],
    ...(gongan ? [['gongan', gongan] as const] : []),
    ...(online ? [['online', { written: online }] as const] : [])
  ];
  let done = false;
  const { after, changes, refused } = correct(text, file, language, [() => {
    if (done) return undefined;
    done = true;
    return { id: 'init', edits: [{ op: 'set', path: [ROOT], value: { entries } }], what: { zh: `在 ${file} 中加入 beian: 配置块`, en: `beian: block added to ${file}` } };
  }], { added: [`icp:${icp}`, ...(gongan ? [`gongan:${gongan}`] : [])] });
  return { kind: 'add', result: { before: text, after, changes, left: refused }, notes };
}
