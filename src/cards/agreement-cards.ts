import type { APIEmbed } from 'discord-api-types/v10';
import type { AgreementEntry } from '../data/agreements.js';
import type { Dataset } from '../data/dataset.js';
import { deepFreeze } from './limits.js';
import { agreementDate, counterpartOf, shortName } from './partner-card.js';
import { cardColours, listInWords, sourceFooterFor } from './style.js';

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
function agreementLine(group: readonly AgreementEntry[], dataset: Dataset, withDate: boolean): string {
  const [{ partner, agreement }] = group as [AgreementEntry];
  const counterpart = counterpartOf(partner, agreement);
  const who = counterpart ? `${shortName(partner)} (${counterpart})` : shortName(partner);
  const types = listInWords([...new Set(group.map((entry) => entry.agreement.type))]);
  const date = withDate || agreement.date !== null ? `, ${agreementDate(agreement)}` : '';
  const topics = topicLabels(group, dataset);
  return `• **${who}**: ${types}${date}${topics.length ? ` · ${topics.join(', ')}` : ''}`;
}

/** The lines for a list of agreements, one per partner and date. */
export function agreementLines(
  entries: readonly AgreementEntry[],
  dataset: Dataset,
  withDate = true,
): string {
  return sameDayGroups(entries)
    .map((group) => agreementLine(group, dataset, withDate))
    .join('\n');
}

/** The footer counts each agreement's sentence and the sentences its focus areas rest on. */
function footerOf(entries: readonly AgreementEntry[], dataset: Dataset): string {
  return sourceFooterFor(
    dataset.source.title,
    entries.flatMap(({ partner, agreement }) => [
      agreement.source,
      ...partner.focusAreas.filter((f) => agreement.topics.includes(f.topic)).map((f) => f.source),
    ]),
  );
}

export function yearTitle(year: number | null): string {
  return year === null ? 'Date not stated' : String(year);
}

const yearCards = new WeakMap<
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
): APIEmbed {
  const cached = yearCards.get(entries);
  if (cached?.year === year && cached.dataset === dataset) return cached.card;
  const card = deepFreeze(buildYearCard(year, entries, dataset));
  yearCards.set(entries, { year, dataset, card });
  return card;
}

function buildYearCard(year: number, entries: readonly AgreementEntry[], dataset: Dataset): APIEmbed {
  const count =
    entries.length === 1
      ? '1 agreement with a WCO partner'
      : `${entries.length} agreements with WCO partners`;
  return {
    title: `Agreements signed in ${year}`,
    description: `${count}:\n\n${agreementLines(entries, dataset)}`,
    color: cardColours.agreements,
    footer: { text: footerOf(entries, dataset) },
  };
}

export function timelineCard(
  groups: readonly (readonly [number | null, readonly AgreementEntry[]])[],
  page: number,
  pageCount: number,
  total: number,
  dataset: Dataset,
): APIEmbed {
  return {
    title: 'WCO agreements timeline',
    description: groups
      .map(([year, entries]) => `**${yearTitle(year)}**\n${agreementLines(entries, dataset, year !== null)}`)
      .join('\n\n'),
    color: cardColours.agreements,
    footer: {
      text: `Page ${page + 1} of ${pageCount} · ${total} agreements · ${footerOf(
        groups.flatMap(([, entries]) => entries),
        dataset,
      )}`,
    },
  };
}
