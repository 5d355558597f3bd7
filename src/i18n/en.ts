import { formatPartialDate, parsePartialDate } from '../data/dates.js';
import type { Agreement, PartialDate } from '../data/schema.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "a, b and c", with the language's "and". */
export function listJoiner(and: string): (items: readonly string[]) => string {
  return (items) =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

const listInWords = listJoiner('and');

/** The words of a period in one language: "in", "on" (a day), "before"… (src/questions writes the dates). */
export interface PeriodWording {
  in: string;
  on: string;
  before: string;
  after: string;
  since: string;
  between: (first: string, last: string) => string;
  decade: (year: number) => string;
}

const englishPeriods: PeriodWording = {
  in: 'in',
  on: 'on',
  before: 'before',
  after: 'after',
  since: 'since',
  between: (first, last) => `between ${first} and ${last}`,
  decade: (year) => `in the ${year}s`,
};

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
  /** Between items that hold commas themselves ("DG TAXUD: …; DG Justice: …"). */
  semicolon: '; ',
  /** Words quoted from the reader or the source, in the reader's quotation marks. */
  quote: (text: string) => `“${text}”`,

  // Footers
  sourceFooter: (title: string) => `Source: “${title}”`,
  externalFooter: 'not stated in the source; well established',

  // Partner card
  agreementsField: '📄 Agreements',
  noAgreement: 'None stated in the source.',
  agreementWith: (type: string, counterpart: string) => `${type} with ${counterpart}`,
  milestonesField: '🗓️ Milestones',
  focusAreasField: '🎯 Focus areas',
  programmesField: '🧭 Programmes, standards and initiatives',
  relatedBodiesField: '🔗 Related bodies',
  locationField: '📍 Location',
  aliasesField: '🏷️ Also known as',

  // Agreements by year and timeline
  dateNotStated: 'Date not stated',
  yearTitle: (year: number) => `Agreements signed in ${year}`,
  timelineTitle: 'WCO agreements timeline',
  timelineFooter: (page: number, pageCount: number, agreements: number, decisions: number) =>
    `Page ${page} of ${pageCount} · ${plural(agreements, 'agreement', 'agreements')}${decisions ? ` and ${plural(decisions, 'Council decision', 'Council decisions')}` : ''}`,
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
  svgSource: (title: string) => `Source: “${title}”, WCO website`,

  // Focus areas
  topicTitle: (label: string) => `Focus area: ${label}`,
  noTopicGiven: 'Tell me which focus area: for example `/topic area:cultural-property`.',
  noTopic: (typed: string) => `No focus area is called “${typed}”.`,
  /** After `noTopic`: the menu below offers `count` areas close to what was typed. */
  closestTopics: (count: number): string =>
    count === 0
      ? ' Start typing after `/topic area:` and pick one from the list.'
      : count === 1
        ? ' Did you mean this one?'
        : ' Did you mean one of these?',
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
  notInSource: 'Not stated in the source (well-established facts)',
  quotedFrom: (title: string) => `Quoted word for word from “${title}”`,
  sourcesPage: (page: number, pageCount: number) => `page ${page} of ${pageCount}`,

  // Message command
  mentionsHeading: (count: number) => `**WCO partners in this message** (${count}):`,
  nothingFound: 'No WCO partner is mentioned in this message.',
  mentionKind: {
    name: 'its name',
    acronym: 'its acronym',
    alias: 'another name for it',
    'related body': 'a body it works with',
    programme: 'its programme',
    place: 'where it is',
  },
  topicsMentioned: 'Focus areas it mentions (open one below):',
  mentionsExpired: 'That menu has expired. Use “WCO partners in this message” again.',

  // Layout of cards and replies (issue 24)
  undatedAgreement: (what: string) => `${what} (date not stated in the source)`,
  noDates: (count: number): string =>
    count === 1 ? 'Date not stated in the source.' : 'Dates not stated in the source.',
  yearTitleWithDecisions: (year: number) => `Agreements and decisions of ${year}`,
  suchAs: (names: string) => `, such as ${names}`,
  externalBoth: '† and the full name: not stated in the source; well established.',
  externalName: 'Full name not stated in the source; well established.',
  /** A translated card whose full name and English full name are both not from the source. */
  externalNames: 'Full names not stated in the source; well established.',
  externalBothNames: '† and the full names: not stated in the source; well established.',
  agreementTopics: (labels: readonly string[]) =>
    `(${labels.length === 1 ? 'focus area' : 'focus areas'}: ${labels.join(', ')})`,
  /** What a quoted sentence supports, by kind of fact: [one, several]. */
  factKinds: {
    summary: ['Summary', 'Summary'],
    agreement: ['Agreement', 'Agreements'],
    milestone: ['Milestone', 'Milestones'],
    focusArea: ['Focus area', 'Focus areas'],
    programme: ['Programme', 'Programmes'],
    relatedBody: ['Related body', 'Related bodies'],
    location: ['Place', 'Places'],
  } satisfies Record<string, [string, string]>,
  mentionFound: (name: string, why: string) => `${name}: the message names ${why}`,
  mentionOf: (words: string, what: string) => `${words} (${what})`,
  topicButton: (label: string, words: string) => `🎯 ${label} (${words})`,
  helpTitle: 'WCO partner bot',
  helpText: (examples: readonly string[]) =>
    [
      '`/partner who:interpol` **to start**: any partner, by name, acronym or subject.',
      '',
      '`/ask question:` **in your own words**, or mention the bot, or DM it:',
      ...examples.map((example) => `• ${example}`),
      '',
      '`/topic area:drugs`: who works in a focus area.',
      '`/mou year:2003`: the agreements of a year.',
      '`/mou`: every agreement, by year.',
      '`/mou view:timeline`: the same as a picture.',
      'On any message: **Apps → WCO partners in this message**.',
    ].join('\n'),
  helpFooter: (title: string, retrieved: string, latest: string) =>
    `Data from the WCO page “${title}” (retrieved ${retrieved}), latest agreement ${latest}`,

  // Asking in plain words (/ask, mentions, DMs): shown by /help and when a question can't be read
  askExamples: [
    'When did the WCO sign with UNESCO?',
    'Who trains sniffer dogs?',
    'Which partners are based in Geneva?',
  ],

  // Asking by mention (gateway): a bare mention, and the playground's own lines
  howToAskByMention: (mention: string, example: string) =>
    `Ask me a question in words after the mention, e.g. ${mention} ${example} Or use \`/ask\`.`,

  /** The playground's and `npm run ask`'s own lines (not the bot's replies). */
  playground: {
    title: 'WCO partner bot · playground',
    summary: (partners: number, agreements: number, topics: number) =>
      `${plural(partners, 'partner', 'partners')}, ${plural(agreements, 'agreement', 'agreements')}, ${plural(topics, 'focus area', 'focus areas')}`,
    typeCommands: 'Type commands as in Discord:',
    messageMenu: 'A message’s Apps menu, "WCO partners in this message":',
    messageExample: 'Call with OLAF and Europol at 10',
    askInWords: 'Or ask in words, as in a DM with the bot:',
    askExample: 'who trains sniffer dogs?',
    keys: 'Tab completes · a number picks a menu option or button · n/p turn pages · # starts a comment · /exit or Ctrl-D leaves',
    pickHint: (paged: boolean) =>
      `Type a number to pick one of the choices above, e.g. 1${paged ? '; n or p for the next or previous page' : ''}.`,
    nothingToPick: 'There is nothing to pick from yet: run a command whose reply has a menu or buttons.',
    noChoice: (n: number, max: number) => `There is no choice ${n}: pick a number from 1 to ${max}.`,
    pickOne: 'Pick one button, or several options of the same menu.',
    lastPage: 'This is the last page.',
    firstPage: 'This is the first page.',
    noPages:
      'The last reply has no pages: n/next and p/prev turn the pages of a reply with ◀ Previous and Next ▶.',
    typeACommand: (help: string, list: string) => `Type a command, such as ${help}. Commands: ${list}.`,
    unknownCommand: (typed: string, guess: string | undefined, list: string) =>
      `Unknown command ${typed}.${guess ? ` Did you mean ${guess}?` : ''} Commands: ${list}.`,
    takesNoOptions: (command: string) => `${command} takes no options.`,
    optionsOf: (command: string, list: string) => `Options of ${command}: ${list}.`,
    required: 'required',
    needsValue: (name: string, example: string) => `${name} needs a value, e.g. ${example}`,
    mustBeOneOf: (name: string, list: string, got: string) => `${name} must be one of ${list} (got ${got}).`,
    atLeastCharacters: (name: string, n: number) => `${name} must be at least ${n} characters long.`,
    atMostCharacters: (name: string, n: number) => `${name} must be at most ${n} characters long.`,
    mustBeNumber: (name: string, whole: boolean, got: string) =>
      `${name} must be a ${whole ? 'whole number' : 'number'} (got ${got}).`,
    mustBeInRange: (name: string, min: number | undefined, max: number | undefined, got: number) =>
      `${name} must be ${min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`} (got ${got}).`,
    mustBeBoolean: (name: string, got: string) => `${name} must be true or false (got ${got}).`,
    mustBeId: (name: string, got: string) => `${name} must be an ID or a mention like <@123…> (got ${got}).`,
    cannotType: (name: string) => `${name}: this kind of option cannot be typed in the playground.`,
    hasSubcommands: (command: string) => `${command} has subcommands, which the playground cannot type yet.`,
    whatIsItFor: (value: string) => `I don't know what ${value} is for.`,
    writeAsNameValue: (example: string) => ` Write options as name:value, e.g. ${example}.`,
    noSuchOption: (command: string, typed: string, guess: string | undefined) =>
      `${command} has no option "${typed}".${guess ? ` Did you mean ${guess}?` : ''}`,
    givenTwice: (name: string) => `${name} is given twice.`,
    needs: (command: string, names: readonly string[], description: string, example: string) =>
      `${command} needs ${listInWords(names)}: ${description} For example: ${example}`,
    giveMessageText: 'Give the message text, for example: /message "Meeting with OLAF and Europol"',
    noMessageCommand: 'This bot has no message command.',
    onlyYou: '(only you can see this)',
    updated: '(the message is updated)',
    emptyMessage: '(empty message)',
    chooseOne: 'Choose one',
  },

  // Data in the reader's language, several areas for one word (issue 24)
  /** An agreement's type as the data records it ("MOU", "Co-operation Agreement"), in this language. */
  agreementType: (type: Agreement['type']) => type as string,
  topicsSharingWord: (typed: string, count: number) => `“${typed}” covers ${count} focus areas: pick one.`,

  // Router
  onlyCommands: 'This bot only answers its slash commands, their menus and their buttons.',
  unknownCommand: (name: string) => `I don't know the command ${name}. Try \`/help\`.`,
  componentExpired: 'That button or menu has expired. Run the command again to get a fresh one.',
  apology: 'Sorry, something went wrong while answering that. Please try again in a moment.',

  /** /ask: questions in plain words (src/questions). Facts in these sentences come from the data. */
  ask: {
    command: {
      name: 'ask',
      questionName: 'question',
      description: 'Ask in plain words about the WCO’s partners, their agreements and focus areas.',
      questionDescription:
        'Your question, e.g. who trains sniffer dogs? · how many MOUs? · where is the OPCW?',
    },
    howToAsk: (examples: readonly string[]) =>
      `Ask me about the WCO’s partners, their agreements and focus areas in plain words, for example: ${examples.map((e) => `“${e}”`).join(' · ')}`,
    notPartner: (name: string, partners: number) =>
      `“${name}” is not one of the ${partners} partners in the source, so I have nothing on it.`,
    isPartner: (who: string, partners: number) =>
      `Yes: ${who} is one of the ${partners} partners in the source.`,
    /** "an MOU on 13 May 1998", "a Co-operation Agreement in 2002", "an MOU (no date in the source)". */
    agreement: (type: string, date: PartialDate | null, counterpart?: string) => {
      const article = type === 'MOU' ? 'an' : 'a';
      const withWhom = counterpart ? ` with ${counterpart}` : '';
      if (date === null) return `${article} ${type}${withWhom} (no date in the source)`;
      const on = parsePartialDate(date).precision === 'day' ? 'on' : 'in';
      return `${article} ${type}${withWhom} ${on} ${formatPartialDate(date)}`;
    },
    signed: (who: string, items: readonly string[]) => `The WCO and ${who} signed ${listInWords(items)}.`,
    signedWithOthers: (who: string, items: readonly string[]) =>
      `For ${who}, the WCO signed ${listInWords(items)}.`,
    noAgreement: (who: string) => `The source states no signed agreement between the WCO and ${who}.`,
    noAgreementIn: (who: string, period: string) =>
      `The source records no agreement between the WCO and ${who} ${period}.`,
    possiblyIn: (items: readonly string[], period: string) =>
      `Possibly ${period}: ${listInWords(items)} (the source gives only the year, so it may fall outside it).`,
    milestone: (who: string, label: string, date: PartialDate) =>
      `${label}: ${formatPartialDate(date)} (${who}). The source records this as a milestone, not as a signed agreement.`,
    where: (who: string, places: readonly string[]) => `${who} is based in ${listInWords(places)}.`,
    whereUnknown: (who: string) => `The source does not say where ${who} is based.`,
    aboutPartner: (who: string, areas: readonly string[]) =>
      `${who} works with the WCO on ${listInWords(areas).toLowerCase()}.`,
    aboutBody: (body: string, relation: string, under: string) =>
      `${body}: ${relation} (the source names it under ${under}).`,
    aboutProgramme: (programme: string, under: string) => `The source names ${programme} under ${under}.`,
    inArea: (count: number, areas: readonly string[], names: readonly string[]) => {
      // Several areas each in quotes: their labels hold "and" themselves ("Tobacco and cigarettes").
      const where =
        areas.length === 1
          ? `on ${String(areas[0]).toLowerCase()}`
          : `in the focus areas ${listInWords(areas.map((area) => `“${area}”`))}`;
      return count === 1
        ? `1 partner works ${where}: ${listInWords(names)}.`
        : `${count} partners work ${where}: ${listInWords(names)}.`;
    },
    agreementsIn: (count: number, period: string, items: readonly string[]) =>
      count === 1
        ? `1 agreement was signed ${period}: ${listInWords(items)}.`
        : `${count} agreements were signed ${period}: ${listInWords(items)}.`,
    noAgreementsIn: (period: string) => `The source records no agreement signed ${period}.`,
    /** "INTERPOL (MOU, 2003)". */
    entry: (who: string, types: string, date: string) => `${who} (${date ? `${types}, ${date}` : types})`,
    periodWords: englishPeriods,
    neverSigned: (names: readonly string[]) =>
      `${names.length} partners have no signed agreement in the source: ${listInWords(names)}.`,
    undated: (count: number, items: readonly string[]) =>
      `${count} ${count === 1 ? 'MOU has' : 'MOUs have'} no date in the source: ${listInWords(items)}.`,
    earliest: (items: readonly string[]) =>
      items.length === 1
        ? `The earliest: ${listInWords(items)}.`
        : `The earliest: ${listInWords(items)}; the source does not say which came first.`,
    latest: (items: readonly string[]) =>
      items.length === 1
        ? `The latest: ${listInWords(items)}.`
        : `The latest: ${listInWords(items)}; the source does not say which came last.`,
    countMous: (total: number, dated: number, undated: number) =>
      `The source records ${total} MOUs: ${dated} dated and ${undated} undated.`,
    countAgreements: (total: number, mous: number, partners: number) =>
      `The source records ${total} signed agreements (${mous} MOUs and ${total - mous} of other kinds) with ${partners} partners.`,
    countPartners: (count: number) => `The source names ${count} partners of the WCO.`,
    countIn: (count: number, what: 'MOUs' | 'agreements', period: string) =>
      `${count} ${count === 1 ? what.replace(/s$/, '') : what} ${count === 1 ? 'was' : 'were'} signed ${period}.`,
    bothWorkOn: (a: string, b: string, common: readonly string[]) =>
      common.length
        ? `${a} and ${b} both work on ${listInWords(common).toLowerCase()}.`
        : `${a} and ${b} share no focus area in the source.`,
    alsoWorksOn: (who: string, areas: readonly string[]) =>
      areas.length ? `${who} also: ${listInWords(areas).toLowerCase()}.` : '',
    bySubject: (names: readonly string[]) =>
      `The closest the source comes: ${listInWords(names)}. Open a card to see what it says.`,
    sourcesOf: (who: string) => `📑 ${who}`,
    /** The button under an answer that opens a partner's card (a card under the answer would not fit a phone). */
    cardOf: (who: string) => `🪪 ${who} card`,
  },

  /** Registration texts (names in English are the commands' own `name`s). */
  // Clicking by label: `npm run ask -- "/partner who:interpol" --click Sources` (issue 24)
  clickByLabel: {
    reply: (command: string | undefined) => (command ? `the reply to ${command}` : 'the reply'),
    button: (label: string) => `${label} (button)`,
    option: (label: string, value: string) => `${label} (menu: ${value})`,
    nothingToClick: (wanted: string, reply: string) =>
      `Nothing to click for "${wanted}": ${reply} has no buttons or menus.`,
    several: (wanted: string, reply: string, list: string) =>
      `"${wanted}" matches several choices of ${reply}: ${list}. Give more of the label.`,
    noMatch: (wanted: string, reply: string, list: string) =>
      `No button or menu option of ${reply} matches "${wanted}". Its choices: ${list}.`,
  },

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

  // Issue 24, cards on a phone: a translated card names the partner as the (English) source does, in its footer.
  englishNames: (names: string, external: boolean) =>
    `In English: ${names}${external ? ' (full name not in the source)' : ''}`,
};

export type Messages = typeof en;
