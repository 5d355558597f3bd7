/**
 * Shared by the partner and the topic search: result limits, typos per word, MiniSearch over folded text, the
 * one- and two-character table, and the answer cache.
 */
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import { compoundsOf, distinctWordsOf, foldText, STOP_WORDS, wordsOf } from './normalize.js';

export const AUTOCOMPLETE_LIMIT = 25;
export const DEFAULT_SEARCH_LIMIT = 10;
export const DEFAULT_SUGGEST_LIMIT = 5;
export const MAX_LIMIT = 100;
export const CACHE_SIZE = 500;

export function clampLimit(limit: unknown, fallback: number): number {
  if (typeof limit !== 'number' || Number.isNaN(limit)) return fallback;
  return Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)));
}

/**
 * Typos a query word may carry. A lone short word gets none in `search` ("bold" is one letter from "body" and
 * "hold"); other words back it up ("wrld helth"). `suggest` only offers "did you mean", so it is looser.
 */
export function allowedTypos(term: string, mode: 'search' | 'suggest', wordCount: number): number {
  const length = term.length;
  if (mode === 'suggest') return length < 3 ? 0 : length < 4 ? 1 : 2;
  const shortest = wordCount > 1 ? 4 : 5;
  return length < shortest ? 0 : length < 6 ? 1 : 2;
}

/** The words MiniSearch indexes: folded, British/American spellings unified, hyphenated words also joined. */
export function indexWords(text: string): string[] {
  const folded = foldText(text);
  return [...wordsOf(folded), ...compoundsOf(folded)];
}

function fieldIndexOptions(fields: readonly string[], tokenize: (text: string) => string[]): Options {
  return { fields: [...fields], tokenize, processTerm: (term) => (STOP_WORDS.has(term) ? null : term) };
}

/** A MiniSearch index over short fields of numbered records; queries are folded by the caller. */
export function createFieldIndex<F extends string>(
  fields: readonly F[],
  docs: Iterable<{ id: number } & Record<F, string>>,
  tokenize: (text: string) => string[] = indexWords,
): MiniSearch {
  const index = new MiniSearch(fieldIndexOptions(fields, tokenize));
  index.addAll([...docs]);
  return index;
}

/** The same index read back from what its `toJSON()` gave (MiniSearch throws on a form it does not know). */
export function loadFieldIndex(
  fields: readonly string[],
  saved: AsPlainObject,
  tokenize: (text: string) => string[] = indexWords,
): MiniSearch {
  return MiniSearch.loadJS(saved, fieldIndexOptions(fields, tokenize));
}

/** One already folded query word, as a prefix or with typos; the word is not tokenised again. */
export function searchWord(
  index: MiniSearch,
  term: string,
  how: { prefix: boolean; typos: number; fields?: string[]; boost?: Record<string, number> },
): SearchResult[] {
  // MiniSearch takes an `undefined` option as given, not as its default.
  return index.search(term, {
    prefix: how.prefix,
    fuzzy: how.typos > 0 ? how.typos : false,
    maxFuzzy: how.typos,
    ...(how.fields ? { fields: how.fields } : {}),
    ...(how.boost ? { boost: how.boost } : {}),
    tokenize: (text) => [text],
    processTerm: (text) => text,
  });
}

/** Whole words of long text (summaries, notes, descriptions) → the records that use them. */
export class WordMap {
  /** `saved`: what `save()` gave, read back. */
  constructor(saved?: [string, number[]][]) {
    this.records = new Map(saved);
  }

  private readonly records: Map<string, number[]>;

  add(record: number, text: string): void {
    for (const word of distinctWordsOf(foldText(text))) {
      if (STOP_WORDS.has(word)) continue;
      const list = this.records.get(word);
      if (!list) this.records.set(word, [record]);
      else if (list[list.length - 1] !== record) list.push(record);
    }
  }

  get(word: string): readonly number[] {
    return this.records.get(word) ?? [];
  }

  save(): [string, number[]][] {
    return [...this.records];
  }
}

/** Answers to one- and two-character queries: records whose keys start with it, by rank, then as added (A–Z). */
export type ShortPrefixEntry = { record: number; rank: number; whole: boolean };

export class ShortPrefixes {
  private readonly byPrefix = new Map<string, ShortPrefixEntry[]>();

  /** `saved`: what `save()` gave, read back. */
  constructor(saved?: [string, number[]][]) {
    for (const [prefix, packed] of saved ?? []) {
      this.byPrefix.set(
        prefix,
        packed.map((n) => ({ record: Math.floor(n / 8), rank: Math.floor(n / 2) % 4, whole: n % 2 === 1 })),
      );
    }
  }

  /** Each entry as one number (record, rank 0–3, whole): 1/5 of the JSON objects would take, read back faster. */
  save(): [string, number[]][] {
    return [...this.byPrefix].map(([prefix, entries]) => [
      prefix,
      entries.map(({ record, rank, whole }) => record * 8 + rank * 2 + Number(whole)),
    ]);
  }

  add(record: number, word: string, rank: number): void {
    if (STOP_WORDS.has(word)) return;
    for (const prefix of new Set([word.slice(0, 1), word.slice(0, 2)])) {
      if (!prefix) continue;
      const list = this.byPrefix.get(prefix) ?? [];
      if (list.length === 0) this.byPrefix.set(prefix, list);
      list.push({ record, rank, whole: word === prefix });
    }
  }

  private readonly ordered = new Map<string, readonly ShortPrefixEntry[]>();

  /** Records for a prefix: whole keys first, then by rank; each record once (ordered on first use). */
  find(prefix: string): readonly ShortPrefixEntry[] {
    let found = this.ordered.get(prefix);
    if (!found) {
      const entries = [...(this.byPrefix.get(prefix) ?? [])];
      entries.sort((a, b) => Number(b.whole) - Number(a.whole) || a.rank - b.rank);
      const seen = new Set<number>();
      found = entries.filter((entry) => !seen.has(entry.record) && seen.add(entry.record));
      this.ordered.set(prefix, found);
    }
    return found;
  }
}

/** A small LRU cache: autocomplete asks again on every keystroke, often the same prefix. */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  /** The kept value for `key`, else `compute()`'s (then kept); either way now the most recently used. */
  get(key: string, compute: () => V): V {
    const value = this.entries.get(key) ?? compute();
    if (this.capacity === 0) return value;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return value;
  }
}

/** `search`, `suggest` and `autocomplete` over one `run`; an empty autocomplete query gets `firstAZ()`. */
export function searchApi<H>(
  run: (mode: 'search' | 'suggest', query: unknown, limit: number) => H[],
  firstAZ: () => H[],
) {
  return {
    search: (query: string, limit?: number) => run('search', query, clampLimit(limit, DEFAULT_SEARCH_LIMIT)),
    suggest: (query: string, limit?: number) =>
      run('suggest', query, clampLimit(limit, DEFAULT_SUGGEST_LIMIT)),
    autocomplete: (query: string) =>
      typeof query !== 'string' || query.trim() === '' ? firstAZ() : run('search', query, AUTOCOMPLETE_LIMIT),
  };
}

/** Records sorted by a folded text (by code units, as `<` compares), e.g. partners A–Z by name. */
export function byText<T>(records: readonly T[], text: (record: T) => string): T[] {
  const keyed = records.map((record) => ({ record, key: foldText(text(record)) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ record }) => record);
}
