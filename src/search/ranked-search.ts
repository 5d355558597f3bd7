import { CandidateIndex } from './candidate-index.js';
import type { Candidate } from './candidate-scratch.js';
import type { DescribeRecord, FieldSpec, RankedHit } from './field-spec.js';
import { FuseRanker } from './fuse-ranker.js';
import { LruCache } from './lru-cache.js';
import { type NormalizedQuery, normalizeQuery } from './normalize.js';
import type { SearchOptions } from './types.js';

/**
 * Ranking tiers, best first. Within a tier hits are ordered by the fuse.js score.
 *  0 the query equals a primary key (name, acronym, alias)          → `exact`
 *  1 the query equals a secondary key (sub-body, programme)
 *  2 every query word starts a word of one primary key (as typed in autocomplete)
 *  3 every query word starts a word of one secondary key
 *  4 fuse.js matched the query as a phrase (typos allowed) in one value, record score within MAX_FUZZY_SCORE
 *  5 fuse.js matched every word (typos allowed), in any fields, record score within MAX_FUZZY_SCORE
 *  6 every query word is a word of the record (or the last one a word prefix), long text included; or a word
 *    of a field fuse.js does not rank (focus areas) within a few typos. Ordered by word-match strength.
 * A single-word query has no phrase of its own: its fuzzy hits are all tier 4.
 */
const Tier = {
  exactPrimary: 0,
  exactSecondary: 1,
  wordsPrimary: 2,
  wordsSecondary: 3,
  phrase: 4,
  fuzzy: 5,
  words: 6,
} as const;
const TIER_COUNT = 7;

/**
 * The cut-off on fuse.js record scores for tiers 4 and 5 (fuse's `threshold` only bounds each word's Bitap errors;
 * it is no cut-off on the score fuse returns, which multiplies the matches of every field). Calibrated on the real
 * data: a one-letter typo in a word of a long sub-body name ("asda" for "Asia") scores above it, a typo in a name
 * or acronym ("unesko") or an exact topic word ("nuclear") well below.
 */
export const MAX_FUZZY_SCORE = 0.95;
/** At most this many candidates from the word index are ranked by fuse.js. */
export const CANDIDATE_LIMIT = 30;
export const AUTOCOMPLETE_LIMIT = 25;
const DEFAULT_SEARCH_LIMIT = 10;
const DEFAULT_SUGGEST_LIMIT = 5;
const MAX_LIMIT = 100;
const CACHE_SIZE = 500;

export interface RankedSearch<T, M extends string> {
  search(query: string, limit?: number): RankedHit<T, M>[];
  suggest(query: string, limit?: number): RankedHit<T, M>[];
  autocomplete(query: string): RankedHit<T, M>[];
}

interface Scored<M extends string> {
  record: number;
  tier: number;
  within: number;
  strength: number;
  exact: boolean;
  matchedOn: M;
}

function clampLimit(limit: unknown, fallback: number): number {
  if (typeof limit !== 'number' || Number.isNaN(limit)) return fallback;
  return Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)));
}

/**
 * Search over any records described by field specs: an index built once picks candidates, fuse.js ranks them,
 * and tiers put exact and word-prefix hits on top. Pure and synchronous; never throws on a string.
 */
