import type { Language } from '../engine/diagnostic';
import { NUMBER_SHAPES as SHAPE } from '../engine/examples';
import { isPlain, type Plain } from '../engine/text';
import { finding, type Finding } from '../finding';
import { domainPath, KEYS, type DomainChoice } from './schema';
import { notABlock, shown, unknownKeys } from './values';

/**
 * `beian.domains`: host → `{icp, gongan}`. Every entry is checked (the same config builds every
 * host); the one whose host is the host of the site's `url` gives this build's numbers. A host
 * not listed shows nothing (the overseas mirror of a blog carries no filing line).
 */

/**
 * The host part of a URL or of a `domains` key, as browsers compare hosts: lower-case,
 * internationalised names in punycode (WHATWG URL), no trailing dot. Undefined for anything
 * that is not a bare host (a scheme, a path, a port, spaces) or not a URL.
 */
export function hostOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const { protocol, hostname } = new URL(url.trim());
    if ((protocol !== 'http:' && protocol !== 'https:') || !hostname) return undefined;
    return hostname.replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/**
 * A `domains` key as a host, when it is a domain name that can be filed: labels of letters,
 * digits and hyphens (internationalised names in punycode), at least two, the last with a
 * letter. `constructor`, `localhost`, `__proto__` and an IP address are none.
 */
function hostKey(key: string): string | undefined {
  const text = key.trim();
  if (!text || /[\s/:?#@\\]/.test(text)) return undefined;
  const host = hostOf(`http://${text}`);
  const labels = host?.split('.') ?? [];
  const named = labels.length >= 2 && labels.every(label => /^[a-z0-9-]+$/.test(label)) && /[a-z]/.test(labels[labels.length - 1]);
  return named ? host : undefined;
}

/** What `domains` says for this build: the choice, and the entry used with what was read of it. */
export interface DomainsRead<T> {
  choice: DomainChoice;
  /** The entry whose host is the site's: its path, and its numbers as `readEntry` read them. */
  used?: { path: string; read?: T };
}

/**
 * Reads `domains`: its keys and shapes here, the numbers of every entry by `readEntry` (in
 * order, so each entry's findings stay together).
 *
 * @param written the keys the config file writes under `domains`, when known.
 */
export function readDomains<T>(value: unknown, path: string, url: unknown, language: Language, findings: Finding[], written: readonly string[] | undefined, readEntry: (block: Plain, path: string, key: string, host: string) => T): DomainsRead<T> {
  const host = hostOf(url);
  const read: DomainsRead<T> = { choice: { hosts: [], ...(host && { host }) } };
  if (!isPlain(value)) {
    findings.push(finding(language, 'config-shape', 'error', {
      zh: `${path} 应为“域名: 该域名的备案号”的一组键（写的是 ${shown(value)}），例如：\ndomains:\n  blog.example.cn:\n    icp: ${SHAPE.icp.zh}\n    gongan: ${SHAPE.gongan.zh}`,
      en: `${path} must map each host to its numbers (it is ${shown(value)}); for example:\ndomains:\n  blog.example.cn:\n    icp: ${SHAPE.icp.en}\n    gongan: ${SHAPE.gongan.en}`
    }, { path }));
    return read;
  }
  // A key the file writes that the config no longer has: Hexo's merge drops `constructor:`, `toString:`, ….
  for (const key of written ?? []) if (!Object.prototype.hasOwnProperty.call(value, key)) findings.push(notAHost(key, domainPath(key), language));
  const seen = new Map<string, string>();
  for (const [key, value_] of Object.entries(value)) {
    const entryPath = domainPath(key);
    const entryHost = hostKey(key);
    if (!entryHost) {
      findings.push(notAHost(key, entryPath, language));
      continue;
    }
    const first = seen.get(entryHost);
    if (first !== undefined) {
      findings.push(finding(language, 'config-domain', 'error', {
        zh: `${entryPath} 与 ${domainPath(first)} 是同一个域名，此条目被忽略；请只保留一个。`,
        en: `${entryPath} is the same host as ${domainPath(first)}; this entry is ignored. Keep one of them.`
      }, { path: entryPath }));
      continue;
    }
    seen.set(entryHost, key);
    read.choice.hosts.push(entryHost);
    const entry: { path: string; read?: T } = { path: entryPath };
    if (isPlain(value_)) {
      for (const found of unknownKeys(value_, KEYS.domain, entryPath, language)) findings.push(found);
      entry.read = readEntry(value_, entryPath, key, entryHost);
    } else if (value_ !== null && value_ !== undefined) {
      findings.push(notABlock(value_, entryPath, {
        zh: `${entryPath} 应是一组键 icp、gongan（写的是 ${shown(value_)}），例如：\n  icp: ${SHAPE.icp.zh}\n  gongan: ${SHAPE.gongan.zh}`,
        en: `${entryPath} must be a block with icp and gongan (it is ${shown(value_)}); for example:\n  icp: ${SHAPE.icp.en}\n  gongan: ${SHAPE.gongan.en}`
      }, language));
    }
    if (entryHost === host) {
      read.choice.entry = key;
      read.used = entry;
    }
  }
  return read;
}

function notAHost(key: string, path: string, language: Language): Finding {
  const host = hostOf(key) ?? hostOf(`http://${key.trim()}`);
  return finding(language, 'config-domain', 'error', {
    zh: `${path}：键应是网站的域名本身，例如 blog.example.cn（不带 https://、端口或路径，也不是 IP 地址或没有点的名字）；此条目被忽略。`,
    en: `${path}: the key must be the site's domain name alone, for example blog.example.cn (no https://, port or path; not an IP address or a name without a dot); this entry is ignored.`
  }, { path, suggestion: host && host !== key ? host : undefined });
}
