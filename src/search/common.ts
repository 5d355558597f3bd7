/** Shared by the partner and the topic search: result limits, typos per word, and the three calls. */
import { foldText, type NormalizedQuery, normalizeQuery, STOP_WORDS } from './normalize.js';

export const AUTOCOMPLETE_LIMIT = 25;
export const DEFAULT_SEARCH_LIMIT = 10;
export const DEFAULT_SUGGEST_LIMIT = 5;
export const MAX_LIMIT = 100;

/** `suggest` only offers "did you mean": it matches more loosely than `search`. */
export type Mode = 'search' | 'suggest';

/**
 * Typos a query word may carry. A lone short word gets none in `search` ("bold" is one letter from "body" and
 * "hold"); other words back it up ("wrld helth"). `suggest` only offers "did you mean", so it is looser.
 */
function allowedTypos(term: string, mode: Mode, wordCount: number): number {
  const length = term.length;
  if (mode === 'suggest') return length < 3 ? 0 : length < 4 ? 1 : 2;
  const shortest = wordCount > 1 ? 4 : 5;
  return length < shortest ? 0 : length < 6 ? 1 : 2;
}

/**
 * Typos a query word may carry: none when some record has the word as typed (MiniSearch's typo matches would add
 * other words: "radiation" is two letters from "aviation").
 */
export function typosFor(
  term: string,
  mode: Mode,
  wordCount: number,
  vocabulary: ReadonlySet<string>,
): number {
  return vocabulary.has(term) ? 0 : allowedTypos(term, mode, wordCount);
}

/**
 * MiniSearch's options for records tokenised by `tokenize` (folded words): stop words are not indexed, every other
 * word is noted in `vocabulary`. Queries arrive folded, one word per term.
 */
export const indexOptions = (
  fields: readonly string[],
  tokenize: (text: string) => string[],
  vocabulary: Set<string>,
) => ({
  fields: [...fields],
  tokenize,
  processTerm: (term: string) => {
    if (STOP_WORDS.has(term)) return null;
    vocabulary.add(term);
    return term;
  },
  searchOptions: { tokenize: (text: string) => [text], processTerm: (term: string) => term },
});

/**
 * `search`, `suggest` and `autocomplete` from `answer` (the records for a query, best first) and `present` (the
 * first `limit` of them as hits); an empty autocomplete query gets `firstAZ()`.
 */
export function searchApi<R, H>(
  answer: (mode: Mode, query: NormalizedQuery) => R[],
  present: (ranked: readonly R[], mode: Mode, query: NormalizedQuery) => H[],
  firstAZ: () => H[],
) {
  const run = (mode: Mode, raw: unknown, limit: number): H[] => {
    const query = normalizeQuery(raw);
    if (query.length === 0 || limit === 0) return [];
    return present(answer(mode, query).slice(0, limit), mode, query);
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

/**
 * Answers to one- and two-character queries: records with a key word that starts with it, whole words first, then
 * by the rank the key was given (0 best), then as listed.
 */
export function shortPrefixMatches(
  keysOf: readonly (readonly { word: string; rank: number }[])[],
  prefix: string,
): { record: number; rank: number; whole: boolean }[] {
  const found = keysOf.flatMap((keys, record) => {
    const fitting = keys
      .filter(({ word }) => word.startsWith(prefix) && !STOP_WORDS.has(word))
      .map(({ word, rank }) => ({ record, rank, whole: word === prefix }));
    return fitting.sort(byWholeThenRank).slice(0, 1);
  });
  return found.sort((a, b) => byWholeThenRank(a, b) || a.record - b.record);
}

const byWholeThenRank = (a: { rank: number; whole: boolean }, b: { rank: number; whole: boolean }) =>
  Number(b.whole) - Number(a.whole) || a.rank - b.rank;
