import { boundedEditDistance } from './edit-distance.js';
import { STOP_WORDS } from './normalize.js';

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

/** The trigrams of ` word ` as small integers (no strings allocated). */
function trigramsOf(word: string): number[] {
  const grams: number[] = [];
  const length = word.length + 2;
  const at = (i: number) => charCode6(i === 0 || i === length - 1 ? 32 : word.charCodeAt(i - 1));
  for (let i = 0; i + 3 <= length; i++) grams.push((at(i) << 12) | (at(i + 1) << 6) | at(i + 2));
  return grams;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First index in a sorted array whose key is >= prefix. */
function lowerBound<E>(sorted: readonly E[], prefix: string, keyOf: (entry: E) => string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const entry = sorted[mid];
    if (entry !== undefined && keyOf(entry) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every folded word of the index, numbered. Words of fuzzy fields ("field words") are also kept sorted, for
 * prefixes, and under their character trigrams, for typos; words of long text are only looked up whole.
 * Stop words are numbered too, and never match.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly stop: boolean[] = [];
  private readonly sortedFieldWords: number[] = [];
  private readonly trigrams = new Map<number, number[]>();
  /** Per word id, its position among the sorted field words (-1: not a field word). */
  private sortedPosition = new Int32Array(0);

  constructor() {
    for (const word of STOP_WORDS) this.stop[this.idOf(word)] = true;
  }

  /** The word's id, numbering it if new. */
  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.stop.push(false);
    }
    return id;
  }

  get size(): number {
    return this.words.length;
  }

  wordOf(id: number): string {
    return this.words[id] ?? '';
  }

  isStopWord(id: number): boolean {
    return this.stop[id] === true;
  }

  /** Once every word is in: sorts the field words and indexes their trigrams. */
  finish(isFieldWord: (id: number) => boolean): void {
    this.words.forEach((word, id) => {
      if (!isFieldWord(id)) return;
      this.sortedFieldWords.push(id);
      for (const gram of trigramsOf(word)) {
        const list = this.trigrams.get(gram);
        if (!list) this.trigrams.set(gram, [id]);
        else if (list[list.length - 1] !== id) list.push(id);
      }
    });
    this.sortedFieldWords.sort((a, b) => compareStrings(this.wordOf(a), this.wordOf(b)));
    this.sortedPosition = new Int32Array(this.words.length).fill(-1);
    this.sortedFieldWords.forEach((id, position) => {
      this.sortedPosition[id] = position;
    });
  }

  /** The id of a word, or -1. */
  lookup(word: string): number {
    return this.ids.get(word) ?? -1;
  }

  /**
   * The field words that start with `prefix`, as positions [from, to) in word order: `fieldWordAt` reads them and
   * `startsWith` tells whether a word id is among them, without comparing strings.
   */
  prefixRange(prefix: string): { from: number; to: number } {
    const sorted = this.sortedFieldWords;
    const from = lowerBound(sorted, prefix, (id) => this.wordOf(id));
    let to = from;
    while (to < sorted.length && this.wordOf(sorted[to] ?? 0).startsWith(prefix)) to++;
    return { from, to };
  }

  fieldWordAt(position: number): number {
    return this.sortedFieldWords[position] ?? 0;
  }

  /** Whether the word `id` is a field word inside `range` (so it starts with that range's prefix). */
  inRange(id: number, range: { from: number; to: number }): boolean {
    const position = this.sortedPosition[id] ?? -1;
    return position >= range.from && position < range.to;
  }

  /** Calls `visit` with the id of every field word that starts with `prefix`, in word order (at most `max`). */
  forEachFieldWordStartingWith(prefix: string, visit: (id: number) => void, max: number): void {
    const { from, to } = this.prefixRange(prefix);
    for (let i = from; i < to && i - from < max; i++) visit(this.fieldWordAt(i));
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

    const exactId = this.ids.get(term);
    if (exactId !== undefined && !this.stop[exactId]) offer(exactId, EXACT_QUALITY, true, true);

    if (isLast || term.length >= 3) {
      this.forEachFieldWordStartingWith(
        term,
        (id) => {
          const word = this.wordOf(id);
          if (word.length > term.length && !this.stop[id]) {
            offer(id, PREFIX_QUALITY_MIN + (PREFIX_QUALITY_SPAN * term.length) / word.length, true, false);
          }
        },
        MAX_PREFIX_EXPANSION,
      );
    }

    const maxEdits = allowedEdits(term.length, loose);
    if (maxEdits === 0) return matches;
    const prefixEdits = loose ? maxEdits : isLast ? 1 : 0;
    const grams = trigramsOf(term);
    const minShared = Math.max(1, grams.length - 4 * maxEdits);
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const id of this.trigrams.get(gram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    for (const [id, count] of shared) {
      if (matches.has(id) || this.stop[id]) continue;
      const word = this.wordOf(id);
      if (count >= minShared && Math.abs(word.length - term.length) <= maxEdits) {
        const distance = boundedEditDistance(term, word, maxEdits);
        if (distance > 0 && distance <= maxEdits) {
          offer(id, TYPO_QUALITY - TYPO_QUALITY_STEP * (distance - 1), false, false);
          continue;
        }
      }
      if (prefixEdits > 0 && word.length > term.length) {
        const distance = boundedEditDistance(term, word.slice(0, term.length), prefixEdits);
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
