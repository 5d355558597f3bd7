import { atMostTwoMismatches, bagDistance, boundedEditDistance } from './edit-distance.js';
import { grown, type IntList } from './int-list.js';
import { STOP_WORDS, unifySpelling } from './normalize.js';
import { anchorShapes } from './shape-anchors.js';
import { sortByText } from './sort-by-text.js';
import {
  ASCII_WORD_CHAR,
  HASH_SEED,
  hashFinish,
  hashOf,
  hashStep,
  PackedWordTable,
  WordTable,
} from './word-table.js';

/** How a vocabulary word stands for a query term. */
export interface TermMatch {
  quality: number;
  /** Exact word or word prefix, not a typo. */
  literal: boolean;
  /** The whole word: only these reach long-text postings. */
  exact: boolean;
}

/** How many vocabulary words a prefix may expand to (the nearest in sort order). */
const MAX_PREFIX_EXPANSION = 200;
const EXACT_QUALITY = 1;
const PREFIX_QUALITY_MIN = 0.6;
const PREFIX_QUALITY_SPAN = 0.3;
const TYPO_QUALITY = 0.7;
const TYPO_QUALITY_STEP = 0.15;
const PREFIX_TYPO_QUALITY = 0.45;
/** Loose mode only: words sharing this share of trigrams are offered as "did you mean" material. */
const MIN_LOOSE_DICE = 0.45;
const LOOSE_DICE_QUALITY = 0.3;
/** Trigram keys are 3 × 6 bits. */
const TRIGRAM_BITS = 18;

/** Typos allowed in a word of this length: none below 4 letters, 1 up to 5, 2 beyond (one more when loose). */
export function allowedEdits(length: number, loose: boolean): number {
  const strict = length < 4 ? 0 : length <= 5 ? 1 : 2;
  return loose ? Math.min(strict + 1, Math.max(1, length - 2)) : strict;
}

/** A character as 6 bits for trigram keys: space 0, a–z, 0–9, anything else folded into the rest. */
function charCode6(code: number): number {
  if (code === 32) return 0;
  if (code >= 97 && code <= 122) return code - 96;
  if (code >= 48 && code <= 57) return code - 21;
  return 37 + (code % 27);
}

/**
 * The trigrams of ` word ` as small integers (no strings allocated), into `out` from `at`; returns their count (the
 * word's length).
 */
function trigramsInto(word: string, out: Int32Array, at: number): number {
  let a = 0; // the space before the word
  let b = word.length > 0 ? charCode6(word.charCodeAt(0)) : 0;
  for (let i = 0; i < word.length; i++) {
    const c = i + 1 < word.length ? charCode6(word.charCodeAt(i + 1)) : 0;
    out[at + i] = (a << 12) | (b << 6) | c;
    a = b;
    b = c;
  }
  return word.length;
}

function trigramsOf(word: string): Int32Array {
  const grams = new Int32Array(word.length);
  trigramsInto(word, grams, 0);
  return grams;
}

const encoder = new TextEncoder();

/** ASCII whitespace: what separates the chunks compounds are made of (see `compoundsOf`). */
function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** The words of one text as vocabulary ids, filled by `Vocabulary.scanRead` (reused from text to text). */
export class WordScan {
  ids = new Int32Array(256);
  /** 1 when the word continues the previous word's chunk: only punctuation between them, no space. */
  joined = new Uint8Array(256);
  count = 0;

  grow(): void {
    this.ids = grown(this.ids, this.ids.length * 2);
    this.joined = grown(this.joined, this.joined.length * 2);
  }
}

/**
 * Every folded word of the index, numbered. Words of fuzzy fields ("field words") are also kept sorted, for
 * prefixes, and under their character trigrams, for typos; words of long text are only looked up whole.
 * Stop words are numbered too, and never match. Text is read from a byte copy (`readAscii`, `scanRead`,
 * `postLongText`): a word is looked up by its packed bytes, and a string is made only for a spelling not met before.
 * Ids are given in the order words are first met, as the index has always numbered them.
 */
