import type {
  APIApplicationCommandOptionChoice,
  APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { cardButtons } from '../src/cards/card-buttons.js';
import { button, buttonRow, partnerSelectRow, selectRow } from '../src/cards/menus.js';
import { partnerCard } from '../src/cards/partner-card.js';
import { quoteUserText } from '../src/cards/style.js';
import { partnersInTopic, topicCard } from '../src/cards/topic-card.js';
import type { Topic } from '../src/data/schema.js';
import { answerClick, selectedValue } from '../src/interactions/click.js';
import type { Command } from '../src/interactions/command.js';
import type { BotContext } from '../src/interactions/context.js';
import { encodeCustomId } from '../src/interactions/custom-id.js';
import { ApplicationCommandOptionType, InteractionResponseType } from '../src/interactions/discord-enums.js';
import { invokerId } from '../src/interactions/invoker.js';
import { focusedOption, stringOption } from '../src/interactions/options.js';
import { notice, reply } from '../src/interactions/replies.js';

function topicMessage(
  topic: Topic,
  ownerId: string,
  context: BotContext,
): APIInteractionResponseCallbackData {
  const members = partnersInTopic(topic, context.dataset);
  return {
    embeds: [topicCard(topic, members, context.dataset)],
    components: [
      partnerSelectRow(
        encodeCustomId('topic', 'open', ownerId, topic.slug),
        members.map((member) => member.partner),
        'Open a partner’s card',
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
  const [best] = hits;
  return best?.exact || hits.length === 1 ? best?.topic : undefined;
}

const topicChoices = new WeakMap<Topic, APIApplicationCommandOptionChoice<string>>();

/** A focus area as an autocomplete choice: built once per topic (the dataset never changes), frozen. */
function topicChoice(topic: Topic): APIApplicationCommandOptionChoice<string> {
  let choice = topicChoices.get(topic);
  if (!choice) {
    choice = Object.freeze({ name: topic.label, value: topic.slug });
    topicChoices.set(topic, choice);
  }
  return choice;
}

export const topic = {
  data: {
    name: 'topic',
    description: 'Which partners the WCO works with in a focus area, e.g. drugs or cultural property.',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'area',
        description: 'Focus area, e.g. cultural-property, drugs, money-laundering',
        required: true,
        autocomplete: true,
        max_length: 100,
      },
    ],
  },

  execute(interaction, context) {
    const area = stringOption(interaction.data.options, 'area')?.trim() ?? '';
    const ownerId = invokerId(interaction);
    if (!area) return notice('Tell me which focus area: for example `/topic area:cultural-property`.');
    const found = resolveTopic(area, context);
    if (found) return reply(topicMessage(found, ownerId, context));

    const closest = context.topicSearch.search(area, 5);
    const candidates = closest.length ? closest : context.topicSearch.suggest(area, 5);
    const hint = candidates.length
      ? ` Closest: ${candidates.map((hit) => `\`${hit.topic.slug}\``).join(', ')}.`
      : ' Start typing and pick one from the list, or see `/help`.';
    return reply(
      {
        content: `No focus area is called “${quoteUserText(area)}”.${hint}`,
        components: candidates.length
          ? [
              selectRow(
                encodeCustomId('topic', 'show', ownerId),
                candidates.map((hit) => ({
                  label: hit.topic.label,
                  value: hit.topic.slug,
                  description: hit.topic.description,
                })),
                'Pick a focus area',
              ),
            ]
          : [],
      },
      { ephemeral: true },
    );
  },

  autocomplete(interaction, context) {
    const typed = focusedOption(interaction.data.options)?.value ?? '';
    const choices = context.topicSearch.autocomplete(typed).map(({ topic }) => topicChoice(topic));
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } };
  },

  components: {
    show(click, context) {
      const chosen = context.dataset.topicBySlug.get(selectedValue(click) ?? '');
      if (!chosen) return notice('That menu has expired. Run `/topic` again.');
      return answerClick(click, topicMessage(chosen, click.ownerId, context));
    },
    open(click, context) {
      const chosen = context.dataset.partnerById.get(selectedValue(click) ?? '');
      const slug = click.args[0] ?? '';
      if (!chosen || !context.dataset.topicBySlug.has(slug))
        return notice('That menu has expired. Run `/topic` again.');
      return answerClick(click, {
        embeds: [partnerCard(chosen, context.dataset)],
        components: [
          buttonRow([
            button(encodeCustomId('topic', 'back', click.ownerId, slug), '◀ Back to the list'),
            ...cardButtons(chosen, click.ownerId),
          ]),
        ],
      });
    },
    back(click, context) {
      const found = context.dataset.topicBySlug.get(click.args[0] ?? '');
      if (!found) return notice('That button has expired. Run `/topic` again.');
      return answerClick(click, topicMessage(found, click.ownerId, context));
    },
  },
} satisfies Command;
