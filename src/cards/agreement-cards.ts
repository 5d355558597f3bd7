import type { APIEmbed } from 'discord-api-types/v10';
import type { AgreementEntry } from '../data/agreements.js';
import type { Dataset } from '../data/dataset.js';
import { deepFreeze } from './limits.js';
import { agreementDate, shortName } from './partner-card.js';
import { cardColours, sourceFooter } from './style.js';

const maxTopicsPerLine = 3;

function topicLabels(entry: AgreementEntry, dataset: Dataset): string {
  const labels = [
    ...new Set(entry.partner.focusAreas.map((f) => dataset.topicBySlug.get(f.topic)?.label ?? f.topic)),
  ];
  const shown = labels.slice(0, maxTopicsPerLine).join(', ');
  return labels.length > maxTopicsPerLine ? `${shown} +${labels.length - maxTopicsPerLine}` : shown;
}

/** One compact line: partner, type, date, focus areas. */
export function agreementLine(entry: AgreementEntry, dataset: Dataset): string {
  const { partner, agreement } = entry;
  const counterpart = agreement.parties.filter((party) => !party.startsWith('WCO')).join(', ');
  const name = shortName(partner);
  // Name the counterpart only where it is not simply the partner (the dog-training MOUs name each country).
  const who = counterpart && !counterpart.startsWith(name) ? `${name} (${counterpart})` : name;
  return `• **${who}**: ${agreement.type}, ${agreementDate(agreement)} · ${topicLabels(entry, dataset)}`;
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
  const count = entries.length === 1 ? '1 agreement' : `${entries.length} agreements`;
  return {
    title: `Agreements signed in ${year}`,
    description: `${count} with WCO partners:\n\n${entries.map((entry) => agreementLine(entry, dataset)).join('\n')}`,
    color: cardColours.agreements,
    footer: { text: sourceFooter },
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
      .map(
        ([year, entries]) =>
          `**${yearTitle(year)}**\n${entries.map((e) => agreementLine(e, dataset)).join('\n')}`,
      )
      .join('\n\n'),
    color: cardColours.agreements,
    footer: { text: `Page ${page + 1} of ${pageCount} · ${total} agreements · ${sourceFooter}` },
  };
}
