import { monthNames } from '../data/dates.js';
import type { PartialDate, Partner } from '../data/schema.js';

const month = monthNames.join('|');
/** "12 January 2007", "January 12, 2007", "May 1998", or a year alone (1800–2099, not "Resolution 1373"). */
const dateMention = new RegExp(
  `\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?(${month})\\s+(?:(\\d{1,2}),?\\s+)?(\\d{4})\\b|\\b(1[89]\\d{2}|20\\d{2})\\b`,
  'g',
);

const pad = (value: number) => String(value).padStart(2, '0');

/** The dates a text states, each with the precision it is written with, in the order they appear. */
export function datesIn(text: string): PartialDate[] {
  return [...text.matchAll(dateMention)].map(([, dayBefore, monthName, dayAfter, year, yearAlone]) => {
    if (yearAlone) return yearAlone;
    const monthNumber = monthNames.indexOf(monthName ?? '') + 1;
    const day = dayBefore ?? dayAfter;
    return `${year}-${pad(monthNumber)}${day ? `-${pad(Number(day))}` : ''}`;
  });
}

/** Words that name a body rather than a thing or a place: a capitalised phrase holding one is an organisation. */
const bodyWord =
  /\b(?:Organi[sz]ations?|Office|Agency|Council|Committee|Commission|Union|Bank|Fund|Cent(?:er|re)s?|Programme|Program|Secretariats?|Association|Forum|Group|Board|Institute|Authority|Authorities|Court|Conference|Convention|Initiative|Network|Federation|Alliance|Task Force|Directorate)\b/;
/** Capitalised words, joined by the small words of a name ("Organization for the Prohibition of…"). */
const capitalisedPhrase =
  /\p{Lu}[\p{L}\p{N}’'&-]*(?:\s+(?:(?:of|for|on|and|the|in|against|de|du|des|la)\s+)*\p{Lu}[\p{L}\p{N}’'&-]*)*(?:\s+\((\p{Lu}[\p{L}\p{N}&-]*)\))?/gu;
/** Words a sentence starts with that are no part of the name after them. */
const leadingWords =
  /^(?:(?:The|A|An|Since|In|On|Under|With|As|This|These|Its|Their|Both|Each|And|But|From|By|At|To)\s+)+/;
/** "The WCO and the X…", the way the page names nearly every partner: X is the organisation. */
const wcoAnd = /^(?:WCO|World Customs Organization)(?: Secretariats?)?,?\s+and\s+(?:the\s+)?/;
const notBodies = new Set(['WCO', 'WCO Secretariat', 'World Customs Organization', 'MOU', 'MoU', 'MOUs']);

export interface OrganisationMention {
  name: string;
  /** The id of the partner this name, acronym or alias already names. */
  partner?: string;
}

/**
 * The organisations a text names: "Full Name (ACRONYM)", a capitalised phrase with a word such as
 * "Organization" or "Office" in it, or an acronym; the WCO itself left out. Each is matched against the
 * partners' names, acronyms and aliases, so a new body stands out from one the data knows.
 */
export function organisationsIn(text: string, partners: readonly Partner[]): OrganisationMention[] {
  const keyOwner = new Map<string, string>();
  for (const partner of partners) {
    for (const key of [partner.name, partner.acronym, ...partner.aliases]) {
      if (key) keyOwner.set(key.toLowerCase(), partner.id);
    }
  }
  const found = new Map<string, OrganisationMention>();
  for (const match of text.matchAll(capitalisedPhrase)) {
    const acronym = match[1];
    const phrase = match[0].replace(leadingWords, '').replace(wcoAnd, '').trim();
    const words = acronym ? phrase.replace(/\s*\([^)]*\)$/, '') : phrase;
    const isAcronym = /^[\p{Lu}\p{N}&-]{3,}$/u.test(words);
    const isBody = acronym || isAcronym || (bodyWord.test(words) && words.includes(' '));
    if (!isBody || notBodies.has(words) || notBodies.has(acronym ?? '') || found.has(phrase)) continue;
    const partner = [words, acronym].map((key) => key && keyOwner.get(key.toLowerCase())).find(Boolean);
    found.set(phrase, partner ? { name: phrase, partner } : { name: phrase });
  }
  return [...found.values()];
}
