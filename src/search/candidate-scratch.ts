import type { Ranges } from './int-list.js';
import { MAX_QUERY_TOKENS } from './normalize.js';

/** A record picked from the word index for fuse.js to rank. */
export interface Candidate {
  record: number;
  /** How many query terms matched a word of the record. */
  coverage: number;
  /** Sum over the terms of the best word-match quality times the word's weight in the record. */
  strength: number;
  /** Every term matched a word of a field that fuse.js ranks (not only topics or long text). */
  inFuseFields: boolean;
  /** Every term matched a word literally (exactly or as a prefix), or within a few typos in a `words` field. */
  wordsMatched: boolean;
  /** 3 when one name/acronym/alias holds every term, 2 a sub-body or programme, 1 another value, 0 none. */
  together: number;
  /** The field of the strongest word match. */
  bestSpec: number;
}

const TERM_SLOTS = MAX_QUERY_TOKENS;
/** `post` flags: how the posted term matched. */
export const LITERAL = 1;
export const IN_FUSE_FIELD = 2;
export const IN_WORD_FIELD = 4;

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest; rest &= rest - 1) count++;
  return count;
}

/** Per record, 16 ints (64 bytes) side by side: */
const RECORD_INTS = 16;
/** the epoch it was last touched in; */
const STAMP = 0;
/** the query terms matched: any way (bits 0–7), literally (8–15), in a fuse field (16–23), in a word field (24–31); */
const MASKS = 1;
/** the field of the strongest match (bits 0–15) and the "together" level (16–23); */
const SPEC_TOGETHER = 2;
/** as floats: the strongest match, then per term its best match. */
const BEST = 3;
const TERM_STRENGTHS = 4;

/**
 * What one query accumulates per record while posting lists are walked: the best strength per term, which terms
 * matched (literally, in a field), the strongest field, and whether one value held every term. One typed array sized
 * once for the index and reused by every query, a record's state in one cache line; a record counts only when its
 * stamp is the current epoch, so starting a query clears nothing.
 */
export class CandidateScratch {
  private epoch = 0;
  private readonly ints: Int32Array;
  /** The same memory as `ints`, for the strengths (float32). */
  private readonly floats: Float32Array;
  /** Terms of the current query: only their strengths are reset when a record is first touched. */
  private termCount = TERM_SLOTS;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  /** Per value: the epoch (high bits) and the query terms it held (low 8 bits), in one word. */
  private readonly valueMark: Uint32Array;
  private readonly touchedValues: Int32Array;
  private touchedValueCount = 0;

  constructor(recordCount: number, valueCount: number) {
    const memory = new ArrayBuffer(recordCount * RECORD_INTS * 4);
    this.ints = new Int32Array(memory);
    this.floats = new Float32Array(memory);
    this.touched = new Int32Array(recordCount);
    this.valueMark = new Uint32Array(valueCount);
    this.touchedValues = new Int32Array(valueCount);
  }

  /** Begins a query of `termCount` terms (at most MAX_QUERY_TOKENS). */
  start(termCount: number): void {
    this.termCount = Math.min(termCount, TERM_SLOTS);
    // Epochs fit in 24 bits (`valueMark` keeps 8 for term bits).
    this.epoch = (this.epoch + 1) & 0xffffff;
    if (this.epoch === 0) {
      this.ints.fill(0);
      this.valueMark.fill(0);
      this.epoch = 1;
    }
    this.touchedCount = 0;
    this.touchedValueCount = 0;
  }

  /**
   * Adds one posting list (`records[from, to)`) to the per-record scratch: the hot loop of every query, so it works
   * on local typed arrays. With `required` set, only records that matched every earlier term are updated.
   */
  post(
    records: Int32Array,
    from: number,
    to: number,
    termIndex: number,
    strength: number,
    flags: number,
    spec: number,
    required: number,
    level: number,
  ): void {
    const epoch = this.epoch;
    const ints = this.ints;
    const floats = this.floats;
    const termCount = this.termCount;
    const bit = 1 << termIndex;
    const maskBits =
      bit |
      (flags & LITERAL ? bit << 8 : 0) |
      (flags & IN_FUSE_FIELD ? bit << 16 : 0) |
      (flags & IN_WORD_FIELD ? bit << 24 : 0);
    for (let k = from; k < to; k++) {
      const base = (records[k] as number) * RECORD_INTS;
      if (ints[base + STAMP] !== epoch) {
        if (required !== 0) continue;
        ints[base + STAMP] = epoch;
        for (let t = 0; t < termCount; t++) floats[base + TERM_STRENGTHS + t] = 0;
        ints[base + MASKS] = 0;
        ints[base + SPEC_TOGETHER] = spec;
        floats[base + BEST] = 0;
        this.touched[this.touchedCount++] = records[k] as number;
      } else if (((ints[base + MASKS] as number) & required) !== required) {
        continue;
      }
      const slot = base + TERM_STRENGTHS + termIndex;
      if (strength > (floats[slot] as number)) floats[slot] = strength;
      ints[base + MASKS] = (ints[base + MASKS] as number) | maskBits;
      let specTogether = ints[base + SPEC_TOGETHER] as number;
      if (strength > (floats[base + BEST] as number)) {
        floats[base + BEST] = strength;
        specTogether = (specTogether & ~0xffff) | spec;
      }
      if (level > specTogether >>> 16) specTogether = (specTogether & 0xffff) | (level << 16);
      ints[base + SPEC_TOGETHER] = specTogether;
    }
  }

