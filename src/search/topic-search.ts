import type { Topic } from '../data/schema.js';
import { type AddValue, type FieldSpec, fieldIndexes } from './field-spec.js';
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

const FIELD = fieldIndexes(TOPIC_FIELDS, ['label', 'slug', 'synonym', 'description'] as const);

/** Hands a topic's searchable values to the index; sorted by label. */
function describeTopic(topic: Topic, add: AddValue): string {
  add(FIELD.label, topic.label);
  add(FIELD.slug, topic.slug);
  for (const synonym of topic.synonyms) add(FIELD.synonym, synonym);
  add(FIELD.description, topic.description);
  return topic.label;
}

/** Builds the topic index once; every call after that is pure, synchronous and never throws on a string. */
export function createTopicSearch(topics: readonly Topic[]): TopicSearch {
  const ranked = createRankedSearch(topics, describeTopic, TOPIC_FIELDS, 'label');
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
