import type { Dataset } from '../data/dataset.js';
import { frenchDataset } from '../data/localized.js';
import { en, fr, type Messages } from '../i18n/index.js';
import { createQuestionEngine } from '../questions/index.js';
import { createPartnerSearch, createTopicSearch } from '../search/index.js';
import type { BotContext, CommandRegistry } from '../toolkit/command.js';

/**
 * The context for a dataset, built once at start-up: its searches, and the same over the French view of the data (data/localized.ts), so `/thème domaine:drogues` finds Drugs and
 * cards read in French. No Node-only imports: the Worker builds it too.
 */
export function buildBotContext(dataset: Dataset, commands: CommandRegistry): BotContext {
  const english = contextOver(dataset, en, commands);
  if (!dataset.french) return english;
  return { ...english, french: contextOver(frenchDataset(dataset), fr, commands) };
}

function contextOver(dataset: Dataset, t: Messages, commands: CommandRegistry): BotContext {
  const partnerSearch = createPartnerSearch(dataset.partners, dataset.topics);
  const topicSearch = createTopicSearch(dataset.topics);
  return {
    dataset,
    partnerSearch,
    topicSearch,
    t,
    commands,
    questions: once(() => createQuestionEngine({ dataset, partnerSearch, topicSearch })),
  };
}

// Built on first use, not at start-up: two cold phrase tables took start-up CPU from 210 to 860 ms (load 10).
// Kept after: bench ask, "phrase table build 13.7 ms" against an answer p99 ≤ 1 ms.
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/** The context a reader of `t`'s language is answered from: the French one for French, with the caller's registry. */
export function contextFor(context: BotContext, t: Messages): BotContext {
  if (t === context.t) return context;
  const local = t.locale === 'fr' && context.french ? context.french : context;
  // Tests hand in their own registry on the English context.
  return local.t === t && local.commands === context.commands
    ? local
    : { ...local, t, commands: context.commands };
}
