import type Hexo from 'hexo';
import { describe, hasError, languageOf, say, type Finding, type Language } from '../engine/diagnostic';
import { readConfig, type GuardMode } from '../config/read';
import { today } from '../audit/deadline';
import { auditSite } from '../audit/site';
import { logFindings } from './filter';

/**
 * The publish guard (`beian.guard`): the audit of `hexo beian check`, run where a site is
 * built and published, so that a site that fails it is not deployed.
 *
 * - Before `hexo generate` writes anything (`before_generate`): the config, the deadline,
 *   the icon and the theme's settings. `warn` logs what the footer filter has not logged
 *   already; `block` also stops the build on an error, before `public_dir` is touched.
 * - Before `hexo deploy` hands the site to its deployers: the same, plus every generated page.
 *   Hexo has no `before_deploy` filter, only a synchronous `deployBefore` event, so the guard
 *   wraps each deployer at that event: the first one to run awaits the audit, and under
 *   `block` an error rejects it, so nothing is deployed.
 *
 * Only the commands that build or publish are guarded (`generate`, `deploy` and their
 * abbreviations): `hexo server` keeps serving, and `hexo beian check` reports by itself.
 */

const GUARDED = new Set(['generate', 'g', 'deploy', 'd']);

/**
 * The error that stops a build or a deploy. Hexo prints an error's `stack` under its FATAL
 * line; this one's is the one line that says what to fix, not a trace.
 */
export class GuardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GuardError';
    this.stack = message;
  }
}

/**
 * The one line printed when the guard stops a build or a deploy: which number or setting to
 * fix first, and the setting that would let it through.
 */
export function blockedLine(findings: readonly Finding[], stage: 'build' | 'deploy', language: Language): string {
  const errors = findings.filter(f => f.severity === 'error');
  const first = errors[0];
  // A config path is the thing to fix; a page is generated, so its finding is named instead.
  const what = !first ? { zh: '', en: '' }
    : first.path ? { zh: `${first.path}（${first.code}）`, en: `${first.path} (${first.code})` }
    : { zh: `${first.page ?? ''} 上的 ${first.code}`, en: `the ${first.code} on ${first.page ?? ''}` };
  return say(language, {
    zh: `hexo-beian 已阻止${stage === 'deploy' ? '部署' : '生成'}：有 ${errors.length} 个错误（见上文），请先修正 ${what.zh}；或在 _config.yml 中设 beian.guard: warn，只警告不阻止。`,
    en: `hexo-beian stopped the ${stage}: ${errors.length} error(s) above; fix ${what.en} first, or set beian.guard: warn in _config.yml to ${stage} anyway with a warning.`
  });
}

/** The guard of one Hexo instance: a `before_generate` filter and a `deployBefore` listener. */
export interface Guard {
  beforeGenerate(): Promise<void>;
  deployBefore(): void;
}

/** Creates the guard of one Hexo instance. */
export function publishGuard(hexo: Hexo): Guard {
  /** The config as this build reads it, once per stage: the guard's mode and the findings the footer logs. */
  const read = (): { guard: GuardMode; logged: readonly Finding[]; language: Language } => {
    const language = languageOf(hexo.config.language);
    const { config, findings } = readConfig(hexo.config.beian, language, { url: hexo.config.url });
    return { guard: config.guard, logged: findings, language };
  };
  const guarded = () => GUARDED.has(String(hexo.env.cmd));

  // What this process has printed already (a `deploy -g` runs both stages): each finding once.
  const printed = new Set<string>();
  function log(findings: readonly Finding[], language: Language): void {
    const fresh = findings.filter(f => !printed.has(describe(f, language)));
    fresh.forEach(f => printed.add(describe(f, language)));
    logFindings(hexo.log, fresh, language);
  }

  async function audit(pages: boolean, language: Language): Promise<Finding[]> {
    const { findings } = await auditSite(hexo, { today: today(hexo.config.timezone), language, pages });
    return findings.filter(f => f.severity !== 'info');
  }

  return {
    async beforeGenerate() {
      if (!guarded()) return;
      const { guard, logged, language } = read();
      if (guard === 'off') return;
      const findings = await audit(false, language);
      // The footer filter logs the config's own findings for this build.
      logged.forEach(f => printed.add(describe(f, language)));
      log(findings, language);
      if (guard === 'block' && hasError(findings)) throw new GuardError(blockedLine(findings, 'build', language));
    },

    deployBefore() {
      const { guard, language } = read();
      if (guard === 'off') return;
      let verdict: Promise<void> | undefined;
      const check = () => {
        verdict ??= audit(true, language).then(findings => {
          log(findings, language);
          if (guard === 'block' && hasError(findings)) throw new GuardError(blockedLine(findings, 'deploy', language));
        });
        return verdict;
      };
      const deployers = hexo.extend.deployer.list();
      for (const [type, deploy] of Object.entries(deployers)) {
        deployers[type] = function (this: Hexo, args: Parameters<typeof deploy>[0]) {
          return check().then(() => deploy.call(this, args));
        } as typeof deploy;
      }
    }
  };
}