export class Vocabulary {
  /**
   * Folded ASCII words as written (before `unifySpelling`) → ids of the unified words: what field values are read
   * through. A word whose spelling `unifySpelling` keeps ("organization", "customs") is its own spelling, so this is
   * also where words are looked up: a unified word met only through another spelling, or made as a compound, is
   * entered too. Words of long text are read through their own, small table (a few hundred words, read millions of
   * times).
   */
  private readonly spellings: PackedWordTable;
  /** Words `spellings` cannot hold: not of ASCII letters and digits, or changed by `unifySpelling` (rare). */
  private readonly otherWords = new WordTable();
  /** A word being looked up by its string, packed as `spellings` keys it (see `packWord`). */
  private packedLo = 0;
  private packedHi = 0;
  private packedTop = 0;
  private packedBytes = new Uint8Array(64);
  private readonly longTextSpellings = new PackedWordTable(1024);
  /** The text being scanned, as bytes. */
  private bytes = new Uint8Array(4096);
  private readHash = 0;
  private readonly words: string[] = [];
  private stop = new Uint8Array(64);
  private sortedFieldWords = new Int32Array(0);
  /**
   * Field word ids by trigram: the distinct trigrams ascending (`trigramKeys`); those of `trigramKeys[t]` are
   * `trigramWords[trigramStart[t]]` up to `[trigramStart[t + 1]]`, ascending.
   */
  private trigramKeys = new Int32Array(0);
  private trigramStart = new Int32Array(1);
  private trigramWords = new Int32Array(0);
  /** Per word id, its position among the sorted field words (-1: not a field word). */
  private sortedPosition = new Int32Array(0);
  /** Query scratch: per word id, trigrams shared with the term (valid where `sharedStamp` is the current epoch). */
  private sharedCount = new Uint16Array(0);
  private sharedStamp = new Int32Array(0);
  private sharedTouched = new Int32Array(0);
  private sharedEpoch = 0;

  /** `expectedSpellings`: about how many distinct spellings field values will bring (sizes a table). */
  constructor(expectedSpellings = 0) {
    let capacity = 256;
    while (capacity < expectedSpellings * 2) capacity *= 2;
    this.spellings = new PackedWordTable(capacity);
    for (const word of STOP_WORDS) this.stop[this.idOf(word)] = 1;
  }

  /**
   * Packs a word of ASCII lower-case letters and digits as the scanners do (`packedLo`, `packedHi`, `packedTop`, its
   * bytes in `packedBytes`); false for any other word.
   */
  private packWord(word: string): boolean {
    const length = word.length;
    if (length === 0) return false;
    if (length > this.packedBytes.length) this.packedBytes = new Uint8Array(length * 2);
    const bytes = this.packedBytes;
    let lo = 0;
    let hi = 0;
    let top = 0;
    for (let i = 0; i < length; i++) {
      const code = word.charCodeAt(i);
      if (code > 127 || ASCII_WORD_CHAR[code] !== code) return false;
      bytes[i] = code;
      top = (top << 8) | (hi >>> 24);
      hi = (hi << 8) | (lo >>> 24);
      lo = (lo << 8) | code;
    }
    this.packedLo = lo;
    this.packedHi = hi;
    this.packedTop = top;
    return true;
  }

  /** A new word id. */
  private newWord(word: string): number {
    const id = this.words.length;
    this.words.push(word);
    if (id >= this.stop.length) this.stop = grown(this.stop, id + 1);
    return id;
  }

  /** The word's id, numbering it if new. */
  idOf(word: string): number {
    if (this.packWord(word) && unifySpelling(word) === word) {
      const spellings = this.spellings;
      const length = word.length;
      let id = spellings.get(this.packedLo, this.packedHi, this.packedTop, length, this.packedBytes, 0);
      if (id < 0) {
        id = this.newWord(word);
        spellings.add(this.packedLo, this.packedHi, this.packedTop, length, this.packedBytes, 0, id);
      }
      return id;
    }
    const hash = hashOf(word);
    let id = this.otherWords.get(word, hash);
    if (id < 0) {
      id = this.newWord(word);
      this.otherWords.add(word, hash, id);
    }
    return id;
  }

