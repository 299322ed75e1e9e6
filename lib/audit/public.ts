import { closeSync, fstatSync, readdirSync, readSync, type Dirent, type Stats } from 'fs';
import type { Text } from '../engine/diagnostic';
import { finding, PAGES_KEPT, type Finding } from '../finding';
import { auditPage, type PagePlan } from './pages';
import { openToRead } from '../files';

/**
 * The audit of a generated site: every HTML page under `public_dir`, read one at a time into
 * one reused buffer and dropped, audited by {@link auditPage}.
 *
 * Whatever the folder holds, the audit does not throw: a page it cannot read (not allowed, a
 * symbolic link to nothing, a FIFO, larger than {@link PAGE_LIMIT}) and a folder it cannot
 * list are findings (`page-unreadable`). File names are read as bytes, so a name that is not
 * UTF-8 (`café.html` written in Latin-1) is read like any other and shown with its stray
 * bytes escaped ({@link displayName}). Memory stays flat: one page in memory at a time, and a
 * finding that repeats on many pages is kept once, with its first {@link PAGES_KEPT} pages
 * and a count.
 */

/**
 * The largest page read (64 MiB): hexo-beian's own pages are some kB, a post page rarely a
 * few MB; a larger `.html` is reported, not read, so that memory stays bounded.
 */
export const PAGE_LIMIT = 64 * 1024 * 1024;

/** What auditing `public_dir` found. */
export interface SiteAudit {
  /** HTML pages read (not those that could not be). */
  pages: number;
  findings: Finding[];
}

/**
 * A file name as the report shows it: as it is when it is UTF-8; otherwise each byte that is
 * not part of a UTF-8 character as `\xNN` (`caf\xe9.html`). Control characters are escaped the
 * same way, and a backslash as `\\`, so that a name reads back unambiguously on one line.
 */
export function displayName(name: Buffer): string {
  const text = name.toString('utf8');
  if (!/[\u0000-\u001f\u007f\\\ufffd]/.test(text)) return text;
  let shown = '';
  for (let at = 0; at < name.length;) {
    const length = utf8Length(name, at);
    if (length === 0) {
      shown += `\\x${name[at].toString(16).padStart(2, '0')}`;
      at++;
      continue;
    }
    const char = name.toString('utf8', at, at + length);
    const code = char.codePointAt(0) as number;
    shown += char === '\\' ? '\\\\' : code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : char;
    at += length;
  }
  return shown;
}

/** The length of the well-formed UTF-8 character at `at` (no overlong form, no surrogate), or 0. */
function utf8Length(bytes: Buffer, at: number): number {
  const lead = bytes[at];
  if (lead < 0x80) return 1;
  const continuation = (i: number) => at + i < bytes.length && (bytes[at + i] & 0xc0) === 0x80;
  if (lead >= 0xc2 && lead <= 0xdf) return continuation(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const second = bytes[at + 1];
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second >= 0xa0)) return 0;
    return continuation(1) && continuation(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const second = bytes[at + 1];
    if ((lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second >= 0x90)) return 0;
    return continuation(1) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

/** `.html` or `.htm`, in any case, on the bytes of a name. */
function isHtmlName(name: Buffer): boolean {
  const tail = name.subarray(Math.max(0, name.length - 5)).toString('latin1').toLowerCase();
  return tail.endsWith('.html') || tail.endsWith('.htm');
}

/** Why a page or a folder could not be read, in both languages. */
function why(error: unknown): Text {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { zh: `没有读取权限（${code}）`, en: `permission denied (${code}): the user running hexo may not read it` };
    case 'ENOENT':
      return { zh: '它是指向不存在的文件的符号链接，或已被删除（ENOENT）', en: 'it is a symbolic link to nothing, or was removed meanwhile (ENOENT)' };
    case 'ELOOP':
      return { zh: '它是循环的符号链接（ELOOP）', en: 'it is a symbolic link that loops (ELOOP)' };
    case 'ENXIO':
      // Opening a socket (or a FIFO no one writes, on some systems) fails with this: no file to read.
      return { zh: '它是套接字之类的特殊文件，不是普通文件（ENXIO）', en: 'it is a socket or another special file, not a regular file (ENXIO)' };
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return { zh: `读取失败：${message}`, en: `reading it failed: ${message}` };
    }
  }
}

