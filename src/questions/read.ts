/**
 * Reading a question: what it asks (read first, from the question words, before small words are dropped),
 * the period it names, then the partners, bodies, programmes, places and focus areas it names (phrase table),
 * and any organisation it names that the data does not know.
 */
import type { Partner, Topic } from '../data/schema.js';
import type { Found, PhraseTable, Via } from './phrases.js';
import { type Period, readPeriod } from './time.js';
import { type Word, wordsOf } from './words.js';

export type Intent =
  | 'howMany'
  | 'when'
  | 'where'
  | 'compare'
  | 'about'
  | 'isPartner'
  | 'first'
  | 'latest'
  | 'agreement'
  | 'mou'
  | 'never'
  | 'undated'
  | 'milestone'
  | 'list';

/** Cue phrases (folded words) for each intent, English and French. */
const CUES: Record<Intent, string[]> = {
  howMany: ['how many', 'how much', 'number of', 'count', 'combien', 'nombre de', 'nombre d'],
  when: ['when', 'what year', 'which year', 'what date', 'which date', 'quand', 'quelle annee', 'quelle date', 'en quelle'],
  where: [
    'where', 'based', 'located', 'location', 'headquartered', 'headquarters', 'seat', 'sit', 'sits', 'situated',
    'ou', 'siege', 'siegent', 'basee', 'basees', 'bases', 'base a', 'situe', 'situee', 'installe', 'installee',
  ],
  compare: ['compare', 'compared', 'comparison', 'both', 'in common', 'versus', 'vs', 'difference', 'comparer', 'les deux', 'en commun', 'tous deux', 'toutes deux'],
  about: ['what is', 'what are', 'what does', 'what do', 'tell me', 'about', 'who is', 'qu est', 'c est quoi', 'que fait', 'que font', 'presente', 'parle moi'],
  isPartner: ['a partner', 'partner of', 'one of the partners', 'un partenaire', 'une partenaire', 'partenaire de', 'est elle partenaire', 'est il partenaire', 'est elle un partenaire', 'est il un partenaire'],
  first: ['first', 'earliest', 'oldest', 'premier', 'premiere', 'plus ancien', 'plus ancienne', 'initial'],
  latest: ['latest', 'newest', 'last', 'most recent', 'recent', 'dernier', 'derniere', 'plus recent', 'plus recente'],
  agreement: [
    'agreement', 'agreements', 'sign', 'signed', 'signing', 'signature', 'treaty', 'treaties', 'anything',
    'accord', 'accords', 'signe', 'signee', 'signes', 'signees', 'signer', 'conclu', 'memorandum', 'memoranda',
    'mou', 'mous', 'protocole', 'protocoles',
  ],
  mou: ['mou', 'mous', 'memorandum', 'memoranda', 'protocole', 'protocoles', 'protocole d accord', 'protocoles d accord'],
  never: ['never', 'not', 'no', 'without', 'none', 'jamais', 'sans', 'aucun', 'aucune', 'pas'],
  undated: ['undated', 'no date', 'without a date', 'without date', 'not dated', 'sans date', 'non date', 'non dates', 'non datee', 'non datees', 'date inconnue'],
  milestone: [
    'join', 'joined', 'joining', 'set up', 'established', 'establish', 'founded', 'created', 'creation',
    'participate', 'participated', 'rejoint', 'rejoindre', 'cree', 'creee', 'fonde', 'fondee', 'etabli', 'etablie', 'participe',
  ],
  list: ['which', 'who', 'what partners', 'what organisations', 'list', 'quels', 'quelles', 'qui', 'lesquels', 'liste'],
};

/** Words that carry no name: question words, small words, verbs of asking. Never corrected as typos. */
const GRAMMAR = new Set(
  [
    ...Object.values(CUES).flatMap((cues) => cues.flatMap((cue) => cue.split(' '))),
    ...(
      'a an the of in on at to for by with from and or is are was were be been do does did has have had it its ' +
      'this that these those there their they them he she we you i me my our your s t any all some other ' +
      'wco world customs organization organisation partner partners partnership organisations organizations ' +
      'work works working worked deal deals dealing help helps helping handle handles cover covers covering ' +
      'fight fights fighting combat combats combating against can could would should will shall please ' +
      'show give find tell know like also ever yet still just only than then so as but if ' +
      'le la les l un une des du de d et ou en au aux avec pour par sur dans est sont a ont ete etait il elle ' +
      'ils elles ce c cet cette ces qu que quoi qui se s n ne y fait font travaille travaillent lutte luttent ' +
      'contre trafic aide aident omd partenaire partenaires organisation organisations'
    ).split(' '),
  ].filter(Boolean),
);

/** Capitalised words that name no organisation. */
const NOT_NAMES = new Set(['wco', 'omd', 'mou', 'mous', 'un', 'eu', 'ue', 'dg', 'i', 'a', 'ok']);
/** Verbs after which "with X" names an organisation ("work with the imf"). */
const WORKS_WITH = new Set(['work', 'works', 'worked', 'cooperate', 'cooperates', 'partner', 'partners', 'collaborate', 'travaille', 'cooperer']);
/** Negated verbs: "didn't" reads as "didn" + "t"; only these make the "t" a "not". */
const NEGATABLE = new Set(['don', 'doesn', 'didn', 'isn', 'wasn', 'aren', 'weren', 'hasn', 'haven', 'hadn']);