  /** Notes that a field value held the term `bit` (multi-term queries: finds values holding every term). */
  markValue(value: number, bit: number): void {
    const mark = this.valueMark[value] as number;
    if (mark >>> 8 !== this.epoch) {
      this.valueMark[value] = this.epoch * 256 + bit;
      this.touchedValues[this.touchedValueCount++] = value;
    } else {
      this.valueMark[value] = mark | bit;
    }
  }

  /**
   * Raises "together" for the records of each value that held every term (`all` the term bits): by the level of
   * the value's field (a name 3, a sub-body or programme 2, anything else 1).
   */
  markTogether(all: number, valueRecords: Ranges, valueSpecs: Uint16Array, specLevels: Uint8Array): void {
    const { start, end: ends, items } = valueRecords;
    const ints = this.ints;
    for (let i = 0; i < this.touchedValueCount; i++) {
      const value = this.touchedValues[i] as number;
      if (((this.valueMark[value] as number) & 0xff) !== all) continue;
      const level = specLevels[valueSpecs[value] as number] as number;
      const end = ends[value] as number;
      for (let k = start[value] as number; k < end; k++) {
        const base = (items[k] as number) * RECORD_INTS;
        const specTogether = ints[base + SPEC_TOGETHER] as number;
        if (ints[base + STAMP] === this.epoch && specTogether >>> 16 < level) {
          ints[base + SPEC_TOGETHER] = (specTogether & 0xffff) | (level << 16);
        }
      }
    }
  }

  /** Sum of the record's best strength per term. */
  private strengthOf(base: number, termCount: number): number {
    let strength = 0;
    for (let t = 0; t < termCount; t++) strength += this.floats[base + TERM_STRENGTHS + t] as number;
    return strength;
  }

  /**
   * The `limit` best touched records. Ordered by one number per record (coverage, then together, then strength,
   * then record number; all distinct): the `limit` smallest kept in a max-heap as the records are scanned, then
   * sorted natively. No object per touched record, and no sort of them all.
   */
  collect(termCount: number, loose: boolean, limit: number): Candidate[] {
    const all = (1 << termCount) - 1;
    const ints = this.ints;
    const heap = new Float64Array(Math.max(limit, 0));
    let size = 0;
    for (let i = 0; i < this.touchedCount && limit > 0; i++) {
      const record = this.touched[i] as number;
      const base = record * RECORD_INTS;
      const covered = (ints[base + MASKS] as number) & 0xff;
      if (!loose && covered !== all) continue;
      const strength = this.strengthOf(base, termCount);
      const together = (ints[base + SPEC_TOGETHER] as number) >>> 16;
      // Larger is better in each part; negated so that an ascending sort puts the best first.
      const rank =
        (bitCount(covered) * 4 + together) * 2 ** 14 + Math.min(Math.round(strength * 1000), 2 ** 14 - 1);
      const key = -rank * 2 ** 24 + record;
      if (size < limit) {
        // Sift up.
        let at = size++;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if ((heap[parent] as number) >= key) break;
          heap[at] = heap[parent] as number;
          at = parent;
        }
        heap[at] = key;
      } else if (key < (heap[0] as number)) {
        // Replaces the worst kept; sift down.
        let at = 0;
        for (;;) {
          let child = 2 * at + 1;
          if (child >= size) break;
          if (child + 1 < size && (heap[child + 1] as number) > (heap[child] as number)) child++;
          if ((heap[child] as number) <= key) break;
          heap[at] = heap[child] as number;
          at = child;
        }
        heap[at] = key;
      }
    }
    const best = heap.subarray(0, size).sort();
    const candidates: Candidate[] = [];
    for (let i = 0; i < best.length; i++) {
      const key = best[i] ?? 0;
      const record = ((key % 2 ** 24) + 2 ** 24) % 2 ** 24;
      const base = record * RECORD_INTS;
      const masks = ints[base + MASKS] as number;
      const covered = masks & 0xff;
      candidates.push({
        record,
        coverage: bitCount(covered),
        strength: this.strengthOf(base, termCount),
        inFuseFields: ((masks >>> 16) & all) === all,
        wordsMatched: (((masks >>> 8) | (masks >>> 24)) & all) === all,
        together: (ints[base + SPEC_TOGETHER] as number) >>> 16,
        bestSpec: (ints[base + SPEC_TOGETHER] as number) & 0xffff,
      });
    }
    return candidates;
  }
}
