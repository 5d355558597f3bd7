import { anchorShapes } from './shape-anchors.js';

/** A growable list of 32-bit integers: one typed array, doubled when full (no object or boxed number per item). */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 16) {
    this.data = new Int32Array(Math.max(capacity, 4));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Makes room for `capacity` items in all. */
  grow(capacity: number): void {
    if (capacity <= this.data.length) return;
    const next = new Int32Array(Math.max(capacity, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

/**
 * Posting lists in one block ("compressed sparse rows"): the items of key k are `items[start[k]]` up to
 * `items[start[k + 1]]`.
 */
export interface Postings {
  start: Int32Array;
  items: Int32Array;
}

/**
 * Lists that need not lie end to end: the items of key k are `items[start[k]]` up to `items[end[k]]`, so keys can
 * share one list.
 */
export interface Ranges {
  start: Int32Array;
  end: Int32Array;
  items: Int32Array;
}

/** The list's items as they stand (a view, no copy). */
export function itemsOf(list: IntList): Int32Array {
  return list.data.subarray(0, list.length);
}

/**
 * Inverts lists given in runs: run r holds the keys `keys[runStart[r]]` up to `keys[runStart[r + 1]]`; the result
 * lists, per key, the runs holding it, ascending (a counting sort: two passes, no list per key).
 */
export function invertRuns(runStart: Int32Array, keys: Int32Array, keyCount: number): Postings {
  const start = new Int32Array(keyCount + 1);
  const runs = runStart.length - 1;
  const total = runStart[runs] as number;
  for (let k = 0; k < total; k++) {
    const slot = (keys[k] as number) + 1;
    start[slot] = (start[slot] as number) + 1;
  }
  for (let key = 0; key < keyCount; key++)
    start[key + 1] = (start[key + 1] as number) + (start[key] as number);
  const next = start.slice(0, keyCount);
  const items = new Int32Array(total);
  for (let run = 0; run < runs; run++) {
    const end = runStart[run + 1] as number;
    for (let k = runStart[run] as number; k < end; k++) {
      const key = keys[k] as number;
      items[next[key] as number] = run;
      next[key] = (next[key] as number) + 1;
    }
  }
  return { start, items };
}

/** Copies a typed array into one of at least `length` items (zeros, or `fill`, after the old ones). */
export function grown<A extends Int32Array | Uint8Array | Uint16Array | Float64Array>(
  array: A,
  length: number,
  fill = 0,
): A {
  if (length <= array.length) return array;
  const next = new (array.constructor as new (length: number) => A)(Math.max(length, array.length * 2));
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

anchorShapes(new IntList(1));
