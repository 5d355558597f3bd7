/**
 * Focus areas (/topic): MiniSearch over label, slug and synonyms (as typed, a word's start or with typos) and the
 * description (whole words only, weakest). A label, slug or synonym typed in full is an exact match.
 */
import MiniSearch, { type Query } from 'minisearch';
import type { Topic } from '../data/schema.js';
import { byText, indexOptions, type Mode, searchApi, typosFor } from './common.js';
import { keyOf, type NormalizedQuery, normalizeQuery } from './normalize.js';
import type { TopicHit, TopicSearch } from './types.js';

const NAMES = ['label', 'slug', 'synonyms'];
const BOOST = { label: 2, slug: 2, synonyms: 2, description: 0.5 };

/** Builds the topic search once; every call after that is pure, synchronous and never throws on a string. */
export function createTopicSearch(topicList: readonly Topic[]): TopicSearch {
  const topics = byText(topicList, (topic) => topic.label);
  const vocabulary = new Set<string>();
  const index = new MiniSearch(indexOptions([...NAMES, 'description'], vocabulary));
  index.addAll(topics.map((topic, id) => ({ ...topic, id, synonyms: topic.synonyms.join('\n') })));
  const exactKeys = topics.map((topic) => new Set([topic.label, topic.slug, ...topic.synonyms].map(keyOf)));

  /**
   * Topics and their scores: 0 is an exact match, larger worse; in `suggest`, any word may match. A word's start
   * matches from three letters, or when it is the whole query ("ip", "k9").
   */
  const answer = (mode: Mode, query: NormalizedQuery): { record: number; score: number }[] => {
    const { terms } = query;
    const queries = terms.map(
      (term): Query => ({
        combineWith: 'OR',
        queries: [
          { queries: [term], fields: NAMES, prefix: term.length >= 3 || query.length <= 2 },
          { queries: [term], fields: NAMES, fuzzy: typosFor(term, mode, terms.length, vocabulary) },
          { queries: [term], fields: ['description'] },
        ],
      }),
    );
    const found = index.search({ combineWith: mode === 'search' ? 'AND' : 'OR', queries }, { boost: BOOST });
    const scored = found.map((result) => ({
      record: result.id as number,
      // Exact first, then by MiniSearch's score; in `suggest`, words missed count against.
      score: exactKeys[result.id]?.has(query.key)
        ? 0
        : (1 + (1 - result.queryTerms.length / terms.length) + 1 / (1 + result.score)) / 4,
    }));
    return scored.sort((a, b) => a.score - b.score || a.record - b.record);
  };

  const present = (ranked: readonly { record: number; score: number }[]): TopicHit[] =>
    ranked.map(({ record, score }) => ({ topic: topics[record] as Topic, score, exact: score === 0 }));
  const covering = (raw: string): Topic[] => {
    const { key, length } = normalizeQuery(raw);
    // Both padded with spaces, so that the query matches whole words only.
    const holds = (name: string) => ` ${keyOf(name)} `.includes(` ${key} `);
    return length === 0 ? [] : topics.filter((topic) => [topic.label, ...topic.synonyms].some(holds));
  };

  const listed = (topic: Topic): TopicHit => ({ topic, score: 1, exact: false });
  return { ...searchApi(answer, present, topics, listed), covering };
}
