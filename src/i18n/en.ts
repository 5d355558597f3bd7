import { formatPartialDate } from '../data/dates.js';
import type { PartialDate } from '../data/schema.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "a, b and c", with the language's "and". */
export function listJoiner(and: string): (items: readonly string[]) => string {
  return (items) =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

const listInWords = listJoiner('and');

/**
 * Every text the bot writes itself, in English: the source of keys. fr.ts is typed `Messages`, so a key
 * missing from (or extra in) another language fails `tsc`. Facts quoted from the data are never in here.
 */
export const en = {
  locale: 'en',
  /** Said once per card in languages other than the source's (English): empty here. */
  sourceInEnglish: '',
  date: (date: PartialDate | null): string => formatPartialDate(date),
  listInWords,
  /** "label: text", with the language's spacing before the colon. */
  colon: (label: string, text: string) => `${label}: ${text}`,

  // Footers
  sourceFooter: (title: string) => `Source: “${title}”`,
  sourceFooterFor: (title: string, sentences: number) =>
    `Source: “${title}”, ${plural(sentences, 'sentence', 'sentences')}`,
  externalFooter: 'not stated in the source; well-established fact',

  // Partner card
  agreementsField: '📄 Agreements',
  noAgreement: 'The source states no signed agreement with this partner.',
  agreementWith: (type: string, counterpart: string) => `${type} with ${counterpart}`,
  milestonesField: '🗓️ Milestones',
  focusAreasField: '🎯 Focus areas',
  programmesField: '🧭 Programmes, standards and initiatives',
  relatedBodiesField: '🔗 Related bodies',
  locationField: '📍 Location',
  aliasesField: '🏷️ Also known as',

  // Agreements by year and timeline
  dateNotStated: 'Date not stated',
  yearCount: (agreements: number, partners: number) =>
    partners === 1
      ? `${plural(agreements, 'agreement', 'agreements')} with a WCO partner:`
      : `${plural(agreements, 'agreement', 'agreements')} with ${partners} WCO partners:`,
  yearTitle: (year: number) => `Agreements signed in ${year}`,
  timelineTitle: 'WCO agreements timeline',
  timelineFooter: (page: number, pageCount: number, total: number) =>
    `Page ${page} of ${pageCount} · ${plural(total, 'agreement', 'agreements')}`,
  noAgreementInYear: (year: number, nearest: readonly number[]) =>
    `No agreement in the source was signed in ${year}. Nearest ${nearest.length > 1 ? 'years' : 'year'} with agreements: ${listInWords(nearest.map(String))} (try \`/mou year:${nearest[0]}\`).`,
  yearOutOfRange: (first: number, last: number) =>
    `Please give a year between ${first} and ${last}, for example \`/mou year:2003\`.`,
  mouExpired: 'That button has expired. Run `/mou` again.',
  mouMenuExpired: 'That menu has expired. Run `/mou` again.',

  // Timeline picture
  pictureTitle: (first: number, last: number) => `WCO agreements timeline, ${first}–${last}`,
  pictureDescription: (counts: string) =>
    `${counts} in the source. For the list with every date, run \`/mou view:list\`.`,
  pictureAlt: 'Timeline of WCO agreements',
  svgTitle: (first: number, last: number) => `WCO agreements, ${first}–${last}`,
  councilDecision: 'Council decision',
  timelineCounts: (dated: number, decisions: number, undated: number) =>
    [
      plural(dated, 'dated agreement', 'dated agreements'),
      decisions ? plural(decisions, 'Council decision', 'Council decisions') : '',
      plural(undated, 'agreement with no date', 'agreements with no date'),
    ]
      .filter(Boolean)
      .join(', '),
  legendFocusArea: 'Focus area',
  dateKnownToThe: 'Date known to the',
  precisionDay: 'day',
  precisionMonth: 'month',
  precisionYear: 'year only',
  svgSource: 'Source: data/source/wco-partnerships.txt',

  // Focus areas
  topicTitle: (label: string) => `Focus area: ${label}`,
  topicCount: (partners: number) =>
    partners === 1
      ? '1 partner of the WCO works in this area:'
      : `${partners} partners of the WCO work in this area:`,
  noTopicGiven: 'Tell me which focus area: for example `/topic area:cultural-property`.',
  noTopic: (typed: string) => `No focus area is called “${typed}”.`,
  closestTopics: (slugs: string) => ` Closest: ${slugs}.`,
  noCloseTopic: ' Start typing and pick one from the list, or see `/help`.',
  pickTopic: 'Pick a focus area',
  topicExpired: 'That button has expired. Run `/topic` again.',
  topicMenuExpired: 'That menu has expired. Run `/topic` again.',

  // Partners
  matched: (text: string) => `Matched: ${text}`,
  otherMatches: 'Other matches',
  noPartnerGiven: 'Tell me which partner: for example `/partner who:interpol`.',
  noPartner: (typed: string) => `No partner matches “${typed}”.`,
  didYouMean: (names: string) => ` Did you mean ${names}?`,
  tryAName: ' Try a name or an acronym, such as `interpol` or `WHO`, or `/help`.',
  didYouMeanMenu: 'Did you mean…',
  partnerGone: 'That partner is no longer in the dataset. Run `/partner` again.',
  openCard: 'Open a partner’s card',

  // Buttons
  previous: '◀ Previous',
  next: 'Next ▶',
  backToList: '◀ Back to the list',
  sourcesButton: '📑 Sources',
  shareButton: '📢 Share in channel',
  sharedBy: (userId: string) => `Shared by <@${userId}>`,
  cardExpired: 'That button has expired. Open the partner’s card again.',

  // Sources
  sourcesTitle: (title: string) => `Sources: ${title}`,
  summary: 'Summary',
  focusArea: 'Focus area',
  programme: 'Programme',
  relatedBody: 'Related body',
  location: 'Location',
  notInSource: 'Not stated in the source (well-established facts)',
  quotedFrom: (title: string) => `Quoted word for word from “${title}”`,
  sourcesPage: (page: number, pageCount: number) => `page ${page} of ${pageCount}`,

  // Message command
  mentionsHeading: (count: number) => `**WCO partners in this message** (${count}):`,
  nothingFound: 'No WCO partner is mentioned in this message.',
  mentionKind: {
    name: 'name',
    acronym: 'acronym',
    alias: 'alias',
    'related body': 'related body',
    programme: 'programme',
    place: 'place',
  },
  mentionedFrom: (why: string) => `from ${why}`,
  topicsMentioned: (listed: string, slug: string) =>
    `Focus areas mentioned: ${listed}. See \`/topic area:${slug}\`.`,
  mentionsExpired: 'That menu has expired. Use “WCO partners in this message” again.',

  // Help
  helpTitle: 'WCO partner bot',
  helpDescription: (partners: number, agreements: number, topics: number, title: string, notes: number) =>
    [
      `Who the World Customs Organization works with: ${partners} partner organisations, ${agreements} signed agreements and ${topics} focus areas.`,
      '',
      '**/partner** `who:` name, acronym or subject: a partner’s card with its agreements, focus areas and programmes.',
      'Example: `/partner who:interpol` · `/partner who:money laundering` · add `private:True` to see it alone.',
      '',
      '**/mou** `year:` the agreements signed in a year, or the whole timeline without a year.',
      'Example: `/mou year:2003` · `/mou`',
      '',
      '**/topic** `area:` the partners working in a focus area, with what each one does there.',
      'Example: `/topic area:cultural-property` · `/topic area:drugs`',
      '',
      '**Where the data comes from**',
      `Every fact is taken from the document “${title}”, with the exact sentences recorded for each record. Flaws in the document were corrected and logged (${notes} notes). Full names marked † are well-established facts not stated in it.`,
    ].join('\n'),
  helpFocusAreas: 'Focus areas',
  helpPartners: 'Partners',

  // Asking in plain words (/ask, mentions, DMs): shown by /help and when a question can't be read
  askExamples: [
    'When did the WCO sign with UNESCO?',
    'Who trains sniffer dogs?',
    'Which partners are based in Geneva?',
  ],

  // Router
  onlyCommands: 'This bot only answers its slash commands, their menus and their buttons.',
  unknownCommand: (name: string) => `I don't know the command ${name}. Try \`/help\`.`,
  componentExpired: 'That button or menu has expired. Run the command again to get a fresh one.',
  apology: 'Sorry, something went wrong while answering that. Please try again in a moment.',

  /** Registration texts (names in English are the commands' own `name`s). */
  commands: {
    partner: {
      name: 'partner',
      whoName: 'who',
      privateName: 'private',
      description: 'Show a WCO partner organisation: agreements, focus areas and programmes.',
      whoDescription: 'Name, acronym or anything about the partner, e.g. interpol, WHO, money laundering',
      privateDescription: 'Show the answer to you only (default: visible to the channel)',
    },
    mou: {
      name: 'mou',
      yearName: 'year',
      viewName: 'view',
      description: 'Agreements (MOUs, co-operation agreements) the WCO signed, by year or as a timeline.',
      yearDescription: 'Year of signature, e.g. 2003 (leave empty for the whole timeline)',
      viewDescription: 'The whole timeline as a list (default) or as a picture',
      list: 'list',
      timeline: 'timeline (picture)',
    },
    topic: {
      name: 'topic',
      areaName: 'area',
      description: 'Which partners the WCO works with in a focus area, e.g. drugs or cultural property.',
      areaDescription: 'Focus area, e.g. cultural-property, drugs, money-laundering',
    },
    help: {
      name: 'help',
      description: 'What this bot does, with an example for each command.',
    },
    mentions: { name: 'WCO partners in this message' },
  },
};

export type Messages = typeof en;