  /**
   * The id of a word first met as the ASCII spelling `bytes[start, start + length)` of `text` (packed as given),
   * which `spellings` lacks; the spelling is entered.
   */
  private newSpelling(
    text: string,
    lo: number,
    hi: number,
    top: number,
    length: number,
    bytes: Uint8Array,
    start: number,
  ): number {
    const spelling = text.slice(start, start + length).toLowerCase();
    const unified = unifySpelling(spelling);
    // Its own spelling, and not in the table: a new word.
    const id = unified === spelling ? this.newWord(spelling) : this.idOf(unified);
    this.spellings.add(lo, hi, top, length, bytes, start, id);
    return id;
  }

  get size(): number {
    return this.words.length;
  }

  wordOf(id: number): string {
    return this.words[id] ?? '';
  }

  isStopWord(id: number): boolean {
    return this.stop[id] === 1;
  }

  /** The bytes of the text last read (`readAscii`), followed by a 0. */
  get textBytes(): Uint8Array {
    return this.bytes;
  }

  /** A hash of the raw text last read by `readAscii` (case included). */
  get textHash(): number {
    return this.readHash;
  }

  /** Copies ASCII text into `bytes` (and a 0 after it); its length, or -1 if the text is not ASCII. */
  private toBytes(text: string): number {
    const length = text.length;
    let bytes = this.bytes;
    if (bytes.length <= length) {
      bytes = new Uint8Array(length * 2 + 16);
      this.bytes = bytes;
    }
    const { read, written } = encoder.encodeInto(text, bytes);
    // Every character read, one byte each: ASCII.
    if (read !== length || written !== length) return -1;
    bytes[length] = 0; // a word break after the last word
    return length;
  }

