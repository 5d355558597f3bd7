import type { APIEmbed } from 'discord-api-types/v10';
import type { Dataset } from '../data/dataset.js';
import type { Partner } from '../data/schema.js';
import { en, type Messages } from '../i18n/index.js';
import { agreementDate, partnerTitle } from './partner-card.js';
import { cardColours, externalMark, withSourceLanguage } from './style.js';

/** Characters of quotes per page: well inside the 4,096 of a description and the 6,000 of a message. */
const pageBudget = 3600;

/** One sentence of the source, and what on the card rests on it. */
interface SourceEntry {
  quote: string;
  supports: string[];
}

/** The sentences a partner's card rests on, each once, with every fact it supports, in card order. */
export function sourceEntries(partner: Partner, dataset: Dataset, t: Messages = en): SourceEntry[] {
  const facts: [string, string][] = [
    ...partner.provenance.map((quote): [string, string] => [t.summary, quote]),
    ...partner.agreements.map((a): [string, string] => [`${a.type}, ${agreementDate(a, t)}`, a.source]),
    ...partner.milestones.map((m): [string, string] => [t.colon(t.date(m.date), m.label), m.source]),
    ...partner.focusAreas.map((f): [string, string] => [
      t.colon(t.focusArea, dataset.topicBySlug.get(f.topic)?.label ?? f.topic),
      f.source,
    ]),
    ...partner.programmes.map((p): [string, string] => [t.colon(t.programme, p.name), p.source]),
    ...partner.relatedBodies.map((b): [string, string] => [t.colon(t.relatedBody, b.name), b.source]),
    ...partner.locations.map((l): [string, string] => [t.colon(t.location, l.place), l.source]),
  ];
  const byQuote = new Map<string, SourceEntry>();
  for (const [fact, quote] of facts) {
    const entry = byQuote.get(quote) ?? { quote, supports: [] };
    if (!entry.supports.includes(fact)) entry.supports.push(fact);
    byQuote.set(quote, entry);
  }
  return [...byQuote.values()];
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_`~|]/g, '\\$&');
}

function renderEntry(entry: SourceEntry): string {
  return `**${escapeMarkdown(entry.supports.join(' · '))}**\n> ${escapeMarkdown(entry.quote.replace(/\s+/g, ' '))}`;
}

/** The rendered entries split into pages of at most `pageBudget` characters (an entry is never split). */
function pagesOf(entries: readonly SourceEntry[]): string[] {
  const pages: string[] = [];
  let page = '';
  for (const text of entries.map(renderEntry)) {
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
  const pages = pagesOf(sourceEntries(partner, dataset, t));
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
