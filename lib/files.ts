import { constants, openSync } from 'fs';

/**
 * Opens a file the user names (a template, a config, a page) for reading, without waiting: a
 * FIFO opens at once instead of blocking until something writes to it, and the caller's fstat
 * then tells it is not a regular file. (Without O_NONBLOCK, `template: my.fifo` hung every command.)
 */
export function openToRead(file: string | Buffer): number {
  return openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
}
