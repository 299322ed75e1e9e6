import { gonganQueryUrl, ICP_QUERY_URL } from '../line/items';

/**
 * Where a filing number's link goes, as far as filing is concerned: the one place that knows
 * the query systems (their addresses are those of the line itself, lib/line/items.ts), the
 * retired hosts, and what the right link of each kind is. The page audit, the theme audit and
 * the icon audit all ask here (docs/filing-rules.md, "Links and the icon").
 */

export type Kind = 'icp' | 'gongan';

/** The MIIT filing system's host (`beian.miit.gov.cn`). */
export const MIIT_HOST = new URL(ICP_QUERY_URL).hostname;
/** The MPS platform's host (`beian.mps.gov.cn`). */
export const MPS_HOST = new URL(gonganQueryUrl('')).hostname;
/** Retired MIIT hosts: the filing system moved to {@link MIIT_HOST} in 2019–2020. */
export const RETIRED_MIIT_HOSTS: readonly string[] = ['miitbeian.gov.cn', 'www.miitbeian.gov.cn', 'www.beian.miit.gov.cn'];
/** Retired MPS hosts (their `/portal/…` query): replaced by {@link MPS_HOST} in late 2023, unreachable since 2025. */
export const RETIRED_MPS_HOSTS: readonly string[] = ['www.beian.gov.cn', 'beian.gov.cn'];

/** A link's target, as far as filing is concerned. */
export type Target =
  | { kind: 'miit'; https: boolean }
  | { kind: 'mps'; https: boolean; code?: string }
  | { kind: 'retired'; host: 'miit' | 'mps'; code?: string }
  | { kind: 'other' };

/** Links recur on every page: each href is parsed once. */
const targets = new Map<string, Target>();

/** What a link points at, as far as filing goes (memoised). Relative links resolve against an https page. */
export function targetOf(href: string): Target {
  let target = targets.get(href);
  if (!target) {
    target = readTarget(href);
    if (targets.size >= 1024) targets.clear(); // bounded, whatever the site holds
    targets.set(href, target);
  }
  return target;
}

function readTarget(href: string): Target {
  let url: URL;
  try {
    url = new URL(href, 'https://site.invalid/');
  } catch {
    return { kind: 'other' };
  }
  // Only the web reaches a query system: `ftp://beian.miit.gov.cn/` is no link to it.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'other' };
  const host = url.hostname.toLowerCase();
  const https = url.protocol === 'https:';
  if (host === MIIT_HOST) return { kind: 'miit', https };
  if (RETIRED_MIIT_HOSTS.includes(host)) return { kind: 'retired', host: 'miit' };
  if (host === MPS_HOST) {
    const code = /[?&]code=([^&]*)/.exec(url.hash)?.[1] ?? url.searchParams.get('code') ?? undefined;
    return { kind: 'mps', https, code };
  }
  if (RETIRED_MPS_HOSTS.includes(host) && url.pathname.startsWith('/portal/')) {
    return { kind: 'retired', host: 'mps', code: url.searchParams.get('recordcode') ?? undefined };
  }
  return { kind: 'other' };
}

/** Is the target a query page of the other kind of filing? */
export function crossed(kind: Kind, target: Target): boolean {
  const isMiit = target.kind === 'miit' || (target.kind === 'retired' && target.host === 'miit');
  const isMps = target.kind === 'mps' || (target.kind === 'retired' && target.host === 'mps');
  return kind === 'icp' ? isMps : isMiit;
}

/**
 * How a number's link measures up: `right` (its own query page, over https), `insecure` (its
 * own query page, live, but over plain http: it works, and browsers flag it), or `wrong` (no
 * link to its live query page: another site, a retired host, the other system, other digits).
 *
 * @param digits the 公安 number's digits, which its link must query
 */
export function linkRating(kind: Kind, target: Target, digits?: string): 'right' | 'insecure' | 'wrong' {
  const own = kind === 'icp'
    ? target.kind === 'miit'
    : target.kind === 'mps' && target.code !== undefined && target.code === digits;
  if (!own) return 'wrong';
  return (target as { https: boolean }).https ? 'right' : 'insecure';
}

/** The link a number must have: {@link ICP_QUERY_URL}, or the MPS query of its digits. */
export function rightLink(kind: Kind, digits = ''): string {
  return kind === 'icp' ? ICP_QUERY_URL : gonganQueryUrl(digits);
}

/**
 * NexT's `exturl: true` writes an external link as `<span class="exturl" data-url="…">`, the
 * address in base64, opened by its script: the address a visitor reaches (`data-url` decoded
 * of its entities). One rule for the filter's reading of the footer and for the page audit.
 */
export function exturlHref(dataUrl: string): string {
  return Buffer.from(dataUrl, 'base64').toString('utf8').trim();
}
