import type { Dataset } from '../data/dataset.js';
import type { Messages } from '../i18n/index.js';
import type { PartnerSearch, TopicSearch } from '../search/types.js';

/** Everything a command handler may read. Built once at start-up; handlers never do I/O. */
export interface BotContext {
  dataset: Dataset;
  partnerSearch: PartnerSearch;
  topicSearch: TopicSearch;
  /** The texts of the reader's language: English here, replaced per interaction from its `locale` (handle.ts). */
  t: Messages;
}
