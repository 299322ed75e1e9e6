/**
 * Small facts about values and characters that every layer asks: is this a block of keys,
 * is it blank, is it a CJK ideograph.
 */

/** A block of keys as js-yaml gives it (not a list, not a date). */
export type Plain = Record<string, unknown>;

/** True for a block of keys: an object that is not a list and not a Date. */
export function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Nothing written: undefined, null, or text of only spaces. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A CJK ideograph (the unified block, extension A, the compatibility block): a province character's range. */
export function isIdeograph(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}
