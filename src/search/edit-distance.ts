/** Rows of the distance table, reused from call to call (grown for longer words): no allocation per call. */
let before = new Int32Array(64);
let previous = new Int32Array(64);
let current = new Int32Array(64);

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), giving up early:
 * returns `max + 1` as soon as the distance is known to exceed `max`. Compares `a` with the first `bLength`
 * characters of `b` (all of it by default), so a word's prefix needs no string of its own.
 */
export function boundedEditDistance(a: string, b: string, max: number, bLength: number = b.length): number {
  const n = Math.min(bLength, b.length);
  if (Math.abs(a.length - n) > max) return max + 1;
  if (n === b.length && a === b) return 0;
  const width = n + 1;
  if (width > current.length) {
    before = new Int32Array(width * 2);
    previous = new Int32Array(width * 2);
    current = new Int32Array(width * 2);
  }
  let rowBefore = before;
  let row = previous;
  let next = current;
  rowBefore.fill(0, 0, width);
  for (let j = 0; j < width; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    next[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let value = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        value = Math.min(value, (rowBefore[j - 2] as number) + 1);
      }
      next[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const done = rowBefore;
    rowBefore = row;
    row = next;
    next = done;
  }
  const distance = row[n] as number;
  return distance > max ? max + 1 : distance;
}

/**
 * Whether `a` and the first `a.length` characters of `b` could be within one substitution or one transposition of
 * each other: they differ in at most two places. A cheap necessary condition for a distance of 1 between strings
 * of the same length (an insertion needs a deletion too, which makes 2).
 */
export function atMostTwoMismatches(a: string, b: string): boolean {
  let mismatches = 0;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i) && ++mismatches > 2) return false;
  }
  return true;
}

/** Letter counts for `bagDistance`, by character code modulo 64, left at zero between calls. */
const bag = new Int32Array(64);

/**
 * A lower bound of the edit distance between `a` and the first `bLength` characters of `b` (all by default): the
 * bag distance, how many characters of one are not matched by characters of the other, counted by code modulo 64
 * (two letters falling together can only lower it). Substitutions, insertions and deletions change it by at most
 * one each and transpositions not at all, so a bag distance above `max` rules a word out without the distance table.
 */
export function bagDistance(a: string, b: string, bLength: number = b.length): number {
  const n = Math.min(bLength, b.length);
  for (let i = 0; i < a.length; i++) bag[a.charCodeAt(i) & 63] = (bag[a.charCodeAt(i) & 63] as number) + 1;
  for (let i = 0; i < n; i++) bag[b.charCodeAt(i) & 63] = (bag[b.charCodeAt(i) & 63] as number) - 1;
  let surplus = 0;
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    const slot = a.charCodeAt(i) & 63;
    const count = bag[slot] as number;
    if (count > 0) surplus += count;
    else if (count < 0) missing -= count;
    bag[slot] = 0;
  }
  for (let i = 0; i < n; i++) {
    const slot = b.charCodeAt(i) & 63;
    const count = bag[slot] as number;
    if (count < 0) missing -= count;
    else if (count > 0) surplus += count;
    bag[slot] = 0;
  }
  return Math.max(surplus, missing);
}
