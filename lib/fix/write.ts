import { randomBytes } from 'crypto';
import { chmodSync, closeSync, fstatSync, fsyncSync, openSync, readSync, realpathSync, renameSync, unlinkSync, writeSync } from 'fs';
import { basename, dirname, join } from 'path';
import { openToRead } from '../files';

/**
 * Reading a config file to fix, and writing it back safely: the new text goes to a temporary
 * file in the same folder (so the rename stays on one file system and is atomic), with the old
 * file's permissions, and replaces the file only when the file still holds the bytes that
 * were read: an editor's save or another run meanwhile is never overwritten.
 */

/** The largest config file edited: a site's `_config.yml` is a few KiB. */
export const FIX_MAX_BYTES = 1024 * 1024;

/** A file as read: its bytes (undefined when there is no such file) and their text. */
export interface ReadFile {
  bytes?: Buffer;
  text: string;
}

/** Why a file cannot be read or written. */
export type FileProblem =
  | { kind: 'not-utf8' | 'too-large' | 'not-a-file' | 'changed' }
  | { kind: 'io'; reason: string };

/** Reads a file whole, bounded; no file reads as empty text with no bytes. */
export function readFile(file: string): ReadFile | FileProblem {
  let fd: number | undefined;
  try {
    fd = openToRead(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { text: '' };
    return { kind: 'io', reason: reasonOf(err) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: 'not-a-file' };
    if (stat.size > FIX_MAX_BYTES) return { kind: 'too-large' };
    const bytes = readAll(fd, FIX_MAX_BYTES);
    if (bytes === undefined) return { kind: 'too-large' };
    const text = bytes.toString('utf8');
    // Text that is not UTF-8 would not come back byte for byte.
    if (!Buffer.from(text, 'utf8').equals(bytes)) return { kind: 'not-utf8' };
    return { bytes, text };
  } catch (err) {
    return { kind: 'io', reason: reasonOf(err) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces the file's content with `text` atomically, when it still holds `expected` (undefined:
 * when there is still no such file). Undefined when written, else why not; on failure the
 * file is as it was and no temporary file is left.
 */
export function writeIfUnchanged(file: string, expected: Buffer | undefined, text: string): FileProblem | undefined {
  let target = file;
  try {
    // Through a symbolic link: the file it names is replaced, not the link.
    if (expected !== undefined) target = realpathSync(file);
  } catch (err) {
    return { kind: 'io', reason: reasonOf(err) };
  }
  if (!holds(target, expected)) return { kind: 'changed' };
  const temp = join(dirname(target), `.${basename(target)}.hexo-beian-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    let mode: number | undefined;
    if (expected !== undefined) {
      const old = openToRead(target);
      try {
        mode = fstatSync(old).mode & 0o7777;
      } finally {
        closeSync(old);
      }
    }
    fd = openSync(temp, 'wx', mode ?? 0o666);
    const bytes = Buffer.from(text, 'utf8');
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    // The umask may have narrowed the mode `open` was given.
    if (mode !== undefined) chmodSync(temp, mode);
    // Checked again just before the rename: the window left is the rename's own.
    if (!holds(target, expected)) {
      unlinkSync(temp);
      return { kind: 'changed' };
    }
    renameSync(temp, target);
    return undefined;
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // never made, or gone already
    }
    return { kind: 'io', reason: reasonOf(err) };
  }
}

/** The file holds exactly these bytes (or, for undefined, does not exist): it has not changed since they were read. */
export function holds(file: string, expected: Buffer | undefined): boolean {
  const now = readFile(file);
  if ('kind' in now) return false;
  return expected === undefined ? now.bytes === undefined : now.bytes !== undefined && now.bytes.equals(expected);
}

function readAll(fd: number, max: number): Buffer | undefined {
  const buffer = Buffer.alloc(max + 1);
  let size = 0;
  for (let read = 1; read > 0 && size <= max; size += read) read = readSync(fd, buffer, size, buffer.length - size, null);
  return size > max ? undefined : buffer.subarray(0, size);
}

function reasonOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
}
