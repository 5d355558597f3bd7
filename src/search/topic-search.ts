/**
 * Focus areas: MiniSearch over label, slug and synonyms, plus the description's whole words. `TopicIndex` answers
 * one query word at a time, for the partner search and for /topic's search.
 */
import MiniSearch from 'minisearch';
import type { Topic } from '../data/schema.js';
import {
  AUTOCOMPLETE_LIMIT,
  addWords,
  allowedTypos,
  byText,
  fieldIndexOptions,
  type Mode,
  pushTo,
  ShortPrefixes,
  searchApi,
} from './common.js';
import { indexWords, keyOf, type NormalizedQuery } from './normalize.js';
import type { TopicHit, TopicSearch } from './types.js';

export class TopicIndex {
  readonly topics: readonly Topic[];
  private readonly names = new MiniSearch(fieldIndexOptions(['label', 'slug', 'synonyms'], indexWords));
  /** Folded label, slug and synonyms → topics. */
  readonly exactKeys = new Map<string, number[]>();
  readonly shortPrefixes = new ShortPrefixes();

  constructor(topics: readonly Topic[]) {
    this.topics = byText(topics, (topic) => topic.label);
    this.names.addAll(
      this.topics.map((topic, id) => ({ ...topic, id, synonyms: topic.synonyms.join('\n') })),
    );
    this.topics.forEach((topic, record) => {
      for (const text of [topic.label, topic.slug, ...topic.synonyms]) {
        const key = keyOf(text);
        if (!this.exactKeys.get(key)?.includes(record)) pushTo(this.exactKeys, key, record);
        for (const word of indexWords(text)) this.shortPrefixes.add(record, word, 0);
      }
    });
  }

  /** Topics whose label, slug or synonyms match one word → how: 0 as typed (or as a prefix), else 1 with typos. */
  matchWord(term: string, typos: number): Map<number, number> {
    const found = new Map<number, number>();
    for (const result of this.names.search(term, { prefix: term.length >= 3 })) {
      found.set(result.id as number, 0);
    }
    if (found.size === 0 && typos > 0) {
      for (const result of this.names.search(term, { fuzzy: typos })) {
        found.set(result.id as number, 1);
      }
    }
    return found;
  }
}

/** Builds the topic search once; every call after that is pure, synchronous and never throws on a string. */
export function createTopicSearch(topics: readonly Topic[]): TopicSearch {
  const index = new TopicIndex(topics);
  /** Whole words of each topic's description: a word found only there matches, most weakly (2). */
  const descriptions = new Map<string, number[]>();
  for (const [record, topic] of index.topics.entries()) addWords(descriptions, record, topic.description);
  /** Topics (numbers) and their scores: 0 is an exact match (the whole label, slug or a synonym), larger worse. */
  const answer = (mode: Mode, query: NormalizedQuery): { record: number; score: number }[] => {
    if (query.length <= 2) {
      return index.shortPrefixes
        .find(query.key)
        .map((entry, position) => ({ record: entry.record, score: entry.whole ? 0 : 0.5 + position / 1000 }));
    }
    const exact = new Set(index.exactKeys.get(query.key));
    // Per topic: how many words matched, and the worst way one did (`matchWord`).
    const tally = new Map<number, { words: number; worst: number }>();
    for (const term of query.terms) {
      const typos = allowedTypos(term, mode, query.terms.length);
      const found = index.matchWord(term, typos);
      for (const record of descriptions.get(term) ?? []) if (!found.has(record)) found.set(record, 2);
      for (const [record, how] of found) {
        const seen = tally.get(record) ?? { words: 0, worst: 0 };
        tally.set(record, { words: seen.words + 1, worst: Math.max(seen.worst, how) });
      }
    }
    const terms = query.terms.length;
    const scored = [...tally]
      .filter(([record, { words }]) => exact.has(record) || mode === 'suggest' || words === terms)
      .map(([record, { words, worst }]) => ({
        record,
        // Exact first, then by how well every word matched; in `suggest`, words missed count against.
        score: exact.has(record) ? 0 : (1 + worst + (1 - words / terms)) / 4,
      }));
    for (const record of exact) if (!tally.has(record)) scored.push({ record, score: 0 });
    return scored.sort((a, b) => a.score - b.score || a.record - b.record);
  };

  const present = (ranked: readonly { record: number; score: number }[]): TopicHit[] =>
    ranked.map(({ record, score }) => ({ topic: index.topics[record] as Topic, score, exact: score === 0 }));
  return searchApi(answer, present, () =>
    index.topics.slice(0, AUTOCOMPLETE_LIMIT).map((topic) => ({ topic, score: 1, exact: false })),
  );
}
