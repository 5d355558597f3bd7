import type {
  APIInteractionResponseCallbackData,
  APIMessageApplicationCommandInteraction,
} from 'discord-api-types/v10';
import { cardButtons } from '../src/cards/card-buttons.js';
import { buttonRow, partnerSelectRow } from '../src/cards/menus.js';
import { markedName, partnerCard, shortName } from '../src/cards/partner-card.js';
import { quoteUserText } from '../src/cards/style.js';
import type { Partner } from '../src/data/schema.js';
import { en, type Messages, registered } from '../src/i18n/index.js';
import { mentionFinder, type PartnerMention, type TopicMention } from '../src/mentions/find-mentions.js';
import { answerClick, menuValues, selectedValue } from '../src/toolkit/click.js';
import type { MessageCommand } from '../src/toolkit/command.js';
import { encodeCustomId } from '../src/toolkit/custom-id.js';
import { ApplicationCommandType } from '../src/toolkit/discord-enums.js';
import { invokerId } from '../src/toolkit/invoker.js';
import { notice, reply } from '../src/toolkit/replies.js';

/** The words quoted per partner as the reason it was found; more would only repeat the point. */
const maxEvidence = 3;
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

function quoted(words: string): string {
  return `“${quoteUserText(words, 60)}”`;
}

/** A partner's name as its line of the list shows it. */
function listedName(partner: Partner, t: Messages): string {
  const name = `**${shortName(partner)}**`;
  return partner.acronym && partner.acronym !== partner.name ? t.colon(name, markedName(partner)) : name;
}

function partnerLine({ partner, evidence }: PartnerMention, t: Messages): string {
  const why = evidence.slice(0, maxEvidence).map(({ words, kind, means }) => {
    const label = t.mentionKind[kind];
    const shown = kind === 'name' || kind === 'alias' || kind === 'acronym' ? label : t.colon(label, means);
    return `${quoted(words)} (${shown})`;
  });
  return `• ${listedName(partner, t)}, ${t.mentionedFrom(why.join(', '))}`;
}

function topicsLine(topics: readonly TopicMention[], t: Messages): string {
  const listed = topics.map(
    ({ topic, words }) => `${topic.label} (${words.slice(0, maxEvidence).map(quoted).join(', ')})`,
  );
  return t.topicsMentioned(listed.join(' · '), topics[0]?.topic.slug ?? '');
}

function openMenu(ownerId: string, partners: readonly Partner[], t: Messages) {
  return partnerSelectRow(encodeCustomId('mentions', 'open', ownerId), partners, t.openCard);
}

/** The private answer: one line per partner found, why, and a menu to open each card. */
export function mentionsMessage(
  texts: readonly string[],
  ownerId: string,
  context: Parameters<MessageCommand['execute']>[1],
): APIInteractionResponseCallbackData {
  const { t } = context;
  const finder = mentionFinder(context.dataset);
  const found = finder.find(texts.join('\n'));
  const topics = found.topics.length ? [topicsLine(found.topics, t)] : [];
  if (!found.partners.length) return { content: [t.nothingFound, ...topics].join('\n') };
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
        ...partners.map((partner) => `• ${listedName(partner, context.t)}`),
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
  },
} satisfies MessageCommand;
