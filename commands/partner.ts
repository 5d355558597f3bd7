import type {
  APIApplicationCommandOptionChoice,
  APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { cardButtons } from '../src/cards/card-buttons.js';
import { buttonRow, partnerSelectRow } from '../src/cards/menus.js';
import { partnerCard, shortName } from '../src/cards/partner-card.js';
import { quoteUserText } from '../src/cards/style.js';
import type { Partner } from '../src/data/schema.js';
import { registered } from '../src/i18n/index.js';
import type { PartnerHit } from '../src/search/types.js';
import { answerClick, selectedValue } from '../src/toolkit/click.js';
import type { BotContext, Command, ComponentClick } from '../src/toolkit/command.js';
import { encodeCustomId } from '../src/toolkit/custom-id.js';
import { ApplicationCommandOptionType, InteractionResponseType } from '../src/toolkit/discord-enums.js';
import { invokerId } from '../src/toolkit/invoker.js';
import { booleanOption, focusedOption, stringOption } from '../src/toolkit/options.js';
import { notice, reply } from '../src/toolkit/replies.js';

/** Other hits whose score is within this distance of the best one are offered as "Other matches". */
const closeMatchMargin = 0.15;
const maxOtherMatches = 5;

/** The card, plus an "Other matches" menu when the search was not clear-cut, and why a subject search matched. */
export function partnerMessage(
  partner: Partner,
  others: readonly Partner[],
  ownerId: string,
  context: BotContext,
  matchedText?: string,
): APIInteractionResponseCallbackData {
  return {
    ...(matchedText ? { content: context.t.matched(matchedText) } : {}),
    embeds: [partnerCard(partner, context.dataset, context.t)],
    components: [
      ...(others.length
        ? [partnerSelectRow(encodeCustomId('partner', 'open', ownerId), others, context.t.otherMatches)]
        : []),
      buttonRow(cardButtons(partner, ownerId, context.t)),
    ],
  };
}

function closeMatches(hits: readonly PartnerHit[]): Partner[] {
  const [best, ...rest] = hits;
  if (!best) return [];
  return rest
    .filter((hit) => (best.exact ? hit.exact : hit.score - best.score <= closeMatchMargin))
    .slice(0, maxOtherMatches)
    .map((hit) => hit.partner);
}

/** The partners offered by the select menu the click came from (read defensively: it is the client's copy). */
function menuPartners(click: ComponentClick, context: BotContext): Partner[] {
  const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const field = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  const values = asList(click.interaction.message?.components)
    .flatMap((row) => asList(field(row, 'components')))
    .filter((component) => field(component, 'custom_id') === click.interaction.data.custom_id)
    .flatMap((component) => asList(field(component, 'options')).map((option) => field(option, 'value')));
  return values.flatMap((value) => {
    const found = typeof value === 'string' ? context.dataset.partnerById.get(value) : undefined;
    return found ? [found] : [];
  });
}

/** A partner as an autocomplete choice: "INTERPOL: International Criminal Police Organization". */
function partnerChoice(partner: Partner): APIApplicationCommandOptionChoice<string> {
  const name =
    partner.acronym && partner.acronym !== partner.name
      ? `${partner.acronym}: ${partner.name}`
      : partner.name;
  return { name, value: partner.id };
}

export const partner = {
  data: {
    ...registered('name', (t) => t.commands.partner.name),
    ...registered('description', (t) => t.commands.partner.description),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        ...registered('name', (t) => t.commands.partner.whoName),
        ...registered('description', (t) => t.commands.partner.whoDescription),
        required: true,
        autocomplete: true,
        max_length: 100,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        ...registered('name', (t) => t.commands.partner.privateName),
        ...registered('description', (t) => t.commands.partner.privateDescription),
      },
    ],
  },

  execute(interaction, context) {
    const options = interaction.data.options;
    const who = stringOption(options, 'who')?.trim() ?? '';
    const ephemeral = booleanOption(options, 'private') ?? false;
    const ownerId = invokerId(interaction);
    const { t } = context;
    if (!who) return notice(t.noPartnerGiven);

    const byId = context.dataset.partnerById.get(who);
    if (byId) return reply(partnerMessage(byId, [], ownerId, context), { ephemeral });

    const hits = context.partnerSearch.search(who, maxOtherMatches + 1);
    const best = hits[0];
    if (best) {
      const message = partnerMessage(best.partner, closeMatches(hits), ownerId, context, best.matchedText);
      return reply(message, { ephemeral });
    }

    const suggestions = context.partnerSearch.suggest(who, 5).map((hit) => hit.partner);
    const didYouMean = suggestions.length
      ? t.didYouMean(suggestions.map((p) => `**${shortName(p)}**`).join(', '))
      : t.tryAName;
    return reply(
      {
        content: `${t.noPartner(quoteUserText(who))}${didYouMean}`,
        components: suggestions.length
          ? [partnerSelectRow(encodeCustomId('partner', 'open', ownerId), suggestions, t.didYouMeanMenu)]
          : [],
      },
      { ephemeral: true },
    );
  },

  autocomplete(interaction, context) {
    const typed = focusedOption(interaction.data.options)?.value ?? '';
    const choices = context.partnerSearch.autocomplete(typed).map(({ partner }) => partnerChoice(partner));
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } };
  },

  components: {
    /**
     * The card of the partner an answer of /ask names (its "🪪" button), as a message of its own that only the
     * clicker sees: the answer stays where it was, for everyone, and the card's buttons are the clicker's.
     */
    card(click, context) {
      const chosen = context.dataset.partnerById.get(click.args[0] ?? '');
      if (!chosen) return notice(context.t.partnerGone);
      const clicker = invokerId(click.interaction);
      return reply(partnerMessage(chosen, [], clicker, context), { ephemeral: true });
    },
    /** A partner picked from "Other matches" or "Did you mean": show its card. */
    open(click, context) {
      const chosen = context.dataset.partnerById.get(selectedValue(click) ?? '');
      if (!chosen) return notice(context.t.partnerGone);
      // Keep offering the other matches of the menu the click came from, so the reader can keep comparing.
      const others = menuPartners(click, context).filter((partner) => partner.id !== chosen.id);
      return answerClick(click, partnerMessage(chosen, others, click.ownerId, context));
    },
  },
} satisfies Command;
