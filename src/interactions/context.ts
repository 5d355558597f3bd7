import type { Dataset } from '../data/dataset.js';
import type { PartnerSearch, TopicSearch } from '../search/types.js';

/** Everything a command handler may read. Built once at start-up; handlers never do I/O. */
export interface BotContext {
  dataset: Dataset;
  partnerSearch: PartnerSearch;
  topicSearch: TopicSearch;
}
