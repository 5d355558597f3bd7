import type { Dataset } from '../data/dataset.js';
import { loadDataset } from '../data/load.js';
import { en } from '../i18n/index.js';
import { createPartnerSearch, createTopicSearch } from '../search/index.js';
import type { BotContext } from './context.js';

/** Loads and validates the data (throwing DataValidationError when invalid) and builds the search indexes. */
export function createBotContext(dataset: Dataset = loadDataset()): BotContext {
  return {
    dataset,
    partnerSearch: createPartnerSearch(dataset.partners, dataset.topics),
    topicSearch: createTopicSearch(dataset.topics),
    t: en,
  };
}
