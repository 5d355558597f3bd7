/**
 * Shared by the partner and the topic search: result limits, typos per word, MiniSearch over folded text, the
 * one- and two-character table, words of long text, and the answer cache.
 */
import type { Options } from 'minisearch';
import { distinctWordsOf, foldText, type NormalizedQuery, normalizeQuery, STOP_WORDS } from './normalize.js';

export const AUTOCOMPLETE_LIMIT = 25;
export const DEFAULT_SEARCH_LIMIT = 10;
export const DEFAULT_SUGGEST_LIMIT = 5;
export const MAX_LIMIT = 100;
const CACHE_SIZE = 500;

/** `suggest` only offers "did you mean": it matches more loosely than `search`. */
export type Mode = 'search' | 'suggest';

/**
 * Typos a query word may carry. A lone short word gets none in `search` ("bold" is one letter from "body" and
 * "hold"); other words back it up ("wrld helth"). `suggest` only offers "did you mean", so it is looser.
 */
export function allowedTypos(term: string, mode: Mode, wordCount: number): number {
  const length = term.length;
  if (mode === 'suggest') return length < 3 ? 0 : length < 4 ? 1 : 2;
  const shortest = wordCount > 1 ? 4 : 5;
  return length < shortest ? 0 : length < 6 ? 1 : 2;
}

/**
 * MiniSearch over short fields of numbered records (`{ id, ...fields }`). It is searched one query word at a time,
 * already folded, so the word is not tokenised or processed again; `fuzzy: n` allows n typos.
 */
export function fieldIndexOptions(fields: readonly string[], tokenize: (text: string) => string[]): Options {
  return {
    fields: [...fields],
    tokenize,
    processTerm: (term) => (STOP_WORDS.has(term) ? null : term),
    searchOptions: { tokenize: (text) => [text], processTerm: (text) => text },
  };
}

/** Adds `item` to the list under `key`, starting the list if there is none. */
export function pushTo<K, V>(lists: Map<K, V[]>, key: K, item: V): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}

/** Files `record` under the whole words of long text (summaries, notes, descriptions); each once, ascending. */
export function addWords(records: Map<string, number[]>, record: number, text: string): void {
  for (const word of distinctWordsOf(foldText(text))) {
    if (!STOP_WORDS.has(word)) pushTo(records, word, record);
  }
}

type ShortPrefixEntry = { record: number; rank: number; whole: boolean };

/** Answers to one- and two-character queries: records whose keys start with it, by rank, then as added (A–Z). */
export class ShortPrefixes {
  private readonly ordered = new Map<string, readonly ShortPrefixEntry[]>();

  /** Each entry as one number, record × 8 + rank (0–3) × 2 + whole: saved as it is, 1/5 of what objects take. */
  constructor(readonly byPrefix = new Map<string, number[]>()) {}

  add(record: number, word: string, rank: number): void {
    if (STOP_WORDS.has(word)) return;
    for (const prefix of new Set([word.slice(0, 1), word.slice(0, 2)])) {
      if (prefix) pushTo(this.byPrefix, prefix, record * 8 + rank * 2 + Number(word === prefix));
    }
  }

  /** Records for a prefix: whole keys first, then by rank; each record once (ordered on first use). */
  find(prefix: string): readonly ShortPrefixEntry[] {
    let found = this.ordered.get(prefix);
    if (!found) {
      const entries = (this.byPrefix.get(prefix) ?? []).map((n) => ({
        record: Math.floor(n / 8),
        rank: Math.floor(n / 2) % 4,
        whole: n % 2 === 1,
      }));
      entries.sort((a, b) => Number(b.whole) - Number(a.whole) || a.rank - b.rank);
      const seen = new Set<number>();
      found = entries.filter((entry) => !seen.has(entry.record) && seen.add(entry.record));
      this.ordered.set(prefix, found);
    }
    return found;
  }
}

/**
 * `search`, `suggest` and `autocomplete` from `answer` (the best MAX_LIMIT records for a query, kept in a small LRU
 * cache: autocomplete asks again on every keystroke, often the same prefix) and `present` (the first `limit` of
 * them as hits); an empty autocomplete query gets `firstAZ()`.
 */
export function searchApi<R, H>(
  answer: (mode: Mode, query: NormalizedQuery) => R[],
  present: (ranked: readonly R[], mode: Mode, query: NormalizedQuery) => H[],
  firstAZ: () => H[],
  caching = true,
) {
  const cache = new Map<string, readonly R[]>();
  const run = (mode: Mode, raw: unknown, limit: number): H[] => {
    const query = normalizeQuery(raw);
    if (query.length === 0) return [];
    const key = `${mode}\u0000${query.key}`;
    const ranked = cache.get(key) ?? answer(mode, query).slice(0, MAX_LIMIT);
    if (caching) {
      // A Map keeps insertion order: the key set last is the most recently used, the first the least.
      cache.delete(key);
      cache.set(key, ranked);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    return present(ranked.slice(0, limit), mode, query);
  };
  const clamp = (limit: unknown, fallback: number) =>
    typeof limit !== 'number' || Number.isNaN(limit)
      ? fallback
      : Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)));
  return {
    search: (query: string, limit?: number) => run('search', query, clamp(limit, DEFAULT_SEARCH_LIMIT)),
    suggest: (query: string, limit?: number) => run('suggest', query, clamp(limit, DEFAULT_SUGGEST_LIMIT)),
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
