import type { APIEmbed, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { agreementsInYearCard, timelineCard } from '../src/cards/agreement-cards.js';
import { cardButtons } from '../src/cards/card-buttons.js';
import { deepFreeze, fitMessage } from '../src/cards/limits.js';
import { type ActionRow, button, buttonRow, partnerSelectRow } from '../src/cards/menus.js';
import { partnerCard } from '../src/cards/partner-card.js';
import { type AgreementEntry, agreementsByYear, nearestYears } from '../src/data/agreements.js';
import type { Dataset } from '../src/data/dataset.js';
import type { Partner } from '../src/data/schema.js';
import { registered } from '../src/i18n/index.js';
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
/** Year groups per timeline page. */
const yearsPerPage = 5;

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
  const groups = agreementsByYear(context.dataset);
  const entries = groups.get(year);
  if (!entries) {
    const years = [...groups.keys()].filter((y): y is number => y !== null);
    const nearest = nearestYears(years, year);
    return context.t.noAgreementInYear(year, nearest);
  }
  return {
    embeds: [agreementsInYearCard(year, entries, context.dataset, context.t)],
    components: [
      openMenu(
        ['year', year],
        ownerId,
        entries.map((e) => e.partner),
        context,
      ),
    ],
  };
}

/** The timeline of a dataset (which never changes): its year groups, and each page once it is built. */
interface Timeline {
  groups: readonly (readonly [number | null, readonly AgreementEntry[]])[];
  pageCount: number;
  total: number;
  /** Built pages by language and page number ("fr:0"). */
  pages: Map<string, { card: APIEmbed; partners: readonly Partner[] }>;
}
const timelines = new WeakMap<Dataset, Timeline>();

function timelineOf(dataset: Dataset): Timeline {
  let timeline = timelines.get(dataset);
  if (!timeline) {
    const groups = [...agreementsByYear(dataset)];
    timeline = {
      groups,
      pageCount: Math.max(1, Math.ceil(groups.length / yearsPerPage)),
      total: groups.reduce((sum, [, entries]) => sum + entries.length, 0),
      pages: new Map(),
    };
    timelines.set(dataset, timeline);
  }
  return timeline;
}

function timelineMessage(
  requestedPage: number,
  ownerId: string,
  context: BotContext,
): APIInteractionResponseCallbackData {
  const timeline = timelineOf(context.dataset);
  const { pageCount } = timeline;
  const page = Math.min(Math.max(0, requestedPage), pageCount - 1);
  const { t } = context;
  const key = `${t.locale}:${page}`;
  let built = timeline.pages.get(key);
  if (!built) {
    const shown = timeline.groups.slice(page * yearsPerPage, (page + 1) * yearsPerPage);
    built = {
      card: deepFreeze(timelineCard(shown, page, pageCount, timeline.total, context.dataset, t)),
      partners: Object.freeze(shown.flatMap(([, entries]) => entries.map((entry) => entry.partner))),
    };
    timeline.pages.set(key, built);
  }
  const components: ActionRow[] = [openMenu(['page', page], ownerId, built.partners, context)];
  if (pageCount > 1) {
    components.push(
      buttonRow([
        button(encodeCustomId('mou', 'page', ownerId, page - 1), t.previous, page === 0),
        button(encodeCustomId('mou', 'page', ownerId, page + 1), t.next, page === pageCount - 1),
      ]),
    );
  }
  return { embeds: [built.card], components };
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
