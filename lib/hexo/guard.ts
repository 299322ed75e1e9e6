import { inspect } from 'util';
import type Hexo from 'hexo';
import { say, type Language } from '../engine/diagnostic';
import { hasError, placeOf, type Finding } from '../finding';
import { today } from '../engine/date';
import { auditSite } from '../audit/site';
import { siteFacts } from './facts';
import type { Site } from './site';

/**
 * The publish guard (`beian.guard`): the audit of `hexo beian check`, run where a site is
 * built and published, so that a site that fails it is not deployed.
 *
 * - Before `hexo generate` writes anything (`before_generate`): the config, the deadline,
 *   the icon and the theme's settings. `warn` logs them; `block` also stops the build on an
 *   error, before `public_dir` is touched.
 * - Before `hexo deploy` hands the site to its deployers: the same, plus every generated page.
 *   Hexo has no `before_deploy` filter, only a synchronous `deployBefore` event, so the guard
 *   wraps each deployer at that event: the first one to run awaits the audit, and under
 *   `block` an error rejects it, so nothing is deployed.
 *
 * The guard decides by what runs, not by the word typed: Hexo runs a command by any
 * case-insensitive abbreviation (`hexo gen`, `hexo G`, `hexo depl`) and from scripts
 * (`hexo.call('generate')`), and every one of them goes through the registered `generate`
 * console. So the guard wraps that console (at plugin load, and again at `ready` in case a
 * plugin registered its own), and `before_generate` is guarded only while it runs. `hexo server`
 * generates without it and keeps serving; `hexo beian check` runs with the guard set aside,
 * and reports by itself. A deploy that has to generate first runs the same console, so it
 * stops before `public_dir` is written.
 * Findings go through the site's one log, so what the reading logged is not said again.
 */

/**
 * The error that stops a build or a deploy: its `stack` is the one line that says what to fix,
 * not a trace. Hexo 6 to 8 print an error's `stack` under their FATAL line; Hexo 5 (hexo-log 2)
 * prints `util.inspect` of it, which shows own properties, so the name is not one and
 * inspecting it gives the line alone.
 */
export class GuardError extends Error {
  constructor(message: string) {
    super(message);
    Object.defineProperty(this, 'name', { value: 'GuardError', enumerable: false });
    this.stack = message;
  }

  [inspect.custom](): string {
    return this.message;
  }
}

/**
 * The one line printed when the guard stops a build or a deploy: which number or setting to
 * fix first, and the setting that would let it through.
 */
export function blockedLine(findings: readonly Finding[], stage: 'build' | 'deploy', language: Language): string {
  const errors = findings.filter(f => f.severity === 'error');
  const first = errors[0];
  // A config path is the thing to fix (where it is written, when known); a page is generated, so its finding is named instead.
  const { at, where } = first ? placeOf(first) : {};
  const what = !first ? { zh: '', en: '' }
    : first.path && at !== undefined ? { zh: `${at} 的 ${where}（${first.code}）`, en: `${where} in ${at} (${first.code})` }
    : first.path ? { zh: `${first.path}（${first.code}）`, en: `${first.path} (${first.code})` }
    : { zh: `${first.page ?? ''} 上的 ${first.code}`, en: `the ${first.code} on ${first.page ?? ''}` };
  return say(language, {
    zh: `hexo-beian 已阻止${stage === 'deploy' ? '部署' : '生成'}：有 ${errors.length} 个错误（见上文），请先修正 ${what.zh}；或在 _config.yml 中设 beian.guard: warn，只警告不阻止。`,
    en: `hexo-beian stopped the ${stage}: ${errors.length} error(s) above; fix ${what.en} first, or set beian.guard: warn in _config.yml to ${stage} anyway with a warning.`
  });
}

/** The guard of one Hexo instance: a `before_generate` filter and a `deployBefore` listener. */
export interface Guard {
  /** Wraps the `generate` console, under whatever name it is run; again after a plugin replaced it. */
  attach(): void;
  beforeGenerate(): Promise<void>;
  deployBefore(): void;
  /** Runs `work` with the guard set aside (`hexo beian check --generate` reports instead of stopping). */
  aside<T>(work: () => Promise<T>): Promise<T>;
}

/** Marks a console already wrapped by this guard. */
const PHASED = Symbol('hexo-beian generate phase');

type ConsoleFunction = Hexo['extend']['console']['store'][string];

/** Creates the guard of one Hexo instance, on its site reading. */
export function publishGuard(hexo: Hexo, site: Site): Guard {
  /** How many `generate` consoles are running; one run with `--watch` stays for good, as its rebuilds do. */
  let generating = 0;
  let setAside = 0;
  const guarded = () => generating > 0 && setAside === 0;

  /** The audit's warnings and errors, logged once each; the error that stops `stage` under `block`. */
  async function audit(pages: boolean, stage: 'build' | 'deploy'): Promise<void> {
    const reading = site.current();
    const facts = await siteFacts(hexo, reading, { today: today(hexo.config.timezone), pages });
    const findings = auditSite(reading, facts).findings.filter(f => f.severity !== 'info');
    site.log(findings);
    if (reading.config.guard === 'block' && hasError(findings)) throw new GuardError(blockedLine(findings, stage, reading.language));
  }

  return {
    attach() {
      const store = hexo.extend.console.store;
      const run = store.generate as (ConsoleFunction & { [PHASED]?: true }) | undefined;
      if (typeof run !== 'function' || run[PHASED]) return;
      const phased = function (this: Hexo, args: Parameters<ConsoleFunction>[0]) {
        generating++;
        // Hexo's own console returns a Bluebird promise, and `hexo.call` needs one back (Hexo 7+
        // call `.asCallback` on it): chained on it, the wrapper returns one too.
        const done = run.call(this, args);
        const watching = Boolean(args && (args.w || args.watch));
        return watching ? done : done.finally(() => {
          generating--;
        });
      };
      store.generate = Object.assign(phased, { desc: run.desc, options: run.options, [PHASED]: true as const });
    },

    async beforeGenerate() {
      if (!guarded() || site.current().config.guard === 'off') return;
      await audit(false, 'build');
    },

    deployBefore() {
      // Only Hexo's deploy console emits it; set aside, it is left alone.
      if (setAside > 0 || site.current().config.guard === 'off') return;
      let verdict: Promise<void> | undefined;
      const check = () => (verdict ??= audit(true, 'deploy'));
      const deployers = hexo.extend.deployer.list();
      for (const [type, deploy] of Object.entries(deployers)) {
        deployers[type] = function (this: Hexo, args: Parameters<typeof deploy>[0]) {
          return check().then(() => deploy.call(this, args));
        } as typeof deploy;
      }
    },

    async aside(work) {
      setAside++;
      try {
        return await work();
      } finally {
        setAside--;
      }
    }
  };
}
