/**
 * The numbers messages show as examples of the shape to write: the README's and the demo's
 * own (docs/filing-rules.md, "ICP numbers" and "Public-security numbers"). One place, so that
 * every message shows the same ones.
 */

export const EXAMPLE_NUMBERS = Object.freeze({ icp: '京ICP备20000491号-1', gongan: '京公网安备11010502030143号' });
