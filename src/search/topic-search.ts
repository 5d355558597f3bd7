import type { Topic } from '../data/schema.js';
import type { FieldSpec, SearchSource } from './field-spec.js';
import { createRankedSearch } from './ranked-search.js';
import type { TopicHit, TopicSearch } from './types.js';

type TopicField = 'label' | 'slug' | 'synonym' | 'description';

/** A label, slug or synonym typed in full is an exact hit; the description only feeds the word index. */
export const TOPIC_FIELDS: readonly FieldSpec<TopicField>[] = [
  {
    key: 'label',
    matchedOn: 'label',
    weight: 3,
    tokenWeight: 1,
    keyTier: 'primary',
    match: 'fuse',
    shortPrefix: 'words',
  },
  {
    key: 'slug',
    matchedOn: 'slug',
    weight: 2,
    tokenWeight: 0.9,
    keyTier: 'primary',
    match: 'fuse',
    shortPrefix: 'words',
  },
  {
    key: 'synonym',
    matchedOn: 'synonym',
    weight: 2,
    tokenWeight: 0.9,
    keyTier: 'primary',
    match: 'fuse',
    shortPrefix: 'words',
  },
  { key: 'description', matchedOn: 'description', weight: 0, tokenWeight: 0.15, match: 'text' },
];

function sourceOf(topic: Topic): SearchSource<Topic> {
  return {
    item: topic,
    sortKey: topic.label,
    values: [
      ['label', topic.label],
      ['slug', topic.slug],
      ...topic.synonyms.map((synonym): [string, string] => ['synonym', synonym]),
      ['description', topic.description],
    ],
  };
}

/** Builds the topic index once; every call after that is pure, synchronous and never throws on a string. */
export function createTopicSearch(topics: readonly Topic[]): TopicSearch {
  const ranked = createRankedSearch(topics.map(sourceOf), TOPIC_FIELDS, 'label');
  const toHit = ({ item, score, exact }: ReturnType<typeof ranked.search>[number]): TopicHit => ({
    topic: item,
    score,
    exact,
  });
  return {
    search: (query, limit) => ranked.search(query, limit).map(toHit),
    suggest: (query, limit) => ranked.suggest(query, limit).map(toHit),
    autocomplete: (query) => ranked.autocomplete(query).map(toHit),
  };
}
