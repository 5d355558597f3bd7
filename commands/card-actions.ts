import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { cardActionsKey, cardButtons } from '../src/cards/card-buttons.js';
import { button, buttonRow } from '../src/cards/menus.js';
import { partnerCard } from '../src/cards/partner-card.js';
import { sourcesCard } from '../src/cards/sources-card.js';
import type { Partner } from '../src/data/schema.js';
import { answerClick } from '../src/toolkit/click.js';
import type { BotContext, ComponentHandlers } from '../src/toolkit/command.js';
import { encodeCustomId } from '../src/toolkit/custom-id.js';
import { invokerId } from '../src/toolkit/invoker.js';
import { notice, reply } from '../src/toolkit/replies.js';

function sourcesMessage(
  partner: Partner,
  page: number,
  clickerId: string,
  context: BotContext,
): APIInteractionResponseCallbackData {
  const { t } = context;
  const shown = sourcesCard(partner, context.dataset, page, t);
  const pageButton = (to: number, label: string, disabled: boolean) =>
    button(encodeCustomId(cardActionsKey, 'sources-page', clickerId, partner.id, to), label, disabled);
  return {
    embeds: [shown.card],
    components:
      shown.pageCount > 1
        ? [
            buttonRow([
              pageButton(shown.page - 1, t.previous, shown.page === 0),
              pageButton(shown.page + 1, t.next, shown.page === shown.pageCount - 1),
            ]),
          ]
        : [],
  };
}

/** The buttons every partner card carries, whichever command showed it: Sources, and Share on private copies. */
export const cardActions: { key: string; components: ComponentHandlers } = {
  key: cardActionsKey,
  components: {
    /** The sentences the card rests on, privately, for whoever clicked. */
    sources(click, context) {
      const partner = context.dataset.partnerById.get(click.args[0] ?? '');
      if (!partner) return notice(context.t.cardExpired);
      return reply(sourcesMessage(partner, 0, invokerId(click.interaction), context), { ephemeral: true });
    },
    'sources-page'(click, context) {
      const partner = context.dataset.partnerById.get(click.args[0] ?? '');
      const page = Number(click.args[1]);
      if (!partner || !Number.isSafeInteger(page)) return notice(context.t.cardExpired);
      return answerClick(click, sourcesMessage(partner, page, click.ownerId, context));
    },
    /** The same card posted in the channel for everyone, naming who shared it (a mention that pings no one). */
    share(click, context) {
      const partner = context.dataset.partnerById.get(click.args[0] ?? '');
      if (!partner) return notice(context.t.cardExpired);
      const sharer = invokerId(click.interaction);
      return reply({
        content: context.t.sharedBy(sharer),
        embeds: [partnerCard(partner, context.dataset, context.t)],
        components: [buttonRow(cardButtons(partner, sharer, context.t))],
      });
    },
  },
};
