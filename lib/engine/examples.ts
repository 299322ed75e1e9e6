import { say, type Diagnostic, type Language, type Text } from './diagnostic';
import { printable } from './text';
import type { FilingResult } from './filing';

/**
 * Numbers that are published as examples and so are nobody's filing on a real site
 * (docs/filing-rules.md, "Numbers that must never be published"), and the shapes messages show
 * instead of an example: a message never offers a known example number as the text to write.
 */

/** Where a known example number comes from, for the message. */
type Source = 'docs' | 'baidu' | 'ayer' | 'amazing' | 'nexmoe' | 'solitude';

const SOURCES: Record<Source, Text> = {
  docs: { zh: '本插件（hexo-beian）文档和演示里的示例编号', en: 'an example number from hexo-beian\'s own documentation and demo' },
  baidu: { zh: '百度自己的编号（教程常拿它举例）', en: 'Baidu\'s own number, the one tutorials quote' },
  ayer: { zh: 'Ayer 主题配置里自带的示例编号', en: 'the example number the Ayer theme ships in its config' },
  amazing: { zh: 'Amazing 主题配置里自带的示例编号', en: 'the example number the Amazing theme ships in its config' },
  nexmoe: { zh: 'Nexmoe 主题示例配置里其作者的编号', en: 'the Nexmoe theme\'s author\'s own number, shipped in its sample config' },
  solitude: { zh: 'Solitude 主题示例配置里别人的编号', en: 'someone else\'s number, shipped in the Solitude theme\'s sample config' }
};

/**
 * The known example numbers, each as its subject: an ICP filing or licence without its `-N`
 * (every site number of an example filer is an example too), a telecom licence without its
 * `-N`, a 公安 number whole. Canonical forms; test/engine/examples.test.ts checks that every
 * number the READMEs, docs/ and example/ show, and every valid number the installed themes
 * ship, is here.
 */
const KNOWN: ReadonlyMap<string, Source> = new Map<string, Source>([
  // README.md, README.zh-CN.md, docs/filing-rules.md, example/ (the demo).
  ['京ICP备20000491号', 'docs'], ['京公网安备11010502030143号', 'docs'], ['京ICP备20000492号', 'docs'],
  ['浙B2-20080101', 'docs'], ['浙公网安备33010002050803号', 'docs'], ['滇ICP备2023333157号', 'docs'],
  ['皖ICP备18015620号', 'docs'], ['京ICP备08929917号', 'docs'], ['京公网安备110108525495号', 'docs'],
  ['京公网安备110105653959号', 'docs'], ['京ICP备050075号', 'docs'], ['陕ICP备2024501157号', 'docs'],
  ['京ICP备05552321号', 'docs'], ['粤ICP备2024143378号', 'docs'], ['陕ICP备2024026116号', 'docs'],
  ['皖ICP备2023023087号', 'docs'], ['粤B1.B2-20060628', 'docs'], ['B2-20140501', 'docs'],
  ['京公网安备110105008661号', 'docs'], ['京公网安备11010802191859号', 'docs'], ['沪ICP备09007032号', 'docs'],
  ['沪ICP备19044592号', 'docs'], ['粤ICP备14023066号', 'docs'], ['京ICP备05007539号', 'docs'],
  ['赣ICP备18013338号', 'docs'], ['粤ICP备14615304号', 'docs'],
  // Baidu's numbers, the classic tutorial example.
  ['京ICP证030173号', 'baidu'], ['京公网安备11000002000001号', 'baidu'],
  // Theme defaults and samples that are valid numbers (the others are placeholders already).
  ['浙ICP备88888888号', 'ayer'], ['川ICP备88888888号', 'amazing'], ['鄂ICP备2020018486号', 'nexmoe'],
  ['湘公网安备43048102000175号', 'solitude'], ['湘ICP备2024080357号', 'solitude']
]);

/** The known example numbers (subjects, canonical), for the tests and the docs. */
export const KNOWN_EXAMPLES: readonly string[] = Object.freeze([...KNOWN.keys()]);

/**
 * The subject of a valid number: an ICP filing or licence up to its 号, a telecom licence
 * without its `-N`, a 公安 number whole.
 */
export function subjectOf(result: Pick<FilingResult, 'canonical' | 'kind' | 'site'>): string | undefined {
  const { canonical, kind, site } = result;
  if (canonical === undefined) return undefined;
  if (kind === 'icp-filing' || kind === 'icp-licence') return canonical.slice(0, canonical.indexOf('号') + 1);
  if (kind === 'telecom-licence' && site !== undefined) return canonical.slice(0, canonical.lastIndexOf('-'));
  return canonical;
}