/** What a directory entry is, when it is not a regular file. */
function kindOf(stats: Stats | Dirent): Text {
  if (stats.isDirectory()) return { zh: '目录', en: 'a directory' };
  if (stats.isFIFO()) return { zh: '命名管道（FIFO）', en: 'a FIFO (named pipe)' };
  if (stats.isSocket()) return { zh: '套接字', en: 'a socket' };
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return { zh: '设备文件', en: 'a device' };
  return { zh: '特殊文件', en: 'a special file' };
}

const MiB = 1024 * 1024;

/**
 * Reads files into one buffer, reused: a page is done with before the next is read, so the
 * audit holds one page at a time and allocates (and collects) almost nothing per page.
 * A returned page is valid until the next read; otherwise the reason it could not be read.
 * A FIFO is opened without blocking and never read: only regular files are.
 */
function pageReader(): (file: Buffer) => Buffer | { unreadable: Text } {
  let buffer = Buffer.allocUnsafe(1 << 16);
  return file => {
    let fd: number;
    try {
      fd = openToRead(file);
    } catch (error) {
      return { unreadable: why(error) };
    }
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile()) {
        const kind = kindOf(stats);
        return { unreadable: { zh: `它是${kind.zh}，不是普通文件`, en: `it is ${kind.en}, not a regular file` } };
      }
      const tooLarge = (size: number): { unreadable: Text } => ({
        unreadable: {
          zh: `它有 ${(size / MiB).toFixed(0)} MiB，超过审计读取单个页面的上限 ${PAGE_LIMIT / MiB} MiB`,
          en: `it is ${(size / MiB).toFixed(0)} MiB, more than the ${PAGE_LIMIT / MiB} MiB the audit reads of a page`
        }
      });
      if (stats.size > PAGE_LIMIT) return tooLarge(stats.size);
      let size = 0;
      for (;;) {
        if (size === buffer.length) {
          // It grew since fstat: read on, up to the limit.
          if (size > PAGE_LIMIT) return tooLarge(size);
          const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, PAGE_LIMIT + 1));
          buffer.copy(bigger, 0, 0, size);
          buffer = bigger;
        }
        const read = readSync(fd, buffer, size, buffer.length - size, null);
        if (read === 0) return buffer.subarray(0, size);
        size += read;
      }
    } catch (error) {
      return { unreadable: why(error) };
    } finally {
      closeSync(fd);
    }
  };
}

/** A finding that repeats on many pages, kept once. */
interface Repeated {
  finding: Finding;
  pages: string[];
  count: number;
}

/**
 * Audits every HTML page (`.html`, `.htm`) under `dir` with {@link auditPage}, in a stable
 * order (each folder sorted by the bytes of its names), one page in memory at a time; and
 * reports `home-missing` (error) when there is no `index.html` at the top while hexo-beian
 * has something to show, and `page-unreadable` (error) for each page or folder it cannot read.
 * Never throws for what the folder holds.
 *
 * A page finding that repeats (the same code, severity, message and suggestion) is returned
 * once, on the first page it was found on, with `pages` (the first {@link PAGES_KEPT}) and
 * `pageCount` when it was found on more than one page.
 *
 * @param onPage called after each page with the number read so far (for a progress line).
 */
