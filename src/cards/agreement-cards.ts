import type { APIEmbed } from 'discord-api-types/v10';
import type { AgreementEntry } from '../data/agreements.js';
import type { Dataset } from '../data/dataset.js';
import { en, type Messages, PerCatalogue } from '../i18n/index.js';
import { deepFreeze } from './limits.js';
import { agreementDate, counterpartOf, shortName } from './partner-card.js';
import { cardColours, sourceFooterFor } from './style.js';

/** The focus areas the agreements' own sentences name (see Agreement.topics), by label. */
function topicLabels(entries: readonly AgreementEntry[], dataset: Dataset): string[] {
  const slugs = new Set(entries.flatMap(({ agreement }) => agreement.topics));
  return [...slugs].map((slug) => dataset.topicBySlug.get(slug)?.label ?? slug);
}

/**
 * Entries of one partner with the same date and counterpart, as one line: Europol's Co-operation Agreement
 * and MOU, both "2002" in the source, read "Co-operation Agreement and MOU, 2002" (recorded in `corrections`).
 */
function sameDayGroups(entries: readonly AgreementEntry[]): AgreementEntry[][] {
  const groups = new Map<string, AgreementEntry[]>();
  for (const entry of entries) {
    const { partner, agreement } = entry;
    const key = `${partner.id}|${agreement.date}|${counterpartOf(partner, agreement) ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()];
}

/**
 * One compact line: partner, type, date (left out under the "Date not stated" heading, which says it), and
 * the focus areas its sentence names.
 */
function agreementLine(
  group: readonly AgreementEntry[],
  dataset: Dataset,
  withDate: boolean,
  t: Messages,
): string {
  const [{ partner, agreement }] = group as [AgreementEntry];
  const counterpart = counterpartOf(partner, agreement, t);
  const who = counterpart ? `${shortName(partner)} (${counterpart})` : shortName(partner);
  const types = t.listInWords([...new Set(group.map((entry) => entry.agreement.type))]);
  const date = withDate || agreement.date !== null ? `, ${agreementDate(agreement, t)}` : '';
  const topics = topicLabels(group, dataset);
  return `• ${t.colon(`**${who}**`, `${types}${date}${topics.length ? ` · ${topics.join(', ')}` : ''}`)}`;
}

/** The lines for a list of agreements, one per partner and date. */
export function agreementLines(
  entries: readonly AgreementEntry[],
  dataset: Dataset,
  withDate = true,
  t: Messages = en,
): string {
  return sameDayGroups(entries)
    .map((group) => agreementLine(group, dataset, withDate, t))
    .join('\n');
}

/** The footer counts each agreement's sentence and the sentences its focus areas rest on. */
function footerOf(entries: readonly AgreementEntry[], dataset: Dataset, t: Messages): string {
  return sourceFooterFor(
    dataset.source.title,
    entries.flatMap(({ partner, agreement }) => [
      agreement.source,
      ...partner.focusAreas.filter((f) => agreement.topics.includes(f.topic)).map((f) => f.source),
    ]),
    t,
  );
}

export function yearTitle(year: number | null, t: Messages = en): string {
  return year === null ? t.dateNotStated : String(year);
}

const yearCards = new PerCatalogue<
  readonly AgreementEntry[],
  { year: number; dataset: Dataset; card: APIEmbed }
>();

/**
 * The agreements of one year. Built once per list of entries (agreementsByYear gives the same lists every
 * time), then the same frozen card.
 */
export function agreementsInYearCard(
  year: number,
  entries: readonly AgreementEntry[],
  dataset: Dataset,
  t: Messages = en,
): APIEmbed {
  const cached = yearCards.of(t).get(entries);
  if (cached?.year === year && cached.dataset === dataset) return cached.card;
  const card = deepFreeze(buildYearCard(year, entries, dataset, t));
  yearCards.of(t).set(entries, { year, dataset, card });
  return card;
}

function buildYearCard(
  year: number,
  entries: readonly AgreementEntry[],
  dataset: Dataset,
  t: Messages,
): APIEmbed {
  // Europol's two 2002 agreements share one line: say how many partners as well, so the count matches.
  const partners = new Set(entries.map((entry) => entry.partner.id)).size;
  return {
    title: t.yearTitle(year),
    description: `${t.yearCount(entries.length, partners)}\n\n${agreementLines(entries, dataset, true, t)}`,
    color: cardColours.agreements,
    footer: { text: footerOf(entries, dataset, t) },
  };
}

export function timelineCard(
  groups: readonly (readonly [number | null, readonly AgreementEntry[]])[],
  page: number,
  pageCount: number,
  total: number,
  dataset: Dataset,
  t: Messages = en,
): APIEmbed {
  return {
    title: t.timelineTitle,
    description: groups
      .map(
        ([year, entries]) =>
          `**${yearTitle(year, t)}**\n${agreementLines(entries, dataset, year !== null, t)}`,
      )
      .join('\n\n'),
    color: cardColours.agreements,
    footer: {
      text: `${t.timelineFooter(page + 1, pageCount, total)} · ${footerOf(
        groups.flatMap(([, entries]) => entries),
        dataset,
        t,
      )}`,
    },
  };
}