  /**
   * Copies ASCII text into `textBytes` and hashes it (`textHash`): its length, or -1 if the text is not ASCII.
   * For short texts (field values), where a loop costs less than the native copy.
   */
  readAscii(text: string): number {
    const length = text.length;
    if (length >= 128) {
      if (this.toBytes(text) < 0) return -1;
      let hash = HASH_SEED;
      for (let i = 0; i < length; i++) hash = hashStep(hash, this.bytes[i] as number);
      this.readHash = hashFinish(hash);
      return length;
    }
    const bytes = this.bytes;
    let hash = HASH_SEED;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code > 127) return -1;
      bytes[i] = code;
      hash = hashStep(hash, code);
    }
    bytes[length] = 0;
    this.readHash = hashFinish(hash);
    return length;
  }

  /**
   * The words of the text last read (`readAscii`, which gave `length`) as ids into `scan`, numbering new ones: the
   * same words, in the same order, as `wordsOf(foldText(text))`, with `scan.joined` telling which run together (for
   * compounds). Read from the bytes with no string per word (one is made only for a spelling not seen before).
   */
  scanRead(text: string, length: number, scan: WordScan): void {
    this.scanWords(text, length, scan);
  }

  /**
   * Long text (a summary) of record `record`: appends to `out` the id of each distinct word of 2+ characters that is
   * no stop word, once per record (`last`: per word id, the last record it was posted for, grown as words are added
   * and returned). The words are those of `wordsOf(foldText(text))`, read in one pass over a byte copy through a
   * table of the spellings met in long text (a few hundred, read millions of times), each remembering the last
   * `stamp` it was seen under (one per record and field: a repeat costs one look-up). Undefined, with nothing read,
   * if the text is not ASCII: the caller folds it then.
   */
  postLongText(
    text: string,
    record: number,
    stamp: number,
    out: IntList,
    last: Int32Array,
  ): Int32Array | undefined {
    const length = this.toBytes(text);
    if (length < 0) return undefined;
    const bytes = this.bytes;
    // A local copy: the hot loop reads it once per character.
    const wordChar = ASCII_WORD_CHAR;
    const spellings = this.longTextSpellings;
    // New words are never stop words: this copy is enough even if `idOf` grows the array.
    const stop = this.stop;
    // At most one word per two bytes.
    out.grow(out.length + (length >>> 1) + 1);
    const posted = out.data;
    let count = out.length;
    let lastRecord = last;
    let i = 0;
    while (i < length) {
      let folded = wordChar[bytes[i] as number] as number;
      if (folded === 0) {
        i++;
        continue;
      }
      const start = i;
      let lo = 0;
      let hi = 0;
      let top = 0;
      for (;;) {
        top = (top << 8) | (hi >>> 24);
        hi = (hi << 8) | (lo >>> 24);
        lo = (lo << 8) | folded;
        // Lower-case letters, most of long text, skip the table.
        const code = bytes[++i] as number;
        if (code - 97 >= 0 && code - 97 < 26) {
          folded = code;
          continue;
        }
        folded = wordChar[code] as number;
        if (folded === 0) break;
      }
      const wordLength = i - start;
      if (wordLength < 2) continue;
      let at = spellings.find(lo, hi, top, wordLength, bytes, start);
      let id: number;
      if (at >= 0) {
        // Seen in this record already, under this spelling.
        if (spellings.stampAt(at) === stamp) continue;
        id = spellings.valueAt(at);
      } else {
        id = this.idOf(unifySpelling(text.slice(start, i).toLowerCase()));
        at = spellings.add(lo, hi, top, wordLength, bytes, start, id);
        if (id >= lastRecord.length) lastRecord = grown(lastRecord, id + 1, -1);
      }
      spellings.setStampAt(at, stamp);
      if (stop[id] === 1 || lastRecord[id] === record) continue;
      lastRecord[id] = record;
      posted[count++] = id;
    }
    out.length = count;
    return lastRecord;
  }

  private scanWords(text: string, length: number, scan: WordScan): void {
    const bytes = this.bytes;
    const wordChar = ASCII_WORD_CHAR;
    const spellings = this.spellings;
    let ids = scan.ids;
    let joined = scan.joined;
    let count = 0;
    let spaced = true;
    let i = 0;
    while (i < length) {
      let folded = wordChar[bytes[i] as number] as number;
      if (folded === 0) {
        if (isAsciiSpace(bytes[i] as number)) spaced = true;
        i++;
        continue;
      }
      const start = i;
      // The last 12 folded bytes, packed as they are read.
      let lo = 0;
      let hi = 0;
      let top = 0;
      do {
        top = (top << 8) | (hi >>> 24);
        hi = (hi << 8) | (lo >>> 24);
        lo = (lo << 8) | folded;
        folded = wordChar[bytes[++i] as number] as number;
      } while (folded !== 0);
      const wordLength = i - start;
      let id = spellings.get(lo, hi, top, wordLength, bytes, start);
      if (id < 0) id = this.newSpelling(text, lo, hi, top, wordLength, bytes, start);
      if (count === ids.length) {
        scan.grow();
        ids = scan.ids;
        joined = scan.joined;
      }
      ids[count] = id;
      joined[count] = spaced ? 0 : 1;
      count++;
      spaced = false;
    }
    scan.count = count;
  }

  /** Once every word is in: sorts the field words and indexes their trigrams. */
  finish(isFieldWord: (id: number) => boolean): void {
    const size = this.words.length;
    const fieldWords: string[] = [];
    const inIdOrder: number[] = [];
    for (let id = 0; id < size; id++) {
      if (!isFieldWord(id)) continue;
      fieldWords.push(this.words[id] as string);
      inIdOrder.push(id);
    }
    this.indexTrigrams(inIdOrder);

    // Words are distinct: by UTF-16 code units, as `<` compares, there is one order.
    this.sortedFieldWords = sortByText(fieldWords).map((position) => inIdOrder[position] as number);
    this.sortedPosition = new Int32Array(size).fill(-1);
    this.sortedFieldWords.forEach((id, position) => {
      this.sortedPosition[id] = position;
    });
    this.sharedCount = new Uint16Array(size);
    this.sharedStamp = new Int32Array(size);
    this.sharedTouched = new Int32Array(size);
  }

  /**
   * Indexes the words (ids ascending) under their distinct trigrams: (trigram, word) pairs sorted by trigram with
   * a two-pass radix sort, which keeps each trigram's words in id order, then the start of each trigram's run.
   */
  private indexTrigrams(ids: readonly number[]): void {
    let total = 0;
    for (const id of ids) total += (this.words[id] as string).length;
    let grams = new Int32Array(total);
    let owners = new Int32Array(total);
    let count = 0;
    for (const id of ids) {
      const first = count;
      count += trigramsInto(this.words[id] as string, grams, first);
      // A trigram repeated in the word is posted once.
      let kept = first;
      for (let k = first; k < count; k++) {
        const gram = grams[k] as number;
        let seen = false;
        for (let j = first; j < kept && !seen; j++) seen = grams[j] === gram;
        if (seen) continue;
        grams[kept] = gram;
        owners[kept++] = id;
      }
      count = kept;
    }
    const DIGIT = 9;
    const BUCKETS = 1 << DIGIT;
    let sortedGrams = new Int32Array(count);
    let sortedOwners = new Int32Array(count);
    const next = new Int32Array(BUCKETS);
    for (let shift = 0; shift < TRIGRAM_BITS; shift += DIGIT) {
      next.fill(0);
      for (let k = 0; k < count; k++) {
        const bucket = ((grams[k] as number) >>> shift) & (BUCKETS - 1);
        next[bucket] = (next[bucket] as number) + 1;
      }
      let sum = 0;
      for (let b = 0; b < BUCKETS; b++) {
        const size = next[b] as number;
        next[b] = sum;
        sum += size;
      }
      for (let k = 0; k < count; k++) {
        const gram = grams[k] as number;
        const bucket = (gram >>> shift) & (BUCKETS - 1);
        const at = next[bucket] as number;
        next[bucket] = at + 1;
        sortedGrams[at] = gram;
        sortedOwners[at] = owners[k] as number;
      }
      [grams, sortedGrams] = [sortedGrams, grams];
      [owners, sortedOwners] = [sortedOwners, owners];
    }
    let distinct = 0;
    for (let k = 0; k < count; k++) if (k === 0 || grams[k] !== grams[k - 1]) distinct++;
    const keys = new Int32Array(distinct);
    const start = new Int32Array(distinct + 1);
    let t = 0;
    for (let k = 0; k < count; k++) {
      if (k > 0 && grams[k] === grams[k - 1]) continue;
      keys[t] = grams[k] as number;
      start[t++] = k;
    }
    start[distinct] = count;
    this.trigramKeys = keys;
    this.trigramStart = start;
    this.trigramWords = owners.subarray(0, count);
  }

  /** Where a trigram's words are listed (an index into `trigramKeys`), or -1 if no field word has it. */
  private trigramAt(gram: number): number {
    const keys = this.trigramKeys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] as number) < gram) lo = mid + 1;
      else hi = mid;
    }
    return lo < keys.length && keys[lo] === gram ? lo : -1;
  }

  /** The id of a word, or -1. */
  lookup(word: string): number {
    if (this.packWord(word)) {
      const id = this.spellings.get(
        this.packedLo,
        this.packedHi,
        this.packedTop,
        word.length,
        this.packedBytes,
        0,
      );
      // Found under a spelling of another word ("organisation" for "organization"): not this word, unless an
      // other word.
      if (id >= 0 && this.words[id] === word) return id;
    }
    return this.otherWords.size === 0 ? -1 : this.otherWords.get(word);
  }

  /**
   * The field words that start with `prefix`, as positions [from, to) in word order: `fieldWordAt` reads them and
   * `inRange` tells whether a word id is among them, without comparing strings.
   */
  prefixRange(prefix: string): { from: number; to: number } {
    const sorted = this.sortedFieldWords;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.wordOf(sorted[mid] as number) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const from = lo;
    // The words starting with the prefix follow one another from there.
    hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.wordOf(sorted[mid] as number).startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return { from, to: lo };
  }

  get fieldWordCount(): number {
    return this.sortedFieldWords.length;
  }

  fieldWordAt(position: number): number {
    return this.sortedFieldWords[position] ?? 0;
  }

  /** The position of a field word among the sorted field words; -1 for any other word. */
  positionOf(id: number): number {
    return this.sortedPosition[id] ?? -1;
  }

  /** Whether the word `id` is a field word inside `range` (so it starts with that range's prefix). */
  inRange(id: number, range: { from: number; to: number }): boolean {
    const position = this.sortedPosition[id] ?? -1;
    return position >= range.from && position < range.to;
  }

  /**
   * The words a query term stands for, with how well each matches: the word itself; as a prefix (the last term, as
   * typed so far, or any term of 3+ letters), field words it starts; within a few typos (found through shared
   * trigrams, then checked by edit distance), field words like it. Loose ("did you mean") allows one more typo and
   * words that merely share many trigrams.
   */
  expand(term: string, isLast: boolean, loose: boolean): Map<number, TermMatch> {
    const matches = new Map<number, TermMatch>();
    const offer = (id: number, quality: number, literal: boolean, exact: boolean) => {
      const known = matches.get(id);
      if (!known || quality > known.quality) matches.set(id, { quality, literal, exact });
    };

    const exactId = this.lookup(term);
    if (exactId >= 0 && !this.stop[exactId]) offer(exactId, EXACT_QUALITY, true, true);

    if (isLast || term.length >= 3) {
      const { from, to } = this.prefixRange(term);
      for (let position = from; position < to && position - from < MAX_PREFIX_EXPANSION; position++) {
        const id = this.sortedFieldWords[position] as number;
        const word = this.wordOf(id);
        if (word.length > term.length && !this.stop[id]) {
          offer(id, PREFIX_QUALITY_MIN + (PREFIX_QUALITY_SPAN * term.length) / word.length, true, false);
        }
      }
    }

    const maxEdits = allowedEdits(term.length, loose);
    if (maxEdits === 0) return matches;
    const prefixEdits = loose ? maxEdits : isLast ? 1 : 0;
    const grams = trigramsOf(term);
    const minShared = Math.max(1, grams.length - 4 * maxEdits);
    // Trigrams shared per word, words in the order first met (typed scratch, no map).
    const epoch = ++this.sharedEpoch;
    const shared = this.sharedCount;
    const stamp = this.sharedStamp;
    const touched = this.sharedTouched;
    let touchedCount = 0;
    for (const gram of grams) {
      const at = this.trigramAt(gram);
      if (at < 0) continue;
      const end = this.trigramStart[at + 1] as number;
      for (let k = this.trigramStart[at] as number; k < end; k++) {
        const id = this.trigramWords[k] as number;
        if (stamp[id] !== epoch) {
          stamp[id] = epoch;
          shared[id] = 1;
          touched[touchedCount++] = id;
        } else {
          shared[id] = (shared[id] as number) + 1;
        }
      }
    }
    for (let t = 0; t < touchedCount; t++) {
      const id = touched[t] as number;
      const count = shared[id] as number;
      if (matches.has(id) || this.stop[id]) continue;
      const word = this.wordOf(id);
      // The bag distance is a lower bound: words it rules out need no distance table.
      if (
        count >= minShared &&
        Math.abs(word.length - term.length) <= maxEdits &&
        bagDistance(term, word) <= maxEdits
      ) {
        const distance = boundedEditDistance(term, word, maxEdits);
        if (distance > 0 && distance <= maxEdits) {
          offer(id, TYPO_QUALITY - TYPO_QUALITY_STEP * (distance - 1), false, false);
          continue;
        }
      }
      // One typo (the usual allowance) needs at most two mismatched letters: most words are ruled out without the
      // distance table.
      if (
        prefixEdits > 0 &&
        word.length > term.length &&
        (prefixEdits > 1
          ? bagDistance(term, word, term.length) <= prefixEdits
          : atMostTwoMismatches(term, word))
      ) {
        const distance = boundedEditDistance(term, word, prefixEdits, term.length);
        if (distance > 0 && distance <= prefixEdits) {
          offer(id, PREFIX_TYPO_QUALITY, false, false);
          continue;
        }
      }
      if (loose) {
        const dice = (2 * count) / (grams.length + word.length);
        if (dice >= MIN_LOOSE_DICE) offer(id, LOOSE_DICE_QUALITY * dice, false, false);
      }
    }
    return matches;
  }
}

anchorShapes(new Vocabulary(), new WordScan());
