import { commandRegistry } from '../../commands/index.js';
import type { Dataset } from '../data/dataset.js';
import { type LoadOptions, loadPreparedDataset } from '../data/load.js';
import { en } from '../i18n/index.js';
import { createPartnerSearch, createTopicSearch } from '../search/index.js';
import type { BotContext } from '../toolkit/command.js';

/**
 * The context for a dataset, its partner index built, or read back from `savedIndex` (what `save()` gave for the
 * same data); an index that cannot be read back is built instead.
 */
export function createBotContext(dataset: Dataset, savedIndex?: unknown): BotContext {
  let partnerSearch: BotContext['partnerSearch'] | undefined;
  if (savedIndex) {
    try {
      partnerSearch = createPartnerSearch(dataset.partners, dataset.topics, { savedIndex });
    } catch {
      // Saved by another version of MiniSearch, or damaged: built below.
    }
  }
  return {
    dataset,
    partnerSearch: partnerSearch ?? createPartnerSearch(dataset.partners, dataset.topics),
    topicSearch: createTopicSearch(dataset.topics),
    t: en,
    commands: commandRegistry,
  };
}

/**
 * Loads and validates the data (throwing DataValidationError when invalid) and builds the search indexes; or,
 * for bytes that passed before, reads both back (src/data/prepared-cache.ts). A freshly checked dataset is
 * remembered with its index.
 */
export function loadBotContext(options: LoadOptions = {}): BotContext {
  const prepared = loadPreparedDataset(options);
  const context = createBotContext(prepared.dataset, prepared.searchIndex);
  prepared.remember?.(context.partnerSearch.save());
  return context;
}
