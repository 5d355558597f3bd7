import { anchorShapes } from './shape-anchors.js';

/**
 * Word characters of ASCII text as their folded (lower-case) codes: a–z and 0–9, upper case lowered; 0 for every
 * other ASCII character (a word break).
 */
export const ASCII_WORD_CHAR: Uint8Array = (() => {
  const table = new Uint8Array(256);
  for (let code = 48; code <= 57; code++) table[code] = code;
  for (let code = 97; code <= 122; code++) table[code] = code;
  for (let code = 65; code <= 90; code++) table[code] = code + 32;
  return table;
})();

/** FNV-1a over char codes: the start value, one step per code, and a final mix for the low bits. */
export const HASH_SEED = 0x811c9dc5 | 0;

export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

export function hashFinish(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x7feb352d);
  return h ^ (h >>> 15);
}

export function hashOf(word: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hashFinish(hash);
}

/**
 * Slots of the hash tables below: two ints each, a key's hash (or the key) and its entry + 1 (0: empty), side by
 * side so that a probe reads one cache line. At most half full.
 */
function placeSlot(slots: Int32Array, hash: number, entryPlusOne: number): void {
  const mask = (slots.length >> 1) - 1;
  let slot = hash & mask;
  while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
  slots[2 * slot] = hash;
  slots[2 * slot + 1] = entryPlusOne;
}

/** The slots doubled, every entry placed again. */
function rehashSlots(slots: Int32Array): Int32Array {
  const next = new Int32Array(slots.length * 2);
  for (let at = 0; at < slots.length; at += 2) {
    const entryPlusOne = slots[at + 1] as number;
    if (entryPlusOne !== 0) placeSlot(next, slots[at] as number, entryPlusOne);
  }
  return next;
}

/**
 * Strings to integers in an open-addressing hash table over their char codes (`hashOf`).
 */
export class WordTable {
  private slots: Int32Array = new Int32Array(2048);
  private values = new Int32Array(512);
  private readonly keys: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The value of `word` (its hash from `hashOf`), or -1. */
  get(word: string, hash: number = hashOf(word)): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (slots[2 * slot + 1] as number) - 1;
      if (entry < 0) return -1;
      if (slots[2 * slot] === hash && this.keys[entry] === word) return this.values[entry] as number;
    }
  }

  /** Adds a key known to be absent. */
  add(word: string, hash: number, value: number): void {
    const entry = this.keys.length;
    if (entry === this.values.length) {
      const values = new Int32Array(entry * 2);
      values.set(this.values);
      this.values = values;
    }
    this.keys.push(word);
    this.values[entry] = value;
    if ((entry + 1) * 4 > this.slots.length) this.slots = rehashSlots(this.slots);
    placeSlot(this.slots, hash, entry + 1);
  }
}

/** Slot layout of `PackedWordTable`: the last 12 folded bytes of the word in three ints, its length, value + 1, and
 * where a longer word's bytes start in the pool. */
const SLOT_INTS = 8;
const LO = 0;
const HI = 1;
const TOP = 2;
const LENGTH = 3;
const VALUE = 4;
const POOL = 5;
/** Free for the caller: `PackedWordTable.stampAt`. */
const STAMP = 6;
/** Words up to this many bytes are held whole in their slot; longer ones are compared with the pool too. */
export const PACKED_BYTES = 12;

/**
 * Folded ASCII words to integers, looked up straight from bytes being scanned: the caller packs the word's last 12
 * folded bytes into three ints as it reads them (`lo`, `hi`, `top`), so a word of up to 12 letters is compared in
 * its slot alone, one cache line, with no string and no second pass over its bytes.
 */
export class PackedWordTable {
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  private pool = new Uint8Array(4096);
  private poolLength = 0;

  constructor(capacity = 1024) {
    this.slots = new Int32Array(capacity * SLOT_INTS);
    this.mask = capacity - 1;
  }

  /** The value of the folded word `bytes[start, start + length)` (packed as described), or -1. */
  get(lo: number, hi: number, top: number, length: number, bytes: Uint8Array, start: number): number {
    const at = this.find(lo, hi, top, length, bytes, start);
    return at < 0 ? -1 : (this.slots[at + VALUE] as number) - 1;
  }

