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

/**
 * The slug itself (what autocomplete sends), else a label or synonym typed in full, else the one area a typo
 * can mean ("aviaton"); when several fit, the reply lets the reader pick.
 */
function resolveTopic(area: string, context: BotContext): Topic | undefined {
  const bySlug = context.dataset.topicBySlug.get(area.toLowerCase());
  if (bySlug) return bySlug;
  const hits = context.topicSearch.search(area, 2);
  const [best, second] = hits;
  // A word of several areas ("weapons") opens none of them: the reply offers each.
  if (second?.exact) return undefined;
  return best?.exact || hits.length === 1 ? best?.topic : undefined;
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
    if (found) return reply(topicMessage(found, ownerId, context));

    const closest = context.topicSearch.search(area, 5);
    const candidates = closest.length ? closest : context.topicSearch.suggest(area, 5);
    const hint = candidates.length
      ? t.closestTopics(candidates.map((hit) => `\`${hit.topic.slug}\``).join(', '))
      : t.noCloseTopic;
    const shared = candidates.filter((hit) => hit.exact).length > 1;
    return reply(
      {
        content: shared
          ? t.topicsSharingWord(quoteUserText(area))
          : `${t.noTopic(quoteUserText(area))}${hint}`,
        components: candidates.length
          ? [
              selectRow(
                encodeCustomId('topic', 'show', ownerId),
                candidates.map((hit) => ({
                  label: hit.topic.label,
                  value: hit.topic.slug,
                  description: hit.topic.description,
                })),
                t.pickTopic,
              ),
            ]
          : [],
      },
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
