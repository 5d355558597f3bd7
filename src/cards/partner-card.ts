import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Dataset } from '../data/dataset.js';
import type { Agreement, Partner } from '../data/schema.js';

type Programme = Partner['programmes'][number];

import { en, type Messages } from '../i18n/index.js';
import { cardColours, externalMark, sourceFooter } from './style.js';

/** "INTERPOL" for menus and lists: the acronym where there is one, else the name. */
export function shortName(partner: Partner): string {
  return partner.acronym ?? partner.name;
}

type MarkedField = 'aliases' | 'relatedBodies';

function isExternal(partner: Partner, field: MarkedField | 'name', value: string): boolean {
  return partner.external.some((fact) => fact.field === field && fact.value === value);
}

/** A value of a field marked † when it is not stated in the source (the line under the card says what † means). */
function mark(partner: Partner, field: MarkedField, value: string): string {
  return isExternal(partner, field, value) ? `${value}${externalMark}` : value;
}

/** "International Criminal Police Organization (INTERPOL)": never marked (a title carries no dagger). */
export function partnerTitle(partner: Partner): string {
  // "SECI Center", not "SECI Center (SECI)": the name already shows the acronym.
  const shown = partner.acronym && !partner.name.split(/\s+/).includes(partner.acronym);
  return shown ? `${partner.name} (${partner.acronym})` : partner.name;
}

export function agreementDate(agreement: Agreement, t: Messages = en): string {
  return t.date(agreement.date);
}

/**
 * Who signed with the WCO, where that is not simply the partner itself ("WCO and UNODC", "the two
 * Secretariats"): the dog-training MOUs name each country's Customs. `named`: each body as a sentence names it
 * (in French, with its article: "le Comité …").
 */
export function counterpartOf(
  partner: Partner,
  agreement: Agreement,
  t: Messages = en,
  named?: ReadonlyMap<string, string>,
): string | undefined {
  const others = agreement.parties.filter((party) => !party.startsWith('WCO'));
  const own = [partner.acronym, partner.name].filter((name): name is string => Boolean(name));
  const parties = others.map((party) => ({ party, marked: mark(partner, 'relatedBodies', party) }));
  const counterpart = t.listInWords(parties.map(({ marked }) => marked));
  if (!counterpart || own.some((name) => counterpart.startsWith(name))) return undefined;
  // The named form in place of the name ("le Comité …"); a † after the name stays after it.
  return t.listInWords(
    parties.map(({ party, marked }) => {
      const form = named?.get(party);
      return form ? `${form}${marked.slice(party.length)}` : marked;
    }),
  );
}

/** "25 March 2005: MOU", date first as milestones are written; an undated one says what it is, then the gap. */
function agreementItem(
  partner: Partner,
  agreement: Agreement,
  t: Messages,
  sayUndated: boolean,
  named?: ReadonlyMap<string, string>,
): string {
  // "avec le Comité …": in French the body as a sentence names it, with its article.
  const counterpart = counterpartOf(partner, agreement, t, named);
  const type = t.agreementType(agreement.type);
  const what = counterpart ? t.agreementWith(type, counterpart) : type;
  const line =
    agreement.date !== null
      ? t.colon(agreementDate(agreement, t), what)
      : sayUndated
        ? t.undatedAgreement(what)
        : what;
  // A list item starts with a capital: "Novembre 1996 : …", "Protocole d’accord avec …" in French too.
  return `${line.charAt(0).toUpperCase()}${line.slice(1)}`;
}

/** The agreements field: when none has a date, one line under them says so (not once per agreement). */
function agreementsValue(partner: Partner, t: Messages, named?: ReadonlyMap<string, string>): string {
  const { agreements } = partner;
  if (!agreements.length) return t.noAgreement;
  const noneDated = agreements.every((agreement) => agreement.date === null);
  const items = bulletList(
    agreements.map((agreement) => agreementItem(partner, agreement, t, !noneDated, named)),
  );
  return noneDated ? `${items}\n*${t.noDates(agreements.length)}*` : items;
}

function bulletList(lines: readonly string[]): string {
  return lines.map((line) => `• ${line}`).join('\n');
}

