/** The search's public face: partner search (/partner) and topic search (/topic), and their result types. */
export { createPartnerSearch } from './partner-search.js';
export { createTopicSearch } from './topic-search.js';
export type { MatchField, PartnerHit, PartnerSearch, TopicHit, TopicSearch } from './types.js';
