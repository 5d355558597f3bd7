import { frenchDataset } from '../data/localized.js';
import type { Messages } from '../i18n/index.js';
import { createPartnerSearch, createTopicSearch } from '../search/index.js';
import type { BotContext } from '../toolkit/command.js';

const frenchContexts = new WeakMap<BotContext['dataset'], BotContext>();

/**
 * The context a reader of `t`'s language is answered from: in French, the French view of the dataset
 * (data/localized.ts) with its own searches, so `/thème domaine:drogues` finds Drugs and cards read in French.
 * Built on the first French interaction, once per dataset (which never changes).
 */
export function contextFor(context: BotContext, t: Messages): BotContext {
  if (t === context.t) return context;
  if (t.locale !== 'fr' || !context.dataset.french) return { ...context, t };
  let french = frenchContexts.get(context.dataset);
  if (!french) {
    const dataset = frenchDataset(context.dataset);
    french = {
      ...context,
      dataset,
      partnerSearch: createPartnerSearch(dataset.partners, dataset.topics),
      topicSearch: createTopicSearch(dataset.topics),
      t,
      commands: context.commands,
    };
    frenchContexts.set(context.dataset, french);
  }
  // Cached per dataset; the registry is the caller's (tests hand in their own).
  return french.commands === context.commands ? french : { ...french, commands: context.commands };
}
