export { createPartnerSearch } from './partner-search.js';
export { createTopicSearch } from './topic-search.js';
export type { MatchField, PartnerHit, PartnerSearch, SearchOptions, TopicHit, TopicSearch } from './types.js';
