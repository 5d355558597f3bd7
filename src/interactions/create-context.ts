import { commandRegistry } from '../../commands/index.js';
import type { Dataset } from '../data/dataset.js';
import { type LoadOptions, loadDataset } from '../data/load.js';
import { en } from '../i18n/index.js';
import { createPartnerSearch, createTopicSearch } from '../search/index.js';
import type { BotContext } from '../toolkit/command.js';

/** The context for a dataset, its search indexes built. */
export function createBotContext(dataset: Dataset): BotContext {
  return {
    dataset,
    partnerSearch: createPartnerSearch(dataset.partners, dataset.topics),
    topicSearch: createTopicSearch(dataset.topics),
    t: en,
    commands: commandRegistry,
  };
}

/** Loads and validates the data (throwing DataValidationError when invalid) and builds the search indexes. */
export function loadBotContext(options: LoadOptions = {}): BotContext {
  return createBotContext(loadDataset(options));
}
