/** How questions are asked, in English and French: the cue words of each intent and the words that name nothing. */
import { englishStem } from './words.js';

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
export const CUES: Record<Intent, string[]> = {
  howMany: ['how many', 'how much', 'number of', 'count', 'combien', 'nombre de', 'nombre d'],
  when: [
    'when',
    'what year',
    'which year',
    'what date',
    'which date',
    'quand',
    'quelle annee',
    'quelle date',
    'en quelle',
  ],
  where: [
    'where',
    'based',
    'located',
    'location',
    'headquartered',
    'headquarters',
    'seat',
    'sit',
    'sits',
    'situated',
    'ou',
    'siege',
    'siegent',
    'basee',
    'basees',
    'bases',
    'base a',
    'situe',
    'situee',
    'installe',
    'installee',
  ],
  compare: [
    'compare',
    'compared',
    'comparison',
    'both',
    'in common',
    'versus',
    'vs',
    'difference',
    'comparer',
    'les deux',
    'en commun',
    'tous deux',
    'toutes deux',
  ],
  about: [
    'what is',
    'what are',
    'what does',
    'what do',
    'tell me',
    'about',
    'who is',
    'qu est',
    'c est quoi',
    'que fait',
    'que font',
    'presente',
    'parle moi',
  ],
  isPartner: [
    'a partner',
    'partner of',
    'one of the partners',
    'un partenaire',
    'une partenaire',
    'partenaire de',
    'est elle partenaire',
    'est il partenaire',
    'est elle un partenaire',
    'est il un partenaire',
  ],
  first: ['first', 'earliest', 'oldest', 'premier', 'premiere', 'plus ancien', 'plus ancienne', 'initial'],
  latest: [
    'latest',
    'newest',
    'last',
    'most recent',
    'recent',
    'dernier',
    'derniere',
    'plus recent',
    'plus recente',
  ],
  agreement: [
    'agreement',
    'agreements',
    'sign',
    'signed',
    'signing',
    'signature',
    'treaty',
    'treaties',
    'anything',
    'accord',
    'accords',
    'signe',
    'signee',
    'signes',
    'signees',
    'signer',
    'conclu',
    'memorandum',
    'memoranda',
    'mou',
    'mous',
    'protocole',
    'protocoles',
  ],
  mou: [
    'mou',
    'mous',
    'memorandum',
    'memoranda',
    'protocole',
    'protocoles',
    'protocole d accord',
    'protocoles d accord',
  ],
  never: ['never', 'not', 'no', 'without', 'none', 'jamais', 'sans', 'aucun', 'aucune', 'pas'],
  undated: [
    'undated',
    'no date',
    'without a date',
    'without date',
    'not dated',
    'sans date',
    'pas de date',
    'aucune date',
    'non date',
    'non dates',
    'non datee',
    'non datees',
    'date inconnue',
  ],
  milestone: [
    'join',
    'joined',
    'joining',
    'set up',
    'established',
    'establish',
    'founded',
    'created',
    'creation',
    'participate',
    'participated',
    'rejoint',
    'rejoindre',
    'cree',
    'creee',
    'fonde',
    'fondee',
    'etabli',
    'etablie',
    'participe',
  ],
  list: [
    'which',
    'who',
    'what partners',
    'what organisations',
    'list',
    'quels',
    'quelles',
    'qui',
    'lesquels',
    'liste',
  ],
};

/** Words that carry no name: question words, small words, verbs of asking. Never corrected as typos. */
export const GRAMMAR = new Set(
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

/** English stems of the question words: a data word with one of these stems is never a name on its own. */
export const GRAMMAR_STEMS: ReadonlySet<string> = new Set([...GRAMMAR].map(englishStem));
