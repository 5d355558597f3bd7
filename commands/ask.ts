import type { APIEmbed, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { timelineCard } from '../src/cards/agreement-cards.js';
import { cardButtons } from '../src/cards/card-buttons.js';
import { type ActionRow, buttonRow, partnerSelectRow } from '../src/cards/menus.js';
import { partnerCard, shortName } from '../src/cards/partner-card.js';
import { partnersInTopic, topicCard } from '../src/cards/topic-card.js';
import { groupByYear } from '../src/data/agreements.js';
import { registered } from '../src/i18n/index.js';
import { type Answer, answerQuestion } from '../src/questions/index.js';
import type { BotContext, Command } from '../src/toolkit/command.js';
import { encodeCustomId } from '../src/toolkit/custom-id.js';
import { ApplicationCommandOptionType } from '../src/toolkit/discord-enums.js';
import { invokerId } from '../src/toolkit/invoker.js';
import { stringOption } from '../src/toolkit/options.js';
import { notice, reply } from '../src/toolkit/replies.js';

/**
 * What backs an answer, from the cards the other commands show: one partner's card with its 📑 Sources
 * button; two partners' cards (a comparison); a focus area's card or a list of agreements, each with a menu
 * that opens a partner's card (handled by /topic's and /partner's menus); or a menu of partners.
 */
function backing(answer: Answer, ownerId: string, context: BotContext): APIInteractionResponseCallbackData {
  const { dataset, t } = context;
  const { partners, topics, agreements } = answer;
  const openMenu = (): ActionRow[] =>
    partners.length
      ? [partnerSelectRow(encodeCustomId('partner', 'open', ownerId), partners, t.openCard)]
      : [];
  const [topic] = topics;
  if (topic) {
    return {
      embeds: topics.slice(0, 2).map((area) => topicCard(area, partnersInTopic(area, dataset), dataset, t)),
      components: [
        partnerSelectRow(encodeCustomId('topic', 'open', ownerId, topic.slug), partners, t.openCard),
      ],
    };
  }
  if (agreements?.length) {
    const groups = [...groupByYear(agreements)].map(([year, entries]) => ({
      year,
      agreements: entries,
      decisions: [],
    }));
    const card: APIEmbed = timelineCard(
      groups,
      0,
      1,
      { agreements: agreements.length, decisions: 0 },
      dataset,
      t,
    );
    return { embeds: [card], components: openMenu() };
  }
  if (partners.length === 1 || answer.kind === 'compare') {
    const shown = partners.slice(0, 2);
    const sources = shown.flatMap((partner) =>
      cardButtons(partner, ownerId, t).map((button) =>
        shown.length > 1 ? { ...button, label: t.ask.sourcesOf(shortName(partner)) } : button,
      ),
    );
    return {
      embeds: shown.map((partner) => partnerCard(partner, dataset, t)),
      components: [buttonRow(sources)],
    };
  }
  return { components: openMenu() };
}

export const ask = {
  data: {
    ...registered('name', (t) => t.ask.command.name),
    ...registered('description', (t) => t.ask.command.description),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        ...registered('name', (t) => t.ask.command.questionName),
        ...registered('description', (t) => t.ask.command.questionDescription),
        required: true,
        max_length: 200,
      },
    ],
  },

  execute(interaction, context) {
    const { t } = context;
    const question = stringOption(interaction.data.options, 'question')?.trim() ?? '';
    if (!question) return notice(t.ask.howToAsk(t.askExamples));
    const answer = answerQuestion(question, context.questions(), t.locale === 'fr' ? 'fr' : 'en');
    if (answer.kind === 'howToAsk') return notice(answer.text);
    return reply({ content: answer.text, ...backing(answer, invokerId(interaction), context) });
  },
} satisfies Command;