/** One value as it is; several bulleted, so a phone's wrapping never runs two into one. */
function oneOrBullets(lines: readonly string[]): string {
  return lines.length === 1 ? (lines[0] as string) : bulletList(lines);
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Words with British and American spellings folded together ("organisation", "organization"). */
const spelling = (word: string) => word.replace(/is(e|ation)/g, 'iz$1');

/**
 * An alias made only of words the title already shows ("Regional Dog Training Centres"), or the title in
 * the other spelling ("Organisation for the Prohibition…"), says nothing new.
 */
function addsToTitle(alias: string, title: string): boolean {
  const shown = new Set([...words(title)].map(spelling));
  return [...words(alias)].some((word) => !shown.has(spelling(word)));
}

type RelatedBody = Partner['relatedBodies'][number];

/**
 * One line per relation: bodies with the same relation share it (the two DGs), and a group whose relation
 * names another listed body (APG and GIABA, "in the FATF-Style Regional Bodies") joins that body's line.
 */
function relatedBodiesValue(partner: Partner, bodies: readonly RelatedBody[], t: Messages): string {
  const label = (body: RelatedBody) => {
    const name = mark(partner, 'relatedBodies', body.name);
    return body.acronym ? t.colon(body.acronym, name) : name;
  };
  const hostOf = (body: RelatedBody) =>
    bodies.find((other) => other !== body && body.relation.includes(other.name));
  const lines = new Map<string, RelatedBody[]>();
  for (const body of bodies) {
    if (!hostOf(body)) lines.set(body.relation, [...(lines.get(body.relation) ?? []), body]);
  }
  return bulletList(
    [...lines].map(([relation, group]) => {
      const members = bodies.filter((body) => group.includes(hostOf(body) as RelatedBody));
      const memberNames = members.map((m) =>
        m.acronym ? `${m.acronym} (${mark(partner, 'relatedBodies', m.name)})` : m.name,
      );
      const such = members.length ? t.suchAs(t.listInWords(memberNames)) : '';
      return `${group.map(label).join(t.semicolon)} (${relation})${such}`;
    }),
  );
}

/**
 * On a translated card, the partner's name as the English source gives it: one short footer line, not a
 * field of other names (a French card is a phone screen without it).
 */
function englishNamesOf(partner: Partner, dataset: Dataset): Partner | undefined {
  const english = dataset.english?.partnerById.get(partner.id);
  const names = english && [english.name, english.acronym].filter((name) => name !== undefined);
  return names?.some((name) => partner.aliases.includes(name)) ? english : undefined;
}

function englishNamesLine(partner: Partner, english: Partner, t: Messages, saidOfNames: boolean): string {
  const name = partner.aliases.includes(english.name) ? english.name : undefined;
  const acronym = english.acronym && partner.aliases.includes(english.acronym) ? english.acronym : undefined;
  const names = name && acronym ? `${name} (${acronym})` : (name ?? acronym ?? '');
  const external = name !== undefined && isExternal(partner, 'aliases', name);
  return t.englishNames(names, external && !saidOfNames);
}

/**
 * The line under the card: the source, and what a † (or the unmarked full name in the title) means. When
 * the title's full name and the English one are both not from the source, one note says it of both.
 */
function footerOf(partner: Partner, dataset: Dataset, t: Messages): string {
  const english = englishNamesOf(partner, dataset);
  const name = isExternal(partner, 'name', partner.name);
  const englishName = english !== undefined && isExternal(partner, 'aliases', english.name);
  const shownEnglish = new Set(english ? [english.name, english.acronym] : []);
  const marked = partner.external.some(
    (fact) => fact.field !== 'name' && !(fact.field === 'aliases' && shownEnglish.has(fact.value)),
  );
  const both = name && englishName;
  const note =
    name && marked
      ? both
        ? t.externalBothNames
        : t.externalBoth
      : name
        ? both
          ? t.externalNames
          : t.externalName
        : marked
          ? `${externalMark} ${t.externalFooter}`
          : '';
  // The note and the English names share a line (the note first, a † opening it): on a phone each line counts.
  const names = [note, english && englishNamesLine(partner, english, t, both)].filter(Boolean).join(' ');
  return [sourceFooter(dataset.source.title, t), ...(names ? [names] : [])].join('\n');
}

/** The full card for one partner: everything the dataset knows, each fact once, each part from the source. */
export function partnerCard(partner: Partner, dataset: Dataset, t: Messages = en): APIEmbed {
  const title = partnerTitle(partner);
  const fields: APIEmbedField[] = [
    {
      name: t.agreementsField,
      value: agreementsValue(partner, t, dataset.bodyInSentence),
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
  // A programme a milestone already names (UNEP's Green Customs Initiative, the OSCE's SAFE) is not listed again.
  const named = (label: string, p: Programme) =>
    label.includes(p.name) || (p.acronym !== undefined && words(label).has(p.acronym.toLowerCase()));
  const programmes = partner.programmes.filter((p) => !partner.milestones.some((m) => named(m.label, p)));
  if (programmes.length) {
    fields.push({
      name: t.programmesField,
      value: bulletList(programmes.map((p) => (p.acronym ? `${p.name} (${p.acronym})` : p.name))),
    });
  }
  // A body that signed one of the agreements is already named there.
  const signatories = new Set(partner.agreements.flatMap((agreement) => agreement.parties));
  const relatedBodies = partner.relatedBodies.filter((body) => !signatories.has(body.name));
  if (relatedBodies.length) {
    fields.push({ name: t.relatedBodiesField, value: relatedBodiesValue(partner, relatedBodies, t) });
  }
  // One place per line, bulleted when there are several: a phone wraps side-by-side fields into one run.
  if (partner.locations.length) {
    fields.push({ name: t.locationField, value: oneOrBullets(partner.locations.map((l) => l.place)) });
  }
  const english = englishNamesOf(partner, dataset);
  const aliases = partner.aliases
    .filter((alias) => addsToTitle(alias, title))
    .filter((alias) => alias !== english?.name && alias !== english?.acronym)
    .map((alias) => mark(partner, 'aliases', alias));
  // Names carry no commas of their own: one line, apart by a dot (places, with commas, get bullets).
  if (aliases.length) fields.push({ name: t.aliasesField, value: aliases.join(' · ') });

  return {
    title,
    description: partner.summary,
    color: cardColours.partner,
    fields,
    footer: { text: footerOf(partner, dataset, t) },
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
