import type { APIEmbed } from 'discord-api-types/v10';
import type { Dataset } from '../data/dataset.js';
import type { Partner } from '../data/schema.js';
import { en, type Messages } from '../i18n/index.js';
import { agreementDate, partnerTitle } from './partner-card.js';
import { cardColours, externalMark, withSourceLanguage } from './style.js';

/** Characters of quotes per page: well inside the 4,096 of a description and the 6,000 of a message. */
const pageBudget = 3600;

type FactKind = keyof Messages['factKinds'];

/** One sentence of the source, and what on the card rests on it, by kind of fact, in card order. */
interface SourceEntry {
  quote: string;
  supports: Map<FactKind, string[]>;
}

/** The sentences a partner's card rests on, each once, with every fact it supports, in card order. */
export function sourceEntries(partner: Partner, dataset: Dataset, t: Messages = en): SourceEntry[] {
  const facts: [FactKind, string, string][] = [
    ...partner.provenance.map((quote): [FactKind, string, string] => ['summary', '', quote]),
    ...partner.agreements.map((a): [FactKind, string, string] => [
      'agreement',
      `${t.agreementType(a.type)}, ${agreementDate(a, t)}`,
      a.source,
    ]),
    ...partner.milestones.map((m): [FactKind, string, string] => ['milestone', t.date(m.date), m.source]),
    ...partner.focusAreas.map((f): [FactKind, string, string] => [
      'focusArea',
      dataset.topicBySlug.get(f.topic)?.label ?? f.topic,
      f.source,
    ]),
    ...partner.programmes.map((p): [FactKind, string, string] => [
      'programme',
      p.acronym ?? p.name,
      p.source,
    ]),
    ...partner.relatedBodies.map((b): [FactKind, string, string] => [
      'relatedBody',
      b.acronym ?? b.name,
      b.source,
    ]),
    ...partner.locations.map((l): [FactKind, string, string] => ['location', l.place, l.source]),
  ];
  const byQuote = new Map<string, SourceEntry>();
  for (const [kind, fact, quote] of facts) {
    const entry = byQuote.get(quote) ?? { quote, supports: new Map() };
    const items = entry.supports.get(kind) ?? [];
    if (fact && !items.includes(fact)) items.push(fact);
    entry.supports.set(kind, items);
    byQuote.set(quote, entry);
  }
  return [...byQuote.values()];
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_`~|]/g, '\\$&');
}

/** "Summary · focus areas: Drugs, Cultural property": what a sentence supports, each kind named once. */
function supportsLine(entry: SourceEntry, t: Messages): string {
  return [...entry.supports]
    .map(([kind, items]) => {
      const [one, many] = t.factKinds[kind];
      return items.length ? t.colon(items.length > 1 ? many : one, items.join(', ')) : one;
    })
    .join(' · ');
}

/** The quote first, as the source wrote it; then, small, what on the card it supports. */
function renderEntry(entry: SourceEntry, t: Messages): string {
  return `> ${escapeMarkdown(entry.quote.replace(/\s+/g, ' '))}\n↳ *${escapeMarkdown(supportsLine(entry, t))}*`;
}

/** The rendered entries split into pages of at most `pageBudget` characters (an entry is never split). */
function pagesOf(entries: readonly SourceEntry[], t: Messages): string[] {
  const pages: string[] = [];
  let page = '';
  for (const text of entries.map((entry) => renderEntry(entry, t))) {
    const next = page ? `${page}\n\n${text}` : text;
    if (page && next.length > pageBudget) {
      pages.push(page);
      page = text;
    } else page = next;
  }
  if (page) pages.push(page);
  return pages.length ? pages : [''];
}

/** The facts on the card that are not in the source, marked † there. */
function externalFacts(partner: Partner, t: Messages): string {
  return partner.external
    .map((fact) => `${externalMark} ${t.colon(escapeMarkdown(fact.value), escapeMarkdown(fact.note))}`)
    .join('\n');
}

export interface SourcesPage {
  card: APIEmbed;
  page: number;
  pageCount: number;
}

/** One page of a partner's sources: the quoted sentences, and on the last page the facts marked †. */
export function sourcesCard(
  partner: Partner,
  dataset: Dataset,
  requestedPage: number,
  t: Messages = en,
): SourcesPage {
  const pages = pagesOf(sourceEntries(partner, dataset, t), t);
  const page = Math.min(Math.max(0, requestedPage), pages.length - 1);
  const external = externalFacts(partner, t);
  const last = page === pages.length - 1;
  return {
    page,
    pageCount: pages.length,
    card: {
      title: t.sourcesTitle(partnerTitle(partner)),
      description: pages[page],
      color: cardColours.partner,
      fields: last && external ? [{ name: `${externalMark} ${t.notInSource}`, value: external }] : [],
      footer: {
        text: withSourceLanguage(
          `${t.quotedFrom(dataset.source.title)}${pages.length > 1 ? ` · ${t.sourcesPage(page + 1, pages.length)}` : ''}`,
          t,
        ),
      },
    },
  };
}