export interface NamedPartner {
  partner: Partner;
  via: Via;
  /** The body, programme or place named, for answers about it. */
  named?: string;
}

export interface Reading {
  intents: Set<Intent>;
  period?: Period;
  partners: NamedPartner[];
  topics: Topic[];
  /** The WCO itself was named. */
  wco: boolean;
  /** An organisation the question names that the data does not know ("the IMF", "NATO"). */
  unknownName?: string;
  /** Words understood as nothing (not question words, not names): what the fallback search looks for. */
  leftover: Word[];
}

function cuePositions(words: readonly Word[]): { intents: Set<Intent>; used: Set<number> } {
  const intents = new Set<Intent>();
  const used = new Set<number>();
  const folded = words.map((word) => word.folded);
  for (const [intent, cues] of Object.entries(CUES) as [Intent, string[]][]) {
    for (const cue of cues) {
      const parts = cue.split(' ');
      for (let at = 0; at + parts.length <= folded.length; at++) {
        if (!parts.every((part, i) => folded[at + i] === part)) continue;
        // "who" is WHO in capitals or after "the"; "ou" is "où" only with its accent.
        const word = words[at] as Word;
        if (cue === 'who' && (word.text === 'WHO' || folded[at - 1] === 'the')) continue;
        if (cue === 'ou' && word.text.toLowerCase() !== 'où') continue;
        if (cue === 'deal' && folded[at + 1] === 'with') continue;
        intents.add(intent);
        for (let i = 0; i < parts.length; i++) used.add(at + i);
      }
    }
  }
  for (let at = 1; at < folded.length; at++) {
    if (folded[at] === 't' && NEGATABLE.has(folded[at - 1] ?? '')) intents.add('never');
  }
  return { intents, used };
}

/** An organisation named in capitals (IMF, NATO, Red Cross) or after "is the … a partner", "with the …". */
function unknownNameIn(
  words: readonly Word[],
  understood: ReadonlySet<number>,
  intents: ReadonlySet<Intent>,
): string | undefined {
  const free = (i: number) => !understood.has(i) && !NOT_NAMES.has(words[i]?.folded ?? '');
  const capitalised = (i: number) => {
    const text = words[i]?.text ?? '';
    return /^\p{Lu}/u.test(text) && (i > 0 || text.length > 1) && !GRAMMAR.has(words[i]?.folded ?? '');
  };
  const acronym = words.findIndex((word, i) => free(i) && /^\p{Lu}{2,10}$/u.test(word.text));
  if (acronym >= 0) return words[acronym]?.text;
  for (let i = 1; i < words.length; i++) {
    if (!free(i) || !capitalised(i)) continue;
    let end = i;
    while (end + 1 < words.length && free(end + 1) && capitalised(end + 1)) end++;
    return words
      .slice(i, end + 1)
      .map((word) => word.text)
      .join(' ');
  }
  // Lower case, in a question about partners or agreements: what follows "with the", "is the", "avec l'"
  // up to a question word, if nothing else read it ("is the imf a partner").
  const asksAboutPartners = intents.has('isPartner') || intents.has('agreement');
  const cues = asksAboutPartners ? new Set(['with', 'is', 'avec', 'le', 'la', 'l', 'about']) : WORKS_WITH;
  for (let i = 0; i < words.length - 1; i++) {
    const cue = words[i]?.folded ?? '';
    if (!cues.has(cue) && !(cue === 'with' && WORKS_WITH.has(words[i - 1]?.folded ?? ''))) continue;
    let start = i + 1;
    if (['the', 'le', 'la', 'l', 'les'].includes(words[start]?.folded ?? '')) start++;
    let end = start;
    while (end < words.length && free(end) && !GRAMMAR.has(words[end]?.folded ?? '')) end++;
    if (end > start)
      return words
        .slice(start, end)
        .map((word) => word.text)
        .join(' ');
  }
  return undefined;
}

export function readQuestion(question: string, table: PhraseTable): Reading {
  const words = wordsOf(question);
  const { intents, used: cueWords } = cuePositions(words);
  const { period, used: dateWords } = readPeriod(words);
  // Typos: a word the table nearly knows, unless it is a question word or a date.
  const corrected = words.map((word, i) => {
    if (GRAMMAR.has(word.folded) || dateWords.has(i)) return word;
    const fix = table.correct(word.folded);
    const [fixed] = fix ? wordsOf(fix) : [];
    return fixed ? { ...fixed, text: word.text } : word;
  });
  const found: Found[] = table.find(corrected, dateWords);
  const partners: NamedPartner[] = [];
  const topics: Topic[] = [];
  let wco = false;
  const understood = new Set<number>([...dateWords]);
  for (const hit of found) {
    for (let i = hit.start; i < hit.end; i++) understood.add(i);
    for (const target of hit.targets) {
      if (target.kind === 'wco') wco = true;
      else if (target.kind === 'topic') {
        if (!topics.includes(target.topic)) topics.push(target.topic);
      } else if (!partners.some((known) => known.partner === target.partner)) {
        partners.push({ partner: target.partner, via: target.via, named: target.named });
      }
    }
  }
  const leftover = corrected.filter((word, i) => !understood.has(i) && !cueWords.has(i) && !GRAMMAR.has(word.folded));
  const unknownName = partners.length ? undefined : unknownNameIn(words, new Set([...understood, ...cueWords]), intents);
  return { intents, period, partners, topics, wco, unknownName, leftover };
}
