import { commandRegistry } from '../../commands/index.js';
import type { Dataset } from '../data/dataset.js';
import { type LoadOptions, loadDataset } from '../data/load.js';
import type { BotContext } from '../toolkit/command.js';
import { buildBotContext } from './locale-context.js';

/** The context for a dataset, everything it answers from built now (locale-context.ts). */
export function createBotContext(dataset: Dataset): BotContext {
  return buildBotContext(dataset, commandRegistry);
}

/** Loads and validates the data (throwing DataValidationError when invalid) and builds the search indexes. */
export function loadBotContext(options: LoadOptions = {}): BotContext {
  return createBotContext(loadDataset(options));
}
