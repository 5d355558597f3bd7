import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import {
  agreementsInYearCard,
  lineCount,
  partnersOf,
  timelineCard,
  timelineYears,
  type YearGroup,
} from '../src/cards/agreement-cards.js';
import { cardButtons } from '../src/cards/card-buttons.js';
import { fitMessage } from '../src/cards/limits.js';
import { type ActionRow, button, buttonRow, partnerSelectRow } from '../src/cards/menus.js';
import { partnerCard } from '../src/cards/partner-card.js';
import { nearestYears } from '../src/data/agreements.js';
import { en, type Messages, registered } from '../src/i18n/index.js';
import { timelinePictureReply } from '../src/render/timeline-reply.js';
import { answerClick, selectedValue } from '../src/toolkit/click.js';
import type { BotContext, Command } from '../src/toolkit/command.js';
import { encodeCustomId } from '../src/toolkit/custom-id.js';
import { ApplicationCommandOptionType } from '../src/toolkit/discord-enums.js';
import { invokerId } from '../src/toolkit/invoker.js';
import { integerOption, stringOption } from '../src/toolkit/options.js';
import { notice, reply } from '../src/toolkit/replies.js';

const firstYear = 1950;
const lastYear = 2100;
/**
 * Lines (agreements and decisions) per timeline page: the 17 agreements and the decision fit on two in English.
 * A French line ("protocole d’accord, novembre 1996") takes two rows on a phone where the English "MOU" line
 * takes one, and the undated dog centres' lines three: French needs three pages (two would make the second
 * about 820 px tall).
 */
const linesPerPage = (t: Messages) => (t.locale === 'fr' ? 7 : 10);

/** A list view a card can go back to: one year, or one page of the timeline. Travels in custom_ids. */
type View = ['year', number] | ['page', number];

function viewFromArgs(args: readonly string[]): View | undefined {
  const [kind, raw] = args;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) return undefined;
  return kind === 'year' || kind === 'page' ? [kind, value] : undefined;
}

function openMenu(
  view: View,
  ownerId: string,
  partners: Parameters<typeof partnerSelectRow>[1],
  context: BotContext,
): ActionRow {
  return partnerSelectRow(encodeCustomId('mou', 'open', ownerId, ...view), partners, context.t.openCard);
}

function yearMessage(
  year: number,
  ownerId: string,
  context: BotContext,
): APIInteractionResponseCallbackData | string {
  const years = timelineYears(context.dataset);
  const group = years.find((g) => g.year === year);
  if (!group?.agreements.length) {
    const dated = years.flatMap((g) => (g.year !== null && g.agreements.length ? [g.year] : []));
    return context.t.noAgreementInYear(year, nearestYears(dated, year));
  }
  return {
    embeds: [agreementsInYearCard({ ...group, year }, context.dataset, context.t)],
    components: [openMenu(['year', year], ownerId, partnersOf([group]), context)],
  };
}

/**
 * The timeline's year groups cut into pages of about `linesPerPage` lines, a year never split; the undated
 * agreements never make a page of their own (they go on the last page instead).
 */
export function timelinePages(years: readonly YearGroup[], t: Messages = en): YearGroup[][] {
  const pages: YearGroup[][] = [];
  let lines = 0;
  for (const group of years) {
    const last = pages.at(-1);
    const count = lineCount(group);
    if (last && (lines + count <= linesPerPage(t) || group.year === null)) {
      last.push(group);
      lines += count;
    } else {
      pages.push([group]);
      lines = count;
    }
  }
  return pages.length ? pages : [[]];
}

function timelineMessage(
  requestedPage: number,
  ownerId: string,
  context: BotContext,
): APIInteractionResponseCallbackData {
  const years = timelineYears(context.dataset);
  const pages = timelinePages(years, context.t);
  const page = Math.min(Math.max(0, requestedPage), pages.length - 1);
  const shown = pages[page] ?? [];
  const { t } = context;
  const counts = {
    agreements: years.reduce((sum, group) => sum + group.agreements.length, 0),
    decisions: years.reduce((sum, group) => sum + group.decisions.length, 0),
  };
  const components: ActionRow[] = [openMenu(['page', page], ownerId, partnersOf(shown), context)];
  if (pages.length > 1) {
    components.push(
      buttonRow([
        button(encodeCustomId('mou', 'page', ownerId, page - 1), t.previous, page === 0),
        button(encodeCustomId('mou', 'page', ownerId, page + 1), t.next, page === pages.length - 1),
      ]),
    );
  }
  return {
    embeds: [timelineCard(shown, page, pages.length, counts, context.dataset, t)],
    components,
  };
}

function viewMessage(
  view: View,
  ownerId: string,
  context: BotContext,
): APIInteractionResponseCallbackData | string {
  return view[0] === 'year'
    ? yearMessage(view[1], ownerId, context)
    : timelineMessage(view[1], ownerId, context);
}

export const mou = {
  data: {
    ...registered('name', (t) => t.commands.mou.name),
    ...registered('description', (t) => t.commands.mou.description),
    options: [
      {
        type: ApplicationCommandOptionType.Integer,
        ...registered('name', (t) => t.commands.mou.yearName),
        ...registered('description', (t) => t.commands.mou.yearDescription),
        min_value: firstYear,
        max_value: lastYear,
      },
      {
        type: ApplicationCommandOptionType.String,
        ...registered('name', (t) => t.commands.mou.viewName),
        ...registered('description', (t) => t.commands.mou.viewDescription),
        choices: [
          { ...registered('name', (t) => t.commands.mou.list), value: 'list' },
          { ...registered('name', (t) => t.commands.mou.timeline), value: 'timeline' },
        ],
      },
    ],
  },

  execute(interaction, context) {
    const ownerId = invokerId(interaction);
    const year = integerOption(interaction.data.options, 'year');
    if (year === undefined && stringOption(interaction.data.options, 'view') === 'timeline')
      return timelinePictureReply(
        context.dataset,
        fitMessage(timelineMessage(0, ownerId, context)),
        context.t,
      );
    if (year === undefined) return reply(timelineMessage(0, ownerId, context));
    if (year < firstYear || year > lastYear) {
      return notice(context.t.yearOutOfRange(firstYear, lastYear));
    }
    const message = yearMessage(year, ownerId, context);
    return typeof message === 'string' ? notice(message) : reply(message);
  },

  components: {
    page(click, context) {
      const page = Number(click.args[0]);
      if (!Number.isSafeInteger(page)) return notice(context.t.mouExpired);
      return answerClick(click, timelineMessage(page, click.ownerId, context));
    },
    open(click, context) {
      const chosen = context.dataset.partnerById.get(selectedValue(click) ?? '');
      const view = viewFromArgs(click.args);
      if (!chosen || !view) return notice(context.t.mouMenuExpired);
      return answerClick(click, {
        embeds: [partnerCard(chosen, context.dataset, context.t)],
        components: [
          buttonRow([
            button(encodeCustomId('mou', 'back', click.ownerId, ...view), context.t.backToList),
            ...cardButtons(chosen, click.ownerId, context.t),
          ]),
        ],
      });
    },
    back(click, context) {
      const view = viewFromArgs(click.args);
      const message = view && viewMessage(view, click.ownerId, context);
      if (!message || typeof message === 'string') return notice(context.t.mouExpired);
      return answerClick(click, message);
    },
  },
} satisfies Command;
