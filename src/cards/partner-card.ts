import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Dataset } from '../data/dataset.js';
import type { Agreement, Partner } from '../data/schema.js';
import { en, type Messages, PerCatalogue } from '../i18n/index.js';
import { deepFreeze } from './limits.js';
import { cardColours, externalFooter, externalMark, sourceFooterFor } from './style.js';

/** "INTERPOL" for menus and lists: the acronym where there is one, else the name. */
export function shortName(partner: Partner): string {
  return partner.acronym ?? partner.name;
}

function isExternal(partner: Partner, field: 'name' | 'aliases' | 'relatedBodies', value: string): boolean {
  return partner.external.some((fact) => fact.field === field && fact.value === value);
}

function mark(partner: Partner, field: 'name' | 'aliases' | 'relatedBodies', value: string): string {
  return isExternal(partner, field, value) ? `${value}${externalMark}` : value;
}

/** The partner's name, with † when it is not stated in the source (menus and cards alike). */
export function markedName(partner: Partner): string {
  return mark(partner, 'name', partner.name);
}

export function partnerTitle(partner: Partner): string {
  const name = markedName(partner);
  // "SECI Center", not "SECI Center (SECI)": the name already shows the acronym.
  const shown = partner.acronym && !partner.name.split(/\s+/).includes(partner.acronym);
  return shown ? `${name} (${partner.acronym})` : name;
}

export function agreementDate(agreement: Agreement, t: Messages = en): string {
  return t.date(agreement.date);
}

/**
 * Who signed with the WCO, where that is not simply the partner itself ("WCO and UNODC", "the two
 * Secretariats"): the dog-training MOUs name each country's Customs.
 */
export function counterpartOf(partner: Partner, agreement: Agreement, t: Messages = en): string | undefined {
  const others = agreement.parties.filter((party) => !party.startsWith('WCO'));
  const own = [partner.acronym, partner.name].filter((name): name is string => Boolean(name));
  const counterpart = t.listInWords(others.map((party) => mark(partner, 'relatedBodies', party)));
  return counterpart && !own.some((name) => counterpart.startsWith(name)) ? counterpart : undefined;
}

function agreementItem(partner: Partner, agreement: Agreement, t: Messages): string {
  const counterpart = counterpartOf(partner, agreement, t);
  const date = agreementDate(agreement, t);
  const what = counterpart ? t.agreementWith(agreement.type, counterpart) : agreement.type;
  // Date first, as milestones are written: "25 March 2005: MOU".
  return t.colon(`${date.charAt(0).toUpperCase()}${date.slice(1)}`, what);
}

function bulletList(lines: readonly string[]): string {
  return lines.map((line) => `• ${line}`).join('\n');
}

const partnerCards = new PerCatalogue<Partner, { dataset: Dataset; card: APIEmbed }>();

/**
 * The full card for one partner: everything the dataset knows, each part from the source. A pure function
 * of the (never modified) dataset, so each card is built once and the same frozen object is returned after.
 */
export function partnerCard(partner: Partner, dataset: Dataset, t: Messages = en): APIEmbed {
  const cached = partnerCards.of(t).get(partner);
  if (cached?.dataset === dataset) return cached.card;
  const card = deepFreeze(buildPartnerCard(partner, dataset, t));
  partnerCards.of(t).set(partner, { dataset, card });
  return card;
}

function buildPartnerCard(partner: Partner, dataset: Dataset, t: Messages): APIEmbed {
  const fields: APIEmbedField[] = [
    {
      name: t.agreementsField,
      value: partner.agreements.length
        ? bulletList(partner.agreements.map((agreement) => agreementItem(partner, agreement, t)))
        : t.noAgreement,
    },
  ];

  if (partner.milestones.length) {
    fields.push({
      name: t.milestonesField,
      value: bulletList(partner.milestones.map((m) => t.colon(t.date(m.date), m.label))),
    });
  }
  const topics = partner.focusAreas.map(
    (focus) => dataset.topicBySlug.get(focus.topic)?.label ?? focus.topic,
  );
  fields.push({ name: t.focusAreasField, value: [...new Set(topics)].join(' · ') });
  if (partner.programmes.length) {
    fields.push({
      name: t.programmesField,
      value: bulletList(partner.programmes.map((p) => (p.acronym ? `${p.name} (${p.acronym})` : p.name))),
    });
  }
  // A body that signed one of the agreements is already named there.
  const signatories = new Set(partner.agreements.flatMap((agreement) => agreement.parties));
  const relatedBodies = partner.relatedBodies.filter((body) => !signatories.has(body.name));
  if (relatedBodies.length) {
    fields.push({
      name: t.relatedBodiesField,
      value: bulletList(
        relatedBodies.map((body) => {
          const name = mark(partner, 'relatedBodies', body.name);
          return `${body.acronym ? t.colon(body.acronym, name) : name} (${body.relation})`;
        }),
      ),
    });
  }
  if (partner.locations.length) {
    fields.push({
      name: t.locationField,
      value: partner.locations.map((l) => l.place).join('\n'),
      inline: true,
    });
  }
  const aliases = partner.aliases.map((alias) => mark(partner, 'aliases', alias));
  if (aliases.length) fields.push({ name: t.aliasesField, value: aliases.join('\n'), inline: true });

  const hasExternal = partner.external.length > 0;
  const footer = sourceFooterFor(dataset.source.title, quotesOf(partner), t);
  return {
    title: partnerTitle(partner),
    description: partner.summary,
    color: cardColours.partner,
    fields,
    footer: { text: hasExternal ? `${footer}\n${externalFooter(t)}` : footer },
  };
}

/** Every sentence of the source the card rests on. */
export function quotesOf(partner: Partner): string[] {
  return [
    ...partner.provenance,
    ...[
      partner.agreements,
      partner.milestones,
      partner.focusAreas,
      partner.programmes,
      partner.relatedBodies,
      partner.locations,
    ].flatMap((items: readonly { source: string }[]) => items.map((item) => item.source)),
  ];
}