  /** Where the word's slot starts (for `valueAt`, `stampAt`), or -1. */
  find(lo: number, hi: number, top: number, length: number, bytes: Uint8Array, start: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let slot = packedHash(lo, hi, top, length) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT_INTS;
      if (slots[at + VALUE] === 0) return -1;
      if (slots[at + LO] !== lo || slots[at + HI] !== hi || slots[at + TOP] !== top) continue;
      if (slots[at + LENGTH] !== length) continue;
      if (length > PACKED_BYTES && !this.samePooled(slots[at + POOL] as number, length, bytes, start))
        continue;
      return at;
    }
  }

  valueAt(at: number): number {
    return (this.slots[at + VALUE] as number) - 1;
  }

  /** A number the caller keeps with the word (0 at first), e.g. the last record it was seen in. */
  stampAt(at: number): number {
    return this.slots[at + STAMP] as number;
  }

  setStampAt(at: number, stamp: number): void {
    this.slots[at + STAMP] = stamp;
  }

  private samePooled(from: number, length: number, bytes: Uint8Array, start: number): boolean {
    const pool = this.pool;
    for (let k = 0; k < length; k++) {
      if (pool[from + k] !== ASCII_WORD_CHAR[bytes[start + k] as number]) return false;
    }
    return true;
  }

  /** Adds a word known to be absent; returns where its slot starts. */
  add(
    lo: number,
    hi: number,
    top: number,
    length: number,
    bytes: Uint8Array,
    start: number,
    value: number,
  ): number {
    if ((this.count + 1) * 2 > this.mask + 1) this.rehash();
    this.count++;
    let pooled = 0;
    if (length > PACKED_BYTES) {
      if (this.poolLength + length > this.pool.length) {
        const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + length));
        pool.set(this.pool);
        this.pool = pool;
      }
      pooled = this.poolLength;
      for (let k = 0; k < length; k++)
        this.pool[pooled + k] = ASCII_WORD_CHAR[bytes[start + k] as number] as number;
      this.poolLength += length;
    }
    return this.place(lo, hi, top, length, value, pooled, 0);
  }

  private place(
    lo: number,
    hi: number,
    top: number,
    length: number,
    value: number,
    pooled: number,
    stamp: number,
  ): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = packedHash(lo, hi, top, length) & mask;
    while (slots[slot * SLOT_INTS + VALUE] !== 0) slot = (slot + 1) & mask;
    const at = slot * SLOT_INTS;
    slots[at + LO] = lo;
    slots[at + HI] = hi;
    slots[at + TOP] = top;
    slots[at + LENGTH] = length;
    slots[at + VALUE] = value + 1;
    slots[at + POOL] = pooled;
    slots[at + STAMP] = stamp;
    return at;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = (this.mask + 1) * 2 - 1;
    for (let at = 0; at < old.length; at += SLOT_INTS) {
      const value = old[at + VALUE] as number;
      if (value === 0) continue;
      this.place(
        old[at + LO] as number,
        old[at + HI] as number,
        old[at + TOP] as number,
        old[at + LENGTH] as number,
        value - 1,
        old[at + POOL] as number,
        old[at + STAMP] as number,
      );
    }
  }
}

function packedHash(lo: number, hi: number, top: number, length: number): number {
  let h = Math.imul(lo ^ Math.imul(hi ^ Math.imul(top, 0x85ebca6b), 0x2c1b3c6d) ^ length, 0x7feb352d);
  h ^= h >>> 15;
  return Math.imul(h, 0x846ca68b) ^ (h >>> 16);
}

function grownInt32(array: Int32Array, size: number): Int32Array {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}

/**
 * Raw ASCII texts (compared byte for byte, case included) to integers, looked up from bytes with a hash the caller
 * computed over them: dedupes field values without a string hash or a `Map` entry per text.
 */
export class TextTable {
  private slots: Int32Array = new Int32Array(2048);
  private values: Int32Array = new Int32Array(512);
  private keyStart: Int32Array = new Int32Array(513);
  private pool = new Uint8Array(1 << 14);
  private count = 0;

  /** The value of the text `bytes[0, length)`, or -1. */
  get(bytes: Uint8Array, length: number, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (slots[2 * slot + 1] as number) - 1;
      if (entry < 0) return -1;
      if (slots[2 * slot] !== hash) continue;
      const keyStart = this.keyStart[entry] as number;
      if ((this.keyStart[entry + 1] as number) - keyStart !== length) continue;
      const pool = this.pool;
      let k = 0;
      while (k < length && pool[keyStart + k] === bytes[k]) k++;
      if (k === length) return this.values[entry] as number;
    }
  }

  /** Adds the text `bytes[0, length)`, known to be absent. */
  add(bytes: Uint8Array, length: number, hash: number, value: number): void {
    const entry = this.count++;
    if (entry + 1 >= this.values.length) {
      const size = this.values.length * 2;
      this.values = grownInt32(this.values, size);
      this.keyStart = grownInt32(this.keyStart, size + 1);
    }
    const keyStart = this.keyStart[entry] as number;
    const keyEnd = keyStart + length;
    if (keyEnd > this.pool.length) {
      const pool = new Uint8Array(Math.max(keyEnd, this.pool.length * 2));
      pool.set(this.pool);
      this.pool = pool;
    }
    const pool = this.pool;
    for (let k = 0; k < length; k++) pool[keyStart + k] = bytes[k] as number;
    this.keyStart[entry + 1] = keyEnd;
    this.values[entry] = value;
    if (this.count * 4 > this.slots.length) this.slots = rehashSlots(this.slots);
    placeSlot(this.slots, hash, entry + 1);
  }
}

/**
 * Non-negative integer keys to several integer values each (open addressing, a slot per (key, value) pair):
 * `valuesOf` visits the values of a key, in no particular order.
 */
export class IntMultiMap {
  private slots: Int32Array = new Int32Array(2048);
  private count = 0;

  add(key: number, value: number): void {
    if (++this.count * 4 > this.slots.length) this.slots = rehashSlots(this.slots);
    placeSlot(this.slots, key, value + 1);
  }

  /** The values of `key`, into `out`. */
  valuesOf(key: number, out: number[]): void {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      const valuePlusOne = slots[2 * slot + 1] as number;
      if (valuePlusOne === 0) return;
      if (slots[2 * slot] === key) out.push(valuePlusOne - 1);
    }
  }
}

anchorShapes(new WordTable(), new PackedWordTable(2), new TextTable(), new IntMultiMap());
