import type { APIEmbed } from 'discord-api-types/v10';
import {
  type AgreementEntry,
  agreementsByYear,
  councilDecisions,
  type DecisionEntry,
} from '../data/agreements.js';
import type { Dataset } from '../data/dataset.js';
import { yearOf } from '../data/dates.js';
import type { Partner } from '../data/schema.js';
import { en, type Messages } from '../i18n/index.js';
import { agreementDate, counterpartOf, shortName } from './partner-card.js';
import { cardColours, sourceFooter } from './style.js';

/** One year of the timeline (`null`: the agreements whose date the source does not state). */
export interface YearGroup {
  year: number | null;
  agreements: readonly AgreementEntry[];
  /** Decisions in support of the WCO that year (the OSCE Council Decision), as the picture shows them. */
  decisions: readonly DecisionEntry[];
}

/** Every year with an agreement or a decision, oldest first, the undated agreements last. */
export function timelineYears(dataset: Dataset): YearGroup[] {
  const groups = new Map<number | null, YearGroup>();
  for (const [year, agreements] of agreementsByYear(dataset))
    groups.set(year, { year, agreements, decisions: [] });
  for (const decision of councilDecisions(dataset)) {
    const year = yearOf(decision.milestone.date);
    const group = groups.get(year) ?? { year, agreements: [], decisions: [] };
    groups.set(year, { ...group, decisions: [...group.decisions, decision] });
  }
  return [...groups.values()].sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
}

/** The partners a list of year groups names, in order, for the "open a card" menu. */
export function partnersOf(groups: readonly YearGroup[]): Partner[] {
  return groups.flatMap((group) => [
    ...group.agreements.map((entry) => entry.partner),
    ...group.decisions.map((entry) => entry.partner),
  ]);
}

/**
 * Entries of one partner with the same date and counterpart, as one line: Europol's Co-operation Agreement
 * and MOU, both "2002" in the source, read "Co-operation Agreement and MOU" under 2002 (recorded in `corrections`).
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

/** The focus areas the agreements' own sentences name (see Agreement.topics), by label. */
function topicLabels(entries: readonly AgreementEntry[], dataset: Dataset): string[] {
  const slugs = new Set(entries.flatMap(({ agreement }) => agreement.topics));
  return [...slugs].map((slug) => dataset.topicBySlug.get(slug)?.label ?? slug);
}

/**
 * One line: partner, type and date ("• **UNODC**: MOU, November 1996", "• **CITES**: MOU" under 1996); the
 * date is left out under the "Date not stated" heading, which says it. `dataset` given: the focus areas the agreement's sentence names, labelled
 * as such so they do not read as part of the agreement's name.
 */
function agreementLine(group: readonly AgreementEntry[], t: Messages, dataset?: Dataset): string {
  const [{ partner, agreement }] = group as [AgreementEntry];
  const counterpart = counterpartOf(partner, agreement, t);
  const who = counterpart ? `${shortName(partner)} (${counterpart})` : shortName(partner);
  const types = t.listInWords([...new Set(group.map((entry) => t.agreementType(entry.agreement.type)))]);
  // A date of a year alone says only the year its heading or title already gives.
  const date = agreement.date !== null && agreement.date.length > 4 ? `, ${agreementDate(agreement, t)}` : '';
  const topics = dataset ? topicLabels(group, dataset) : [];
  return `• ${t.colon(`**${who}**`, `${types}${date}${topics.length ? ` ${t.agreementTopics(topics)}` : ''}`)}`;
}

function decisionLine({ partner, milestone }: DecisionEntry, t: Messages): string {
  return `• ${t.colon(`**${shortName(partner)}**`, `${t.councilDecision}, ${t.date(milestone.date)}`)}`;
}

/** The lines of one year: its agreements, one per partner and date, then its decisions. */
function yearLines(group: YearGroup, t: Messages, dataset?: Dataset): string[] {
  return [
    ...sameDayGroups(group.agreements).map((entries) => agreementLine(entries, t, dataset)),
    ...group.decisions.map((decision) => decisionLine(decision, t)),
  ];
}

/** How many lines a year takes in the timeline list (its heading not counted). */
export function lineCount(group: YearGroup): number {
  return sameDayGroups(group.agreements).length + group.decisions.length;
}

export function yearTitle(year: number | null, t: Messages = en): string {
  return year === null ? t.dateNotStated : String(year);
}

/** The agreements (and decisions) of one year, each with the focus areas its sentence names. */
export function agreementsInYearCard(
  group: YearGroup & { year: number },
  dataset: Dataset,
  t: Messages = en,
): APIEmbed {
  return {
    title: group.decisions.length ? t.yearTitleWithDecisions(group.year) : t.yearTitle(group.year),
    description: yearLines(group, t, dataset).join('\n'),
    color: cardColours.agreements,
    footer: { text: sourceFooter(dataset.source.title, t) },
  };
}

export function timelineCard(
  groups: readonly YearGroup[],
  page: number,
  pageCount: number,
  counts: { agreements: number; decisions: number },
  dataset: Dataset,
  t: Messages = en,
): APIEmbed {
  return {
    title: t.timelineTitle,
    description: groups
      // Bold year headings keep the years apart without a blank line each (a phone screen is short).
      .map((group) => `**${yearTitle(group.year, t)}**\n${yearLines(group, t).join('\n')}`)
      .join('\n'),
    color: cardColours.agreements,
    footer: {
      text: `${t.timelineFooter(page + 1, pageCount, counts.agreements, counts.decisions)}\n${sourceFooter(dataset.source.title, t)}`,
    },
  };
}
