import type {
  APIInteractionResponseCallbackData,
  APIMessageApplicationCommandInteraction,
} from 'discord-api-types/v10';
import { cardButtons } from '../src/cards/card-buttons.js';
import { buttonRow, partnerSelectRow } from '../src/cards/menus.js';
import { markedName, partnerCard, shortName } from '../src/cards/partner-card.js';
import { quoteUserText } from '../src/cards/style.js';
import type { Partner } from '../src/data/schema.js';
import { menuValues, selectedValue } from '../src/interactions/click.js';
import type { MessageCommand } from '../src/interactions/command.js';
import { encodeCustomId } from '../src/interactions/custom-id.js';
import { ApplicationCommandType } from '../src/interactions/discord-enums.js';
import { invokerId } from '../src/interactions/invoker.js';
import { notice, reply, updateMessage } from '../src/interactions/replies.js';
import { mentionFinder, type PartnerMention, type TopicMention } from '../src/mentions/find-mentions.js';

/** The words quoted per partner as the reason it was found; more would only repeat the point. */
const maxEvidence = 3;
export const nothingFound = 'No WCO partner is mentioned in this message.';

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

function partnerLine({ partner, evidence }: PartnerMention): string {
  const why = evidence.slice(0, maxEvidence).map(({ words, kind, means }) => {
    const shown = kind === 'name' || kind === 'alias' || kind === 'acronym' ? kind : `${kind}: ${means}`;
    return `${quoted(words)} (${shown})`;
  });
  const full = partner.acronym && partner.acronym !== partner.name ? `: ${markedName(partner)}` : '';
  return `• **${shortName(partner)}**${full}, from ${why.join(', ')}`;
}

function topicsLine(topics: readonly TopicMention[]): string {
  const listed = topics.map(
    ({ topic, words }) => `${topic.label} (${words.slice(0, maxEvidence).map(quoted).join(', ')})`,
  );
  return `Focus areas mentioned: ${listed.join(' · ')}. See \`/topic area:${topics[0]?.topic.slug}\`.`;
}

function openMenu(ownerId: string, partners: readonly Partner[]) {
  return partnerSelectRow(encodeCustomId('mentions', 'open', ownerId), partners, 'Open a partner’s card');
}

/** The private answer: one line per partner found, why, and a menu to open each card. */
export function mentionsMessage(
  texts: readonly string[],
  ownerId: string,
  context: Parameters<MessageCommand['execute']>[1],
): APIInteractionResponseCallbackData {
  const finder = mentionFinder(context.dataset);
  const found = finder.find(texts.join('\n'));
  if (!found.partners.length) {
    return { content: [nothingFound, ...(found.topics.length ? [topicsLine(found.topics)] : [])].join('\n') };
  }
  const count = found.partners.length;
  return {
    content: [
      `**WCO partners in this message** (${count}):`,
      ...found.partners.map(partnerLine),
      ...(found.topics.length ? ['', topicsLine(found.topics)] : []),
    ].join('\n'),
    components: [
      openMenu(
        ownerId,
        found.partners.map((mention) => mention.partner),
      ),
    ],
  };
}

export const mentions = {
  key: 'mentions',
  data: {
    type: ApplicationCommandType.Message,
    name: 'WCO partners in this message',
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
      if (!chosen) return notice('That menu has expired. Use “WCO partners in this message” again.');
      const listed = menuValues(click).flatMap((id) => context.dataset.partnerById.get(id) ?? []);
      const content = click.interaction.message?.content;
      return updateMessage({
        content: typeof content === 'string' ? content : undefined,
        embeds: [partnerCard(chosen, context.dataset)],
        components: [
          openMenu(click.ownerId, listed.length ? listed : [chosen]),
          buttonRow(cardButtons(chosen, click.ownerId)),
        ],
      });
    },
  },
} satisfies MessageCommand;