export function createRankedSearch<T, M extends string>(
  items: readonly T[],
  describe: DescribeRecord<T>,
  specs: readonly FieldSpec<M>[],
  listMatchedOn: M,
  options: SearchOptions = {},
): RankedSearch<T, M> {
  const index = new CandidateIndex(items, describe, specs, options);
  const ranker = new FuseRanker(specs);
  const cache = new LruCache<readonly RankedHit<T, M>[]>(options.caching === false ? 0 : CACHE_SIZE);

  const hitOf = (scored: Scored<M>): RankedHit<T, M> | undefined => {
    const item = index.itemOf(scored.record);
    if (item === undefined) return undefined;
    const score = (scored.tier + Math.min(Math.max(scored.within, 0), 0.999)) / TIER_COUNT;
    return { item, score, exact: scored.exact, matchedOn: scored.matchedOn };
  };

  const specOf = (spec: number): FieldSpec<M> | undefined => specs[spec];

  const shortRoute = (query: NormalizedQuery): RankedHit<T, M>[] => {
    const hits = index.shortPrefix(query.key, MAX_LIMIT);
    const wholeFirst = [
      ...hits.filter((hit) => hit.whole && specOf(hit.spec)?.keyTier === 'primary'),
      ...hits.filter((hit) => !(hit.whole && specOf(hit.spec)?.keyTier === 'primary')),
    ];
    return wholeFirst.flatMap((hit, position) => {
      const spec = specOf(hit.spec);
      if (!spec) return [];
      const exact = hit.whole && spec.keyTier === 'primary';
      const scored: Scored<M> = {
        record: hit.record,
        tier: exact ? Tier.exactPrimary : Tier.wordsPrimary,
        within: exact ? 0 : position / (wholeFirst.length + 1),
        strength: 0,
        exact,
        matchedOn: spec.matchedOn,
      };
      const result = hitOf(scored);
      return result ? [result] : [];
    });
  };

  /** Tier 2/3: every term starts a word of one keyed value of the record. */
  const wordPrefixTier = (record: number, terms: readonly string[]) => {
    let best: { tier: number; spec: number } | undefined;
    for (const value of index.keyedValuesOf(record)) {
      const spec = index.specOfValue(value);
      const keyTier = specOf(spec)?.keyTier;
      if (!keyTier) continue;
      const tier = keyTier === 'primary' ? Tier.wordsPrimary : Tier.wordsSecondary;
      if (best && best.tier <= tier) continue;
      if (index.everyTermStartsAWord(value, terms)) best = { tier, spec };
    }
    return best;
  };

  const fullRoute = (query: NormalizedQuery, loose: boolean): RankedHit<T, M>[] => {
    const terms = query.terms;
    if (terms.length === 0) return [];
    const exactHits = index.exact(query.words);
    const candidates = index.candidates(terms, loose, CANDIDATE_LIMIT);
    const pool = new Map<number, Candidate | undefined>();
    for (const hit of exactHits) pool.set(hit.record, undefined);
    for (const candidate of candidates) pool.set(candidate.record, candidate);
    const poolRecords = [...pool.keys()];
    const exactRecords = new Set(exactHits.map((hit) => hit.record));
    // Tiers 2/3 for the records that are not exact hits (an exact hit ranks above them anyway).
    const prefixedByRecord = new Map(
      poolRecords.map((record) => [
        record,
        exactRecords.has(record) ? undefined : wordPrefixTier(record, terms),
      ]),
    );
    // fuse.js's score counts only for exact and word-prefix hits and for records whose every term matched a field it
    // ranks (when loose, for all): a record matched only in long text or focus areas is not handed to it.
    const rankedRecords = loose
      ? poolRecords
      : poolRecords.filter(
          (record) =>
            exactRecords.has(record) ||
            prefixedByRecord.get(record) !== undefined ||
            pool.get(record)?.inFuseFields === true,
        );
    const inputOf = (record: number) => ({ record, doc: () => index.fuseDocOf(record) });
    const fuseByRecord = new Map(
      ranker
        .words(rankedRecords.map(inputOf), terms.join(' '), loose ? 'any' : 'all')
        .map((ranking) => [rankedRecords[ranking.position] ?? -1, ranking]),
    );

    const scored: Scored<M>[] = [];
    /** Fuzzy hits (tier 4 or 5): a multi-word query's are told apart by the phrase pass below. */
    const fuzzy: Scored<M>[] = [];
    for (const [recordIndex, candidate] of pool) {
      const fuse = fuseByRecord.get(recordIndex);
      const strength = candidate?.strength ?? 0;
      const within = fuse?.score ?? 0.999;
      const exactHit = exactHits
        .filter((hit) => hit.record === recordIndex)
        .sort(
          (a, b) =>
            (specOf(a.spec)?.keyTier === 'primary' ? 0 : 1) - (specOf(b.spec)?.keyTier === 'primary' ? 0 : 1),
        )[0];
      const exactSpec = exactHit ? specOf(exactHit.spec) : undefined;
      if (exactSpec) {
        const primary = exactSpec.keyTier === 'primary';
        scored.push({
          record: recordIndex,
          tier: primary ? Tier.exactPrimary : Tier.exactSecondary,
          within: fuse?.score ?? 0,
          strength,
          exact: primary,
          matchedOn: exactSpec.matchedOn,
        });
        continue;
      }
      const prefixed = prefixedByRecord.get(recordIndex);
      const prefixSpec = prefixed ? specOf(prefixed.spec) : undefined;
      if (prefixed && prefixSpec) {
        scored.push({
          record: recordIndex,
          tier: prefixed.tier,
          within,
          strength,
          exact: false,
          matchedOn: prefixSpec.matchedOn,
        });
        continue;
      }
      // The field that explains the hit: where the strongest word match was found.
      const candidateSpec = candidate ? specOf(candidate.bestSpec) : undefined;
      if (!candidate || !candidateSpec) continue;
      if (loose) {
        // "Did you mean": the more query words a record matches the better, then fuse.js's score.
        const missed = 1 - candidate.coverage / terms.length;
        scored.push({
          record: recordIndex,
          tier: Tier.fuzzy,
          within: 0.5 * missed + 0.5 * (fuse?.score ?? 1),
          strength,
          exact: false,
          matchedOn: candidateSpec.matchedOn,
        });
      } else if (fuse && candidate.inFuseFields && fuse.score <= MAX_FUZZY_SCORE) {
        fuzzy.push({
          record: recordIndex,
          tier: terms.length > 1 ? Tier.fuzzy : Tier.phrase,
          within,
          strength,
          exact: false,
          matchedOn: candidateSpec.matchedOn,
        });
      } else if (candidate.wordsMatched) {
        scored.push({
          record: recordIndex,
          tier: Tier.words,
          within: 1 - Math.min(candidate.strength / terms.length, 1),
          strength,
          exact: false,
          matchedOn: candidateSpec.matchedOn,
        });
      }
    }

    // One fuzzy hit needs no phrase pass: tier 4 or 5, it sorts the same among the other tiers.
    if (terms.length > 1 && fuzzy.length > 1) {
      const phrases = ranker.phrase(
        fuzzy.map((hit) => inputOf(hit.record)),
        terms.join(' '),
      );
      for (const { position, score } of phrases) {
        const hit = fuzzy[position];
        if (hit && score <= MAX_FUZZY_SCORE) {
          hit.tier = Tier.phrase;
          hit.within = score;
        }
      }
    }
    scored.push(...fuzzy);
    scored.sort(
      (a, b) => a.tier - b.tier || a.within - b.within || b.strength - a.strength || a.record - b.record,
    );
    return scored.slice(0, MAX_LIMIT).flatMap((item) => {
      const hit = hitOf(item);
      return hit ? [hit] : [];
    });
  };

  const alphabetical = (): RankedHit<T, M>[] =>
    index
      .alphabeticalOrder()
      .slice(0, AUTOCOMPLETE_LIMIT)
      .flatMap((record) => {
        const item = index.itemOf(record);
        return item === undefined ? [] : [{ item, score: 1, exact: false, matchedOn: listMatchedOn }];
      });

  /** Answers are cached whole (up to MAX_LIMIT) by mode and folded query; each call gets fresh hit objects. */
  const run = (mode: 'search' | 'suggest', raw: unknown, limit: number): RankedHit<T, M>[] => {
    if (limit === 0) return [];
    const query = normalizeQuery(raw);
    if (query.length === 0) return [];
    const cacheKey = `${mode}\u0000${query.key}`;
    let hits = cache.get(cacheKey);
    if (!hits) {
      hits = query.length <= 2 ? shortRoute(query) : fullRoute(query, mode === 'suggest');
      cache.set(cacheKey, hits);
    }
    return hits.slice(0, limit).map((hit) => ({ ...hit }));
  };

  return {
    search: (query, limit) => run('search', query, clampLimit(limit, DEFAULT_SEARCH_LIMIT)),
    suggest: (query, limit) => run('suggest', query, clampLimit(limit, DEFAULT_SUGGEST_LIMIT)),
    autocomplete: (query) =>
      typeof query !== 'string' || query.trim() === ''
        ? alphabetical()
        : run('search', query, AUTOCOMPLETE_LIMIT),
  };
}
