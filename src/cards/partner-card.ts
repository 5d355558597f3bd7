import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Dataset } from '../data/dataset.js';
import { formatPartialDate } from '../data/dates.js';
import type { Agreement, Partner } from '../data/schema.js';
import { deepFreeze } from './limits.js';
import { cardColours, externalFooter, externalMark, listInWords, sourceFooter } from './style.js';

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

export function partnerTitle(partner: Partner): string {
  const name = mark(partner, 'name', partner.name);
  return partner.acronym && partner.acronym !== partner.name ? `${name} (${partner.acronym})` : name;
}

export function agreementDate(agreement: Agreement): string {
  return agreement.date === null ? 'date not stated in the source' : formatPartialDate(agreement.date);
}

function agreementField(partner: Partner, agreement: Agreement): APIEmbedField {
  const parties = agreement.parties.map((party) => mark(partner, 'relatedBodies', party));
  return {
    name: `📄 ${agreement.type} · ${agreementDate(agreement)}`,
    value: `Between ${listInWords(parties)}`,
  };
}

function bulletList(lines: readonly string[]): string {
  return lines.map((line) => `• ${line}`).join('\n');
}

const partnerCards = new WeakMap<Partner, { dataset: Dataset; card: APIEmbed }>();

/**
 * The full card for one partner: everything the dataset knows, each part from the source. A pure function
 * of the (never modified) dataset, so each card is built once and the same frozen object is returned after.
 */
export function partnerCard(partner: Partner, dataset: Dataset): APIEmbed {
  const cached = partnerCards.get(partner);
  if (cached?.dataset === dataset) return cached.card;
  const card = deepFreeze(buildPartnerCard(partner, dataset));
  partnerCards.set(partner, { dataset, card });
  return card;
}

function buildPartnerCard(partner: Partner, dataset: Dataset): APIEmbed {
  const fields: APIEmbedField[] = partner.agreements.length
    ? partner.agreements.map((agreement) => agreementField(partner, agreement))
    : [{ name: '📄 Agreements', value: 'The source states no signed agreement with this partner.' }];

  if (partner.milestones.length) {
    fields.push({
      name: '🗓️ Milestones',
      value: bulletList(partner.milestones.map((m) => `${formatPartialDate(m.date)}: ${m.label}`)),
    });
  }
  const topics = partner.focusAreas.map(
    (focus) => dataset.topicBySlug.get(focus.topic)?.label ?? focus.topic,
  );
  fields.push({ name: '🎯 Focus areas', value: [...new Set(topics)].join(' · ') });
  if (partner.programmes.length) {
    fields.push({
      name: '🧭 Programmes and initiatives',
      value: bulletList(partner.programmes.map((p) => (p.acronym ? `${p.name} (${p.acronym})` : p.name))),
    });
  }
  if (partner.relatedBodies.length) {
    fields.push({
      name: '🔗 Related bodies',
      value: bulletList(
        partner.relatedBodies.map((body) => {
          const name = mark(partner, 'relatedBodies', body.name);
          return `${body.acronym ? `${body.acronym}: ${name}` : name} (${body.relation})`;
        }),
      ),
    });
  }
  if (partner.locations.length) {
    fields.push({
      name: '📍 Location',
      value: partner.locations.map((l) => l.place).join('\n'),
      inline: true,
    });
  }
  const aliases = partner.aliases.map((alias) => mark(partner, 'aliases', alias));
  if (aliases.length) fields.push({ name: '🏷️ Also known as', value: aliases.join('\n'), inline: true });

  const hasExternal = partner.external.length > 0;
  return {
    title: partnerTitle(partner),
    description: partner.summary,
    color: cardColours.partner,
    fields,
    footer: { text: hasExternal ? `${sourceFooter}\n${externalFooter}` : sourceFooter },
  };
}
