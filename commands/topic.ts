import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { cardButtons } from '../src/cards/card-buttons.js';
import { button, buttonRow, partnerSelectRow, selectRow } from '../src/cards/menus.js';
import { partnerCard } from '../src/cards/partner-card.js';
import { quoteUserText } from '../src/cards/style.js';
import { partnersInTopic, topicCard } from '../src/cards/topic-card.js';
import type { Topic } from '../src/data/schema.js';
import { registered } from '../src/i18n/index.js';
import { answerClick, selectedValue } from '../src/toolkit/click.js';
import type { BotContext, Command } from '../src/toolkit/command.js';
import { encodeCustomId } from '../src/toolkit/custom-id.js';
import { ApplicationCommandOptionType, InteractionResponseType } from '../src/toolkit/discord-enums.js';
import { invokerId } from '../src/toolkit/invoker.js';
import { focusedOption, stringOption } from '../src/toolkit/options.js';
import { notice, reply } from '../src/toolkit/replies.js';

export function topicMessage(
  topic: Topic,
  ownerId: string,
  context: BotContext,
): APIInteractionResponseCallbackData {
  const members = partnersInTopic(topic, context.dataset);
  return {
    embeds: [topicCard(topic, members, context.dataset, context.t)],
    components: [
      partnerSelectRow(
        encodeCustomId('topic', 'open', ownerId, topic.slug),
        members.map((member) => member.partner),
        context.t.openCard,
      ),
    ],
  };
}

/** What a typed area leads to: one area's card, a menu of every area the word fits, or "did you mean". */
type Resolution =
  | { kind: 'one'; topic: Topic }
  | { kind: 'several'; topics: Topic[] }
  | { kind: 'unknown'; closest: Topic[] };

/**
 * The slug itself (what autocomplete sends), else the one area whose label or synonym is typed in full, else every
 * area whose label or synonyms hold the words ("smuggling": drug, tobacco, nuclear, arms smuggling…), else the one
 * area a typo can mean ("aviaton"). Anything else is unknown and gets the closest areas.
 */
function resolveTopic(area: string, context: BotContext): Resolution {
  const { dataset, topicSearch } = context;
  const bySlug = dataset.topicBySlug.get(area.toLowerCase());
  if (bySlug) return { kind: 'one', topic: bySlug };
  const hits = topicSearch.search(area, 5);
  const exact = hits.filter((hit) => hit.exact);
  if (exact.length === 1 && exact[0]) return { kind: 'one', topic: exact[0].topic };
  const [fits, ...more] = topicSearch.covering(area);
  if (fits) return more.length ? { kind: 'several', topics: [fits, ...more] } : { kind: 'one', topic: fits };
  const [onlyHit] = hits;
  if (onlyHit && hits.length === 1) return { kind: 'one', topic: onlyHit.topic };
  const closest = hits.length ? hits : topicSearch.suggest(area, 5);
  return { kind: 'unknown', closest: closest.map((hit) => hit.topic) };
}

function topicMenu(topics: readonly Topic[], ownerId: string, context: BotContext) {
  return selectRow(
    encodeCustomId('topic', 'show', ownerId),
    topics.map((topic) => ({ label: topic.label, value: topic.slug, description: topic.description })),
    context.t.pickTopic,
  );
}

export const topic = {
  data: {
    ...registered('name', (t) => t.commands.topic.name),
    ...registered('description', (t) => t.commands.topic.description),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        ...registered('name', (t) => t.commands.topic.areaName),
        ...registered('description', (t) => t.commands.topic.areaDescription),
        required: true,
        autocomplete: true,
        max_length: 100,
      },
    ],
  },

  execute(interaction, context) {
    const area = stringOption(interaction.data.options, 'area')?.trim() ?? '';
    const ownerId = invokerId(interaction);
    const { t } = context;
    if (!area) return notice(t.noTopicGiven);
    const found = resolveTopic(area, context);
    if (found.kind === 'one') return reply(topicMessage(found.topic, ownerId, context));
    const typed = quoteUserText(area);
    const [content, offered] =
      found.kind === 'several'
        ? [t.topicsSharingWord(typed, found.topics.length), found.topics]
        : [`${t.noTopic(typed)}${t.closestTopics(found.closest.length)}`, found.closest];
    return reply(
      { content, components: offered.length ? [topicMenu(offered, ownerId, context)] : [] },
      { ephemeral: true },
    );
  },

  autocomplete(interaction, context) {
    const typed = focusedOption(interaction.data.options)?.value ?? '';
    const choices = context.topicSearch
      .autocomplete(typed)
      .map(({ topic }) => ({ name: topic.label, value: topic.slug }));
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } };
  },

  components: {
    show(click, context) {
      const chosen = context.dataset.topicBySlug.get(selectedValue(click) ?? '');
      if (!chosen) return notice(context.t.topicMenuExpired);
      return answerClick(click, topicMessage(chosen, click.ownerId, context));
    },
    open(click, context) {
      const chosen = context.dataset.partnerById.get(selectedValue(click) ?? '');
      const slug = click.args[0] ?? '';
      if (!chosen || !context.dataset.topicBySlug.has(slug)) return notice(context.t.topicMenuExpired);
      return answerClick(click, {
        embeds: [partnerCard(chosen, context.dataset, context.t)],
        components: [
          buttonRow([
            button(encodeCustomId('topic', 'back', click.ownerId, slug), context.t.backToList),
            ...cardButtons(chosen, click.ownerId, context.t),
          ]),
        ],
      });
    },
    back(click, context) {
      const found = context.dataset.topicBySlug.get(click.args[0] ?? '');
      if (!found) return notice(context.t.topicExpired);
      return answerClick(click, topicMessage(found, click.ownerId, context));
    },
  },
} satisfies Command;