export function auditPublic(dir: string, plan: PagePlan, onPage?: (pages: number) => void): SiteAudit {
  const repeated = new Map<string, Repeated>();
  const alone: Finding[] = [];
  const keep = (found: Finding) => {
    if (found.page === undefined) {
      alone.push(found);
      return;
    }
    const key = `${found.severity}\u0000${found.code}\u0000${found.message}\u0000${found.suggestion ?? ''}`;
    const group = repeated.get(key);
    if (!group) repeated.set(key, { finding: found, pages: [found.page], count: 1 });
    else {
      group.count++;
      if (group.pages.length < PAGES_KEPT) group.pages.push(found.page);
    }
  };
  const unreadable = (page: string, reason: Text, folder: boolean) => {
    keep(finding(plan.language, 'page-unreadable', 'error', folder ? {
      zh: `无法列出这个目录（${reason.zh}）：其中的页面都没有检查，可能缺少备案号。请让运行 hexo 的用户可以读取它，或删除它，然后重新运行 hexo beian check。`,
      en: `This folder cannot be listed (${reason.en}): its pages are not checked, and may lack the filing numbers. Make it readable by the user running hexo, or remove it, then run hexo beian check again.`
    } : {
      zh: `无法读取这个页面（${reason.zh}）：它没有被检查，可能缺少备案号。请把它换成可读的普通文件，或删除它，然后重新运行 hexo beian check。`,
      en: `This page cannot be read (${reason.en}): it is not checked, and may lack the filing numbers. Make it a readable regular file, or remove it, then run hexo beian check again.`
    }, { page }));
  };

  const read = pageReader();
  const root = Buffer.from(dir);
  const slash = Buffer.from('/');
  let pages = 0;
  let home = false;
  let listed = true;
  // Folders to read: their path under `dir` as bytes, and as shown.
  const folders: { bytes: Buffer; shown: string }[] = [{ bytes: Buffer.alloc(0), shown: '' }];
  while (folders.length > 0) {
    const folder = folders.pop() as { bytes: Buffer; shown: string };
    const absolute = folder.bytes.length ? Buffer.concat([root, slash, folder.bytes]) : root;
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      if (!folder.bytes.length) listed = false;
      unreadable(folder.shown ? `${folder.shown}/` : './', why(error), true);
      continue;
    }
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    const subfolders: { bytes: Buffer; shown: string }[] = [];
    for (const entry of entries) {
      const bytes = folder.bytes.length ? Buffer.concat([folder.bytes, slash, entry.name]) : entry.name;
      const shown = folder.shown ? `${folder.shown}/${displayName(entry.name)}` : displayName(entry.name);
      if (entry.isDirectory()) {
        subfolders.push({ bytes, shown });
        continue;
      }
      // A regular file, or what may stand for one (a symbolic link, an unknown type): opened
      // and looked at; anything else named .html is reported by the reader.
      if (!isHtmlName(entry.name)) continue;
      if (shown === 'index.html') home = true;
      const page = read(Buffer.concat([root, slash, bytes]));
      if (Buffer.isBuffer(page)) {
        for (const found of auditPage(shown, page, plan)) keep(found);
        pages++;
      } else {
        unreadable(shown, page.unreadable, false);
      }
      onPage?.(pages);
    }
    folders.push(...subfolders.reverse());
  }
  const findings: Finding[] = [];
  if (!home && listed && plan.items.length > 0) {
    findings.push(finding(plan.language, 'home-missing', 'error', {
      zh: '生成的站点没有首页（index.html）：首页底部必须显示 ICP备案号（《非经营性互联网信息服务备案管理办法》第十三条），这里无从检查。请运行 hexo generate，并确认装有 hexo-generator-index 或有 source/index.md。',
      en: 'The generated site has no home page (index.html): the home page must show the ICP number at its bottom (MIIT Order No. 33, art. 13), and there is none to check. Run hexo generate, and make sure hexo-generator-index is installed or source/index.md exists.'
    }, { page: 'index.html' }));
  }
  findings.push(...alone);
  for (const { finding: found, pages: named, count } of repeated.values()) {
    findings.push(count > 1 ? { ...found, pages: named, pageCount: count } : found);
  }
  return { pages, findings };
}
