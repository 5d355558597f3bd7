import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { cardButtons } from '../src/cards/card-buttons.js';
import { button, buttonRow, partnerSelectRow } from '../src/cards/menus.js';
import { shortName } from '../src/cards/partner-card.js';
import { partnersInTopic, topicCard } from '../src/cards/topic-card.js';
import { registered } from '../src/i18n/index.js';
import { type Answer, answerQuestion } from '../src/questions/index.js';
import type { BotContext, Command } from '../src/toolkit/command.js';
import { encodeCustomId } from '../src/toolkit/custom-id.js';
import { ApplicationCommandOptionType } from '../src/toolkit/discord-enums.js';
import { invokerId } from '../src/toolkit/invoker.js';
import { stringOption } from '../src/toolkit/options.js';
import { notice, reply } from '../src/toolkit/replies.js';

/**
 * What backs an answer, under it, so that answer and backing fit one phone screen: one focus area's card
 * (the answer names its partners), with a menu that opens a partner's card; for one partner or two compared, a
 * button that opens each one's card and its 📑 Sources; for a list of agreements or partners (of two areas too),
 * which the answer already lists, a menu that opens a partner's card. A partner card under the answer would not fit.
 */
function backing(answer: Answer, ownerId: string, context: BotContext): APIInteractionResponseCallbackData {
  const { dataset, t } = context;
  const { partners, topics } = answer;
  const [topic, ...others] = topics;
  if (topic && !others.length) {
    return {
      embeds: [topicCard(topic, partnersInTopic(topic, dataset), dataset, t)],
      components: [
        partnerSelectRow(encodeCustomId('topic', 'open', ownerId, topic.slug), partners, t.openCard),
      ],
    };
  }
  if (partners.length === 1 || answer.kind === 'compare') {
    const shown = partners.slice(0, 2);
    const buttons = shown.flatMap((partner) => [
      button(encodeCustomId('partner', 'card', ownerId, partner.id), t.ask.cardOf(shortName(partner))),
      ...cardButtons(partner, ownerId, t).map((sources) =>
        shown.length > 1 ? { ...sources, label: t.ask.sourcesOf(shortName(partner)) } : sources,
      ),
    ]);
    return { components: [buttonRow(buttons)] };
  }
  return {
    components: partners.length
      ? [partnerSelectRow(encodeCustomId('partner', 'open', ownerId), partners, t.openCard)]
      : [],
  };
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