/**
 * Hosts reserved for examples and tests (RFC 2606, RFC 6761): `example.com`, `.net`, `.org` and
 * their subdomains, the `.example`, `.test`, `.invalid` and `.localhost` top-level domains, and
 * `localhost`. `host` as lib/config/domains.ts hostOf gives it (lower case, no trailing dot).
 */
export function isExampleHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  return /(?:^|\.)(?:example\.(?:com|net|org)|example|test|invalid|localhost)$/.test(host);
}

/**
 * `example-number`: a valid number that is a known example. On a real host (or none known) an
 * error, and the number is withheld as an invalid one is (the result is no longer ok); on a
 * host reserved for examples information only, so that demos and docs keep working.
 *
 * @param host the host the number is shown on (the site's `url`, or its `domains` key).
 * @param theme the theme whose own setting holds the number (`NexT`): its template shows it
 *   whatever hexo-beian does, so the message says so instead of "not shown".
 * @returns `result` itself when it is not a known example.
 */
export function checkExample(result: FilingResult, host: string | undefined, language: Language, theme?: string): FilingResult {
  const subject = result.ok ? subjectOf(result) : undefined;
  const source = subject === undefined ? undefined : KNOWN.get(subject);
  if (source === undefined || result.canonical === undefined) return result;
  const diagnostic = exampleDiagnostic(result.canonical, source, host, language, theme);
  if (diagnostic.severity === 'info') return { ...result, diagnostics: [...result.diagnostics, diagnostic] };
  // Withheld: what remains is why (the other diagnostics, normalised among them, are moot).
  return { ok: false, diagnostics: [diagnostic] };
}

/**
 * The known example number free text (an `extra` record) holds, when it holds one: found
 * between boundaries, so `京ICP证030173号-2` is found and `京ICP证0301734号` is not.
 */
export function exampleIn(text: string): string | undefined {
  const compact = text.normalize('NFKC').replace(/\s+/g, '');
  for (const subject of KNOWN.keys()) {
    for (let at = compact.indexOf(subject); at >= 0; at = compact.indexOf(subject, at + 1)) {
      const before = compact[at - 1];
      const after = compact[at + subject.length];
      const joined = (before !== undefined && /[0-9A-Za-z\u3400-\u9fff]/.test(before) && subject.startsWith('B'))
        || (after !== undefined && /[0-9.]/.test(after));
      if (!joined) return subject;
    }
  }
  return undefined;
}

/** `example-number` for free text (an `extra` record): the record is withheld on a real host. */
export function exampleInText(text: string, host: string | undefined, language: Language): Diagnostic | undefined {
  const subject = exampleIn(text);
  const source = subject === undefined ? undefined : KNOWN.get(subject);
  return subject === undefined || source === undefined ? undefined : exampleDiagnostic(subject, source, host, language);
}

function exampleDiagnostic(number: string, source: Source, host: string | undefined, language: Language, theme?: string): Diagnostic {
  const from = SOURCES[source];
  const shown = printable(host ?? '');
  if (isExampleHost(host)) {
    return {
      code: 'example-number',
      severity: 'info',
      message: say(language, {
        zh: `${number} 是${from.zh}；站点域名 ${shown} 是保留给示例的域名，所以照常显示。在真实域名上这是错误，不会显示：请填写本站备案通知上的编号。`,
        en: `${number} is ${from.en}; the host ${shown} is reserved for examples, so it is shown. On a real host this is an error and it is not shown: write the number from your own filing notice.`
      })
    };
  }
  const label = theme === undefined ? undefined : printable(theme);
  return {
    code: 'example-number',
    severity: 'error',
    message: say(language, label === undefined ? {
      zh: `${number} 是${from.zh}，不是本站的备案号，因此不显示：请填写本站备案通知上的编号。`,
      en: `${number} is ${from.en}, not this site's filing, so it is not shown: write the number from your own filing notice.`
    } : {
      zh: `${number} 是${from.zh}，不是本站的备案号，${label} 却在每个页面上显示它：请填写本站备案通知上的编号。`,
      en: `${number} is ${from.en}, not this site's filing, yet ${label} shows it on every page: write the number from your own filing notice.`
    })
  };
}

/** The shape of each number, for messages: what to write, with the parts the user fills in. */
export const NUMBER_SHAPES: Readonly<Record<'icp' | 'gongan' | 'licence' | 'telecom', Text>> = Object.freeze({
  icp: { zh: '‹省份简称›ICP备‹8 或 10 位数字›号-‹网站序号›', en: '‹province›ICP备‹8 or 10 digits›号-‹site number›' },
  gongan: { zh: '‹省份简称›公网安备‹14 位数字›号', en: '‹province›公网安备‹14 digits›号' },
  licence: { zh: '‹省份简称›ICP证‹6 位数字›号', en: '‹province›ICP证‹6 digits›号' },
  telecom: { zh: '‹省份简称›B2-‹8 位数字›', en: '‹province›B2-‹8 digits›' }
});
