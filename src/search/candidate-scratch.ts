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

/**
 * What one query accumulates per record while posting lists are walked: the best strength per term, which terms
 * matched (literally, in a field), the strongest field, and whether one value held every term. Typed arrays sized
 * once for the index and reused by every query: a record's slots count only when its stamp is the current epoch,
 * so starting a query clears nothing.
 */
export class CandidateScratch {
  private epoch = 0;
  private readonly stamp: Uint32Array;
  private readonly termStrength: Float32Array;
  private readonly coveredMask: Uint8Array;
  private readonly literalMask: Uint8Array;
  private readonly fuseFieldMask: Uint8Array;
  private readonly wordFieldMask: Uint8Array;
  private readonly bestStrength: Float32Array;
  private readonly bestSpec: Uint16Array;
  private readonly togetherLevel: Uint8Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly valueStamp: Uint32Array;
  private readonly valueMask: Uint8Array;
  private readonly touchedValues: Int32Array;
  private touchedValueCount = 0;

  constructor(recordCount: number, valueCount: number) {
    this.stamp = new Uint32Array(recordCount);
    this.termStrength = new Float32Array(recordCount * TERM_SLOTS);
    this.coveredMask = new Uint8Array(recordCount);
    this.literalMask = new Uint8Array(recordCount);
    this.fuseFieldMask = new Uint8Array(recordCount);
    this.wordFieldMask = new Uint8Array(recordCount);
    this.bestStrength = new Float32Array(recordCount);
    this.bestSpec = new Uint16Array(recordCount);
    this.togetherLevel = new Uint8Array(recordCount);
    this.touched = new Int32Array(recordCount);
    this.valueStamp = new Uint32Array(valueCount);
    this.valueMask = new Uint8Array(valueCount);
    this.touchedValues = new Int32Array(valueCount);
  }

  /** Begins a query. */
  start(): void {
    this.epoch = (this.epoch + 1) >>> 0;
    if (this.epoch === 0) {
      this.stamp.fill(0);
      this.valueStamp.fill(0);
      this.epoch = 1;
    }
    this.touchedCount = 0;
    this.touchedValueCount = 0;
  }

  /**
   * Adds one posting list (`records[from, to)`) to the per-record scratch: the hot loop of every query, so it works on local typed
   * arrays. With `required` set, only records that matched every earlier term are updated.
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
    const stamp = this.stamp;
    const termStrength = this.termStrength;
    const covered = this.coveredMask;
    const literal = this.literalMask;
    const inFuse = this.fuseFieldMask;
    const inWords = this.wordFieldMask;
    const best = this.bestStrength;
    const bestSpec = this.bestSpec;
    const together = this.togetherLevel;
    const bit = 1 << termIndex;
    for (let k = from; k < to; k++) {
      const record = records[k] as number;
      if (stamp[record] !== epoch) {
        if (required !== 0) continue;
        stamp[record] = epoch;
        const base = record * TERM_SLOTS;
        for (let t = 0; t < TERM_SLOTS; t++) termStrength[base + t] = 0;
        covered[record] = 0;
        literal[record] = 0;
        inFuse[record] = 0;
        inWords[record] = 0;
        best[record] = 0;
        bestSpec[record] = spec;
        together[record] = 0;
        this.touched[this.touchedCount++] = record;
      } else if (((covered[record] as number) & required) !== required) {
        continue;
      }
      const slot = record * TERM_SLOTS + termIndex;
      if (strength > (termStrength[slot] as number)) termStrength[slot] = strength;
      covered[record] = (covered[record] as number) | bit;
      if (flags & LITERAL) literal[record] = (literal[record] as number) | bit;
      if (flags & IN_FUSE_FIELD) inFuse[record] = (inFuse[record] as number) | bit;
      if (flags & IN_WORD_FIELD) inWords[record] = (inWords[record] as number) | bit;
      if (strength > (best[record] as number)) {
        best[record] = strength;
        bestSpec[record] = spec;
      }
      if (level > (together[record] as number)) together[record] = level;
    }
  }

  /** Notes that a field value held the term `bit` (multi-term queries: finds values holding every term). */
  markValue(value: number, bit: number): void {
    if (this.valueStamp[value] !== this.epoch) {
      this.valueStamp[value] = this.epoch;
      this.valueMask[value] = 0;
      this.touchedValues[this.touchedValueCount++] = value;
    }
    this.valueMask[value] = (this.valueMask[value] ?? 0) | bit;
  }

  /**
   * Raises "together" for the records of each value that held every term (`all` the term bits): by the level of
   * the value's field (a name 3, a sub-body or programme 2, anything else 1).
   */
  markTogether(all: number, valueRecords: Ranges, valueSpecs: Uint16Array, specLevels: Uint8Array): void {
    const { start, end: ends, items } = valueRecords;
    for (let i = 0; i < this.touchedValueCount; i++) {
      const value = this.touchedValues[i] as number;
      if (this.valueMask[value] !== all) continue;
      const level = specLevels[valueSpecs[value] as number] as number;
      const end = ends[value] as number;
      for (let k = start[value] as number; k < end; k++) {
        const record = items[k] as number;
        if (this.stamp[record] === this.epoch && (this.togetherLevel[record] as number) < level) {
          this.togetherLevel[record] = level;
        }
      }
    }
  }

  /**
   * The `limit` best touched records. Ordered by one number per record (coverage, then together, then strength,
   * then record number) in a Float64Array, sorted natively: no object per touched record.
   */
  collect(termCount: number, loose: boolean, limit: number): Candidate[] {
    const all = (1 << termCount) - 1;
    const keys = new Float64Array(this.touchedCount);
    let kept = 0;
    for (let i = 0; i < this.touchedCount; i++) {
      const record = this.touched[i] ?? 0;
      const covered = this.coveredMask[record] ?? 0;
      if (!loose && covered !== all) continue;
      let strength = 0;
      for (let t = 0; t < termCount; t++) strength += this.termStrength[record * TERM_SLOTS + t] ?? 0;
      const together = this.togetherLevel[record] ?? 0;
      // Larger is better in each part; negated so that an ascending sort puts the best first.
      const rank =
        (bitCount(covered) * 4 + together) * 2 ** 14 + Math.min(Math.round(strength * 1000), 2 ** 14 - 1);
      keys[kept++] = -rank * 2 ** 24 + record;
    }
    const best = keys.subarray(0, kept).sort();
    const candidates: Candidate[] = [];
    for (let i = 0; i < best.length && i < limit; i++) {
      const key = best[i] ?? 0;
      const record = ((key % 2 ** 24) + 2 ** 24) % 2 ** 24;
      const covered = this.coveredMask[record] ?? 0;
      let strength = 0;
      for (let t = 0; t < termCount; t++) strength += this.termStrength[record * TERM_SLOTS + t] ?? 0;
      candidates.push({
        record,
        coverage: bitCount(covered),
        strength,
        inFuseFields: ((this.fuseFieldMask[record] ?? 0) & all) === all,
        wordsMatched: (((this.literalMask[record] ?? 0) | (this.wordFieldMask[record] ?? 0)) & all) === all,
        together: this.togetherLevel[record] ?? 0,
        bestSpec: this.bestSpec[record] ?? 0,
      });
    }
    return candidates;
  }
}
