import type { Dataset } from './dataset.js';
import { yearOf } from './dates.js';
import type { Agreement, Milestone, Partner } from './schema.js';

export interface AgreementEntry {
  partner: Partner;
  agreement: Agreement;
}

/** Every agreement of every partner, oldest first; undated ones last. */
export function allAgreements(dataset: Dataset): AgreementEntry[] {
  const entries = dataset.partners.flatMap((partner) =>
    partner.agreements.map((agreement) => ({ partner, agreement })),
  );
  return entries.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

function sortKey({ agreement, partner }: AgreementEntry): string {
  return `${agreement.date ?? '9999'}|${partner.name}`;
}

/**
 * The most recently signed agreement (by its recorded date), for "latest agreement …" in /help: computed from the
 * data, never typed in. A date known to the year only sorts before the days of that year.
 */
export function latestAgreement(dataset: Dataset): AgreementEntry | undefined {
  return allAgreements(dataset)
    .filter((entry) => entry.agreement.date !== null)
    .at(-1);
}

export type AgreementsByYear = ReadonlyMap<number | null, readonly AgreementEntry[]>;

/** Agreements grouped by signing year, oldest year first; `null` holds the undated ones. */
export function agreementsByYear(dataset: Dataset): AgreementsByYear {
  return groupByYear(allAgreements(dataset));
}

/** Any list of agreements grouped as `agreementsByYear` groups them all (each year's in the timeline's order). */
export function groupByYear(entries: readonly AgreementEntry[]): AgreementsByYear {
  const groups = new Map<number | null, AgreementEntry[]>();
  for (const entry of [...entries].sort((a, b) => sortKey(a).localeCompare(sortKey(b)))) {
    const year = entry.agreement.date === null ? null : yearOf(entry.agreement.date);
    groups.set(year, [...(groups.get(year) ?? []), entry]);
  }
  return groups;
}

/** The years with agreements closest to `year` (both neighbours when they are equally near). */
export function nearestYears(years: readonly number[], year: number): number[] {
  if (!years.length) return [];
  const distance = Math.min(...years.map((candidate) => Math.abs(candidate - year)));
  return years.filter((candidate) => Math.abs(candidate - year) === distance).sort((a, b) => a - b);
}

/** A decision taken in support of the WCO (the OSCE Council Decision): drawn and listed beside the agreements. */
export interface DecisionEntry {
  partner: Partner;
  milestone: Milestone;
}

/** The label of such a milestone, in English or in French (fr.json translates the labels). */
const decisionPattern = /\b(?:Council Decision|Décision du Conseil)\b/u;

/** The milestones that are decisions in support of the WCO, oldest first. */
export function councilDecisions(dataset: Dataset): DecisionEntry[] {
  return dataset.partners
    .flatMap((partner) =>
      partner.milestones
        .filter((m) => decisionPattern.test(m.label))
        .map((milestone) => ({ partner, milestone })),
    )
    .sort((a, b) => a.milestone.date.localeCompare(b.milestone.date));
}
