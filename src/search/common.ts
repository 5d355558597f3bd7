/** Shared by the partner and the topic search: result limits, typos per word, MiniSearch's options, the calls. */
import { foldText, indexWords, type NormalizedQuery, normalizeQuery, STOP_WORDS } from './normalize.js';

const AUTOCOMPLETE_LIMIT = 25;
const MAX_LIMIT = 100;

/** `suggest` only offers "did you mean": it matches more loosely than `search`. */
export type Mode = 'search' | 'suggest';

/**
 * Typos a query word may carry: none when a record has the word as typed ("radiation" is two letters from
 * "aviation"), nor for a lone short word in `search` ("bold" is one letter from "body"); other words back a typo up
 * ("wrld helth"). `suggest` only offers "did you mean", so it is looser.
 */
export function typosFor(term: string, mode: Mode, wordCount: number, known: ReadonlySet<string>) {
  const length = term.length;
  if (known.has(term)) return 0;
  if (mode === 'suggest') return length < 3 ? 0 : length < 4 ? 1 : 2;
  return length < (wordCount > 1 ? 4 : 5) ? 0 : length < 6 ? 1 : 2;
}

/**
 * MiniSearch's options for records tokenised into folded words (`indexWords`): stop words are not indexed, the
 * others are noted in `vocabulary`. Queries arrive folded, one word per term.
 */
export const indexOptions = (fields: string[], vocabulary: Set<string>) => ({
  fields,
  tokenize: indexWords,
  processTerm: (term: string) => {
    if (STOP_WORDS.has(term)) return null;
    vocabulary.add(term);
    return term;
  },
  searchOptions: { tokenize: (text: string) => [text], processTerm: (term: string) => term },
});

/**
 * `search`, `suggest` and `autocomplete` from `answer` (the records for a query, best first) and `present` (the
 * first `limit` of them as hits); an empty autocomplete query gets the first of `sorted` (A–Z), each as `listed`.
 */
export function searchApi<R, H, T>(
  answer: (mode: Mode, query: NormalizedQuery) => R[],
  present: (ranked: readonly R[], mode: Mode, query: NormalizedQuery) => H[],
  sorted: readonly T[],
  listed: (record: T) => H,
) {
  const run = (mode: Mode, raw: unknown, limit: unknown, fallback: number): H[] => {
    const query = normalizeQuery(raw);
    const count =
      typeof limit !== 'number' || Number.isNaN(limit) ? fallback : Math.min(MAX_LIMIT, Math.floor(limit));
    if (query.length === 0 || count <= 0) return [];
    return present(answer(mode, query).slice(0, count), mode, query);
  };
  return {
    search: (query: string, limit?: number) => run('search', query, limit, 10),
    suggest: (query: string, limit?: number) => run('suggest', query, limit, 5),
    autocomplete: (query: string) =>
      typeof query !== 'string' || query.trim() === ''
        ? sorted.slice(0, AUTOCOMPLETE_LIMIT).map(listed)
        : run('search', query, AUTOCOMPLETE_LIMIT, 0),
  };
}

/** Records sorted by a folded text (by code units, as `<` compares), e.g. partners A–Z by name. */
export function byText<T>(records: readonly T[], text: (record: T) => string): T[] {
  const keyed = records.map((record) => ({ record, key: foldText(text(record)) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ record }) => record);
}
