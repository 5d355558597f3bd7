import type {
  APIInteractionResponseCallbackData,
  APIMessageApplicationCommandInteraction,
} from 'discord-api-types/v10';
import { cardButtons } from '../src/cards/card-buttons.js';
import { type ActionRow, button, buttonRow, partnerSelectRow } from '../src/cards/menus.js';
import { partnerCard, shortName } from '../src/cards/partner-card.js';
import { quoteUserText } from '../src/cards/style.js';
import type { Partner } from '../src/data/schema.js';
import { en, type Messages, registered } from '../src/i18n/index.js';
import {
  createMentionFinder,
  type PartnerMention,
  type TopicMention,
} from '../src/mentions/find-mentions.js';
import { answerClick, menuValues, selectedValue } from '../src/toolkit/click.js';
import type { MessageCommand } from '../src/toolkit/command.js';
import { encodeCustomId } from '../src/toolkit/custom-id.js';
import { ApplicationCommandType } from '../src/toolkit/discord-enums.js';
import { invokerId } from '../src/toolkit/invoker.js';
import { notice, reply } from '../src/toolkit/replies.js';
import { topicMessage } from './topic.js';

/** The words quoted per partner as the reason it was found; more would only repeat the point. */
const maxEvidence = 3;
/** Focus-area buttons under the answer: one row. */
const maxTopicButtons = 5;
export const nothingFound = en.nothingFound;

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
const asText = (value: unknown): string[] => (typeof value === 'string' && value ? [value] : []);

/** The texts of the target message a reader sees: its content and its embeds' texts (read defensively). */
export function messageTexts(interaction: APIMessageApplicationCommandInteraction): string[] {
  const messages = asRecord(asRecord(interaction.data.resolved).messages);
  const target = asRecord(
    Object.hasOwn(messages, interaction.data.target_id) ? messages[interaction.data.target_id] : undefined,
  );
  const embeds = Array.isArray(target.embeds) ? target.embeds.map(asRecord) : [];
  return [
    ...asText(target.content),
    ...embeds.flatMap((embed) => [
      ...asText(asRecord(embed.author).name),
      ...asText(embed.title),
      ...asText(embed.description),
      ...(Array.isArray(embed.fields) ? embed.fields.map(asRecord) : []).flatMap((field) => [
        ...asText(field.name),
        ...asText(field.value),
      ]),
      ...asText(asRecord(embed.footer).text),
    ]),
  ];
}

function quoted(words: string, t: Messages): string {
  return t.quote(quoteUserText(words, 60));
}

/** A partner's name as its line of the list shows it. */
function listedName(partner: Partner): string {
  return `**${shortName(partner)}**`;
}

/** "• **Europol**: the message names “OLAF” (a body it works with)": who, and the words that name it. */
function partnerLine({ partner, evidence }: PartnerMention, t: Messages): string {
  const why = evidence
    .slice(0, maxEvidence)
    .map(({ words, kind }) => t.mentionOf(quoted(words, t), t.mentionKind[kind]));
  return `• ${t.mentionFound(listedName(partner), why.join(', '))}`;
}

/** One button per focus area the message mentions, opening that area's card. */
function topicButtons(topics: readonly TopicMention[], ownerId: string, t: Messages): ActionRow[] {
  if (!topics.length) return [];
  return [
    buttonRow(
      topics.slice(0, maxTopicButtons).map(({ topic, words }) =>
        button(
          encodeCustomId('mentions', 'topic', ownerId, topic.slug),
          t.topicButton(
            topic.label,
            words
              .slice(0, 1)
              .map((w) => quoted(w, t))
              .join(''),
          ),
        ),
      ),
    ),
  ];
}

function openMenu(ownerId: string, partners: readonly Partner[], t: Messages) {
  return partnerSelectRow(encodeCustomId('mentions', 'open', ownerId), partners, t.openCard);
}

/** The private answer: one line per partner found and why, a menu to open each card, a button per focus area. */
export function mentionsMessage(
  texts: readonly string[],
  ownerId: string,
  context: Parameters<MessageCommand['execute']>[1],
): APIInteractionResponseCallbackData {
  const { t } = context;
  const found = createMentionFinder(context.dataset).find(texts.join('\n'));
  const topics = found.topics.length ? [t.topicsMentioned] : [];
  const buttons = topicButtons(found.topics, ownerId, t);
  if (!found.partners.length) return { content: [t.nothingFound, ...topics].join('\n'), components: buttons };
  return {
    content: [
      t.mentionsHeading(found.partners.length),
      ...found.partners.map((mention) => partnerLine(mention, t)),
      ...(topics.length ? ['', ...topics] : []),
    ].join('\n'),
    components: [
      openMenu(
        ownerId,
        found.partners.map((mention) => mention.partner),
        t,
      ),
      ...buttons,
    ],
  };
}

export const mentions = {
  key: 'mentions',
  data: {
    type: ApplicationCommandType.Message,
    ...registered('name', (t) => t.commands.mentions.name),
  },

  execute(interaction, context) {
    return reply(mentionsMessage(messageTexts(interaction), invokerId(interaction), context), {
      ephemeral: true,
    });
  },

  components: {
    /** A partner picked from the list: its card under the list, the menu kept to open the others. */
    open(click, context) {
      const chosen = context.dataset.partnerById.get(selectedValue(click) ?? '');
      if (!chosen) return notice(context.t.mentionsExpired);
      const listed = menuValues(click).flatMap((id) => context.dataset.partnerById.get(id) ?? []);
      const partners = listed.length ? listed : [chosen];
      // Rebuilt from the dataset: the clicked message is the client's copy, so its text is never copied.
      const content = [
        context.t.mentionsHeading(partners.length),
        ...partners.map((partner) => `• ${listedName(partner)}`),
      ].join('\n');
      return answerClick(click, {
        content,
        embeds: [partnerCard(chosen, context.dataset, context.t)],
        components: [
          openMenu(click.ownerId, partners, context.t),
          buttonRow(cardButtons(chosen, click.ownerId, context.t)),
        ],
      });
    },
    /** A focus area the message mentions: its card, privately, for whoever clicked (its menu is theirs). */
    topic(click, context) {
      const chosen = context.dataset.topicBySlug.get(click.args[0] ?? '');
      if (!chosen) return notice(context.t.mentionsExpired);
      return reply(topicMessage(chosen, invokerId(click.interaction), context), { ephemeral: true });
    },
  },
} satisfies MessageCommand;
