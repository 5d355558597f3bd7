import { formatPartialDate, parsePartialDate } from '../data/dates.js';
import type { PartialDate } from '../data/schema.js';
import { listJoiner, type Messages, type PeriodWording } from './en.js';

/** French counts the singular up to 1: "0 accord", "1 accord", "2 accords". */
const plural = (n: number, one: string, many: string) => `${n} ${n < 2 ? one : many}`;

const months = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

const listInWords = listJoiner('et');

/** A partner opening a sentence: "l’UNESCO" → "L’UNESCO". */
const opening = (who: string) => `${who.charAt(0).toUpperCase()}${who.slice(1)}`;
/** Partners named with "les" take a plural verb ("les Autorités de l’UE travaillent"). */
const many = (who: string) => who.startsWith('les ');

const frenchDate = (date: PartialDate) =>
  formatPartialDate(date, { months, notStated: 'date non indiquée dans la source', firstDay: '1er' });

const frenchPeriods: PeriodWording = {
  in: 'en',
  on: 'le',
  before: 'avant',
  after: 'après',
  since: 'depuis',
  between: (first, last) => `entre ${first} et ${last}`,
  decade: (year) => `dans les années ${year}`,
};

/** The French catalogue: same keys and signatures as en.ts (checked by `tsc`). */
export const fr: Messages = {
  locale: 'fr',
  sourceInEnglish: 'en anglais',
  date: (date) =>
    formatPartialDate(date, {
      months,
      notStated: 'date non indiquée dans la source',
      firstDay: '1er',
    }),
  listInWords,
  colon: (label, text) => `${label} : ${text}`,
  semicolon: ' ; ',
  quote: (text) => `« ${text} »`,

  sourceFooter: (title) => `Source : « ${title} »`,
  externalFooter: 'hors source, bien établi.',

  agreementsField: '📄 Accords',
  noAgreement: 'Aucun dans la source.',
  agreementWith: (type, counterpart) => `${type} avec ${counterpart}`,
  milestonesField: '🗓️ Étapes',
  focusAreasField: '🎯 Domaines d’action',
  programmesField: '🧭 Programmes et normes',
  relatedBodiesField: '🔗 Organismes liés',
  locationField: '📍 Lieu',
  aliasesField: '🏷️ Autres noms',

  dateNotStated: 'Date non indiquée',
  yearTitle: (year) => `Accords signés en ${year}`,
  timelineTitle: 'Chronologie des accords de l’OMD',
  timelineFooter: (page, pageCount, agreements, decisions) =>
    `Page ${page} sur ${pageCount} · ${plural(agreements, 'accord', 'accords')}${decisions ? ` et ${plural(decisions, 'décision du Conseil', 'décisions du Conseil')}` : ''}`,
  noAgreementInYear: (year, nearest) =>
    `Aucun accord de la source n’a été signé en ${year}. ${nearest.length > 1 ? 'Années les plus proches' : 'Année la plus proche'} avec des accords : ${listInWords(nearest.map(String))} (essayez \`/accords année:${nearest[0]}\`).`,
  yearOutOfRange: (first, last) =>
    `Indiquez une année entre ${first} et ${last}, par exemple \`/accords année:2003\`.`,
  mouExpired: 'Ce bouton a expiré. Relancez `/accords`.',
  mouMenuExpired: 'Ce menu a expiré. Relancez `/accords`.',

  pictureTitle: (first, last) => `Chronologie des accords de l’OMD, ${first}–${last}`,
  pictureDescription: (counts) =>
    `${counts} dans la source. Pour la liste avec toutes les dates, lancez \`/accords vue:liste\`.`,
  pictureAlt: 'Chronologie des accords de l’OMD',
  svgTitle: (first, last) => `Accords de l’OMD, ${first}–${last}`,
  councilDecision: 'Décision du Conseil',
  timelineCounts: (dated, decisions, undated) =>
    [
      plural(dated, 'accord daté', 'accords datés'),
      decisions ? plural(decisions, 'décision du Conseil', 'décisions du Conseil') : '',
      plural(undated, 'accord sans date', 'accords sans date'),
    ]
      .filter(Boolean)
      .join(', '),
  legendFocusArea: 'Domaine d’action',
  dateKnownToThe: 'Date connue au',
  precisionDay: 'jour',
  precisionMonth: 'mois',
  precisionYear: 'à l’année',
  svgSource: (title) => `Source : « ${title} », site de l’OMD`,

  topicTitle: (label) => `Domaine d’action : ${label}`,
  noTopicGiven: 'Indiquez un domaine d’action : par exemple `/thème domaine:biens culturels`.',
  noTopic: (typed) => `Aucun domaine d’action ne s’appelle « ${typed} ».`,
  closestTopics: (count) =>
    count === 0
      ? ' Commencez à taper après `/thème domaine:` et choisissez dans la liste.'
      : count === 1
        ? ' Vouliez-vous dire celui-ci ?'
        : ' Vouliez-vous dire l’un de ceux-ci ?',
  pickTopic: 'Choisir un domaine d’action',
  topicExpired: 'Ce bouton a expiré. Relancez `/thème`.',
  topicMenuExpired: 'Ce menu a expiré. Relancez `/thème`.',

  matched: (text) => `Correspondance : ${text}`,
  otherMatches: 'Autres résultats',
  noPartnerGiven: 'Indiquez un partenaire : par exemple `/partenaire qui:interpol`.',
  noPartner: (typed) => `Aucun partenaire ne correspond à « ${typed} ».`,
  didYouMean: (names) => ` Vouliez-vous dire ${names} ?`,
  tryAName: ' Essayez un nom ou un sigle, comme `interpol` ou `OMS`, ou `/aide`.',
  didYouMeanMenu: 'Vouliez-vous dire…',
  partnerGone: 'Ce partenaire n’est plus dans les données. Relancez `/partenaire`.',
  openCard: 'Ouvrir la fiche d’un partenaire',

  previous: '◀ Précédent',
  next: 'Suivant ▶',
  backToList: '◀ Retour à la liste',
  sourcesButton: '📑 Sources',
  shareButton: '📢 Partager dans le salon',
  sharedBy: (userId) => `Partagé par <@${userId}>`,
  cardExpired: 'Ce bouton a expiré. Rouvrez la fiche du partenaire.',

  sourcesTitle: (title) => `Sources : ${title}`,
  notInSource: 'Non indiqué dans la source (faits bien établis)',
  quotedFrom: (title) => `Cité mot pour mot de « ${title} »`,
  sourcesPage: (page, pageCount) => `page ${page} sur ${pageCount}`,

  mentionsHeading: (count) => `**Partenaires de l’OMD dans ce message** (${count}) :`,
  nothingFound: 'Aucun partenaire de l’OMD n’est mentionné dans ce message.',
  mentionKind: {
    name: 'son nom',
    acronym: 'son sigle',
    alias: 'un autre de ses noms',
    'related body': 'un organisme lié',
    programme: 'son programme',
    place: 'son siège',
  },
  topicsMentioned: 'Domaines d’action qu’il mentionne (à ouvrir ci-dessous) :',
  mentionsExpired: 'Ce menu a expiré. Relancez « Partenaires OMD dans ce message ».',

  undatedAgreement: (what) => `${what} (date non indiquée dans la source)`,
  noDates: (count) =>
    count === 1 ? 'Date non indiquée dans la source.' : 'Dates non indiquées dans la source.',
  yearTitleWithDecisions: (year) => `Accords et décisions de ${year}`,
  suchAs: (names) => `, dont ${names}`,
  externalBoth: '† et nom complet : hors source, bien établis.',
  externalName: 'Nom complet : hors source, bien établi.',
  externalNames: 'Noms complets : hors source, bien établis.',
  externalBothNames: '† et noms complets : hors source, bien établis.',
  agreementTopics: (labels) =>
    `(${labels.length === 1 ? 'domaine d’action' : 'domaines d’action'} : ${labels.join(', ')})`,
  factKinds: {
    summary: ['Résumé', 'Résumé'],
    agreement: ['Accord', 'Accords'],
    milestone: ['Étape', 'Étapes'],
    focusArea: ['Domaine d’action', 'Domaines d’action'],
    programme: ['Programme', 'Programmes'],
    relatedBody: ['Organisme lié', 'Organismes liés'],
    location: ['Lieu', 'Lieux'],
  },
  mentionFound: (name, why) => `${name} : le message cite ${why}`,
  mentionOf: (words, what) => `${words} (${what})`,
  topicButton: (label, words) => `🎯 ${label} (${words})`,
  helpTitle: 'Bot des partenaires de l’OMD',
  helpText: (examples) =>
    [
      '`/partenaire qui:interpol` **pour commencer** : tout partenaire, par nom, sigle ou sujet.',
      '',
      '`/demander question:` **posez votre question**, ou mentionnez le bot, ou écrivez-lui en privé :',
      ...examples.map((example) => `• ${example}`),
      '',
      '`/thème domaine:drogues` : qui travaille dans un domaine d’action.',
      '`/accords année:2003` : les accords d’une année.',
      '`/accords` : tous les accords, par année.',
      '`/accords vue:chronologie` : en image.',
      'Sur un message : **Applications → Partenaires OMD dans ce message**.',
    ].join('\n'),
  helpFooter: (title, retrieved, latest) =>
    `Données de la page de l’OMD « ${title} » (consultée en ${retrieved}), dernier accord : ${latest}`,

  askExamples: [
    'Quand l’OMD a-t-elle signé avec l’UNESCO ?',
    'Qui forme des chiens détecteurs ?',
    'Quels partenaires sont basés à Genève ?',
  ],

  // Asking by mention (gateway): a bare mention, and the playground's own lines
  howToAskByMention: (mention, example) =>
    `Posez-moi votre question après la mention, p. ex. ${mention} ${example} Ou utilisez \`/demander\`.`,

  playground: {
    title: 'Bot des partenaires de l’OMD · bac à sable',
    summary: (partners, agreements, topics) =>
      `${plural(partners, 'partenaire', 'partenaires')}, ${plural(agreements, 'accord', 'accords')}, ${plural(topics, 'domaine d’action', 'domaines d’action')}`,
    typeCommands: 'Tapez les commandes comme dans Discord :',
    messageMenu: 'Le menu Applications d’un message, « Partenaires OMD dans ce message » :',
    messageExample: 'Appel avec l’OLAF et Europol à 10 h',
    askInWords: 'Ou posez une question, comme en message privé au bot :',
    askExample: 'qui forme des chiens détecteurs ?',
    keys: 'Tab complète · un numéro choisit une option ou un bouton · n/p tournent les pages · # commence un commentaire · /exit ou Ctrl-D pour quitter',
    pickHint: (paged) =>
      `Tapez un numéro pour choisir parmi les choix ci-dessus, p. ex. 1${paged ? ' ; n ou p pour la page suivante ou précédente' : ''}.`,
    nothingToPick:
      'Il n’y a encore rien à choisir : lancez une commande dont la réponse a un menu ou des boutons.',
    noChoice: (n, max) => `Il n’y a pas de choix ${n} : choisissez un numéro de 1 à ${max}.`,
    pickOne: 'Choisissez un seul bouton, ou plusieurs options du même menu.',
    lastPage: 'C’est la dernière page.',
    firstPage: 'C’est la première page.',
    noPages:
      'La dernière réponse n’a pas de pages : n/next et p/prev tournent les pages d’une réponse avec ◀ et ▶.',
    typeACommand: (help, list) => `Tapez une commande, comme ${help}. Commandes : ${list}.`,
    unknownCommand: (typed, guess, list) =>
      `Commande inconnue : ${typed}.${guess ? ` Vouliez-vous dire ${guess} ?` : ''} Commandes : ${list}.`,
    takesNoOptions: (command) => `${command} ne prend pas d’option.`,
    optionsOf: (command, list) => `Options de ${command} : ${list}.`,
    required: 'obligatoire',
    needsValue: (name, example) => `${name} demande une valeur, p. ex. ${example}`,
    mustBeOneOf: (name, list, got) => `${name} doit être l’une des valeurs ${list} (reçu ${got}).`,
    atLeastCharacters: (name, n) => `${name} doit compter au moins ${n} caractères.`,
    atMostCharacters: (name, n) => `${name} doit compter au plus ${n} caractères.`,
    mustBeNumber: (name, whole, got) =>
      `${name} doit être un ${whole ? 'nombre entier' : 'nombre'} (reçu ${got}).`,
    mustBeInRange: (name, min, max, got) =>
      `${name} doit être ${min !== undefined && max !== undefined ? `entre ${min} et ${max}` : min !== undefined ? `au moins ${min}` : `au plus ${max}`} (reçu ${got}).`,
    mustBeBoolean: (name, got) => `${name} doit être vrai ou faux (reçu ${got}).`,
    mustBeId: (name, got) => `${name} doit être un identifiant ou une mention comme <@123…> (reçu ${got}).`,
    cannotType: (name) => `${name} : ce type d’option ne peut pas être tapé dans le bac à sable.`,
    hasSubcommands: (command) =>
      `${command} a des sous-commandes, que le bac à sable ne sait pas encore taper.`,
    whatIsItFor: (value) => `Je ne sais pas à quoi sert ${value}.`,
    writeAsNameValue: (example) => ` Écrivez les options sous la forme nom:valeur, p. ex. ${example}.`,
    noSuchOption: (command, typed, guess) =>
      `${command} n’a pas d’option « ${typed} ».${guess ? ` Vouliez-vous dire ${guess} ?` : ''}`,
    givenTwice: (name) => `${name} est donné deux fois.`,
    needs: (command, names, description, example) =>
      `${command} demande ${listInWords(names)} : ${description} Par exemple : ${example}`,
    giveMessageText: 'Donnez le texte du message, par exemple : /message "Réunion avec l’OLAF et Europol"',
    noMessageCommand: 'Ce bot n’a pas de commande de message.',
    onlyYou: '(vous seul voyez ceci)',
    updated: '(le message est mis à jour)',
    emptyMessage: '(message vide)',
    chooseOne: 'Choisissez',
  },

  agreementType: (type) =>
    ({ MOU: 'protocole d’accord', 'Co-operation Agreement': 'accord de coopération' })[type],
  topicsSharingWord: (typed, count) => `« ${typed} » couvre ${count} domaines d’action : choisissez-en un.`,

  onlyCommands: 'Ce bot ne répond qu’à ses commandes, à leurs menus et à leurs boutons.',
  unknownCommand: (name) => `Je ne connais pas la commande ${name}. Essayez \`/aide\`.`,
  componentExpired: 'Ce bouton ou ce menu a expiré. Relancez la commande pour en obtenir un nouveau.',
  apology: 'Désolé, une erreur s’est produite en répondant. Réessayez dans un instant.',

  ask: {
    command: {
      name: 'demander',
      questionName: 'question',
      description:
        'Une question en mots simples sur les partenaires de l’OMD, leurs accords et leurs domaines.',
      questionDescription: 'Votre question, p. ex. qui dresse des chiens détecteurs ? · combien de MOU ?',
    },
    howToAsk: (examples) =>
      `Posez-moi une question sur les partenaires de l’OMD, leurs accords et leurs domaines, par exemple : ${examples.map((e) => `« ${e} »`).join(' · ')}`,
    notPartner: (name, partners) =>
      `« ${name} » n’est pas l’un des ${partners} partenaires de la source : je n’ai rien à son sujet.`,
    isPartner: (who, partners) =>
      `Oui : ${who} ${many(who) ? 'figurent' : 'figure'} parmi les ${partners} partenaires de la source.`,
    agreement: (type, date, counterpart) => {
      const what = type === 'MOU' ? 'un protocole d’accord (MOU)' : 'un accord de coopération';
      const withWhom = counterpart ? ` avec ${counterpart}` : '';
      if (date === null) return `${what}${withWhom} (sans date dans la source)`;
      const on = parsePartialDate(date).precision === 'day' ? 'le' : 'en';
      return `${what}${withWhom} ${on} ${frenchDate(date)}`;
    },
    signed: (who, items) => `L’OMD et ${who} ont signé ${listInWords(items)}.`,
    signedWithOthers: (who, items) => `Pour ${who}, l’OMD a signé ${listInWords(items)}.`,
    noAgreement: (who) => `La source n’indique aucun accord signé entre l’OMD et ${who}.`,
    noAgreementIn: (who, period) => `La source n’indique aucun accord entre l’OMD et ${who} ${period}.`,
    possiblyIn: (items, period) =>
      `Peut-être ${period} : ${listInWords(items)} (la source ne donne que l’année ; la date peut tomber en dehors).`,
    milestone: (who, label, date) =>
      `${label} : ${frenchDate(date)} (${who}). La source le donne comme une étape, pas comme un accord signé.`,
    where: (who, places) =>
      `${opening(who)} ${many(who) ? 'ont leur siège' : 'a son siège'} à ${listInWords(places)}.`,
    whereUnknown: (who) =>
      `La source n’indique pas où ${who} ${many(who) ? 'ont leur siège' : 'a son siège'}.`,
    aboutPartner: (who, areas) =>
      `${opening(who)} ${many(who) ? 'travaillent' : 'travaille'} avec l’OMD dans ces domaines : ${listInWords(areas)}.`,
    aboutBody: (body, relation, under) =>
      `${body} : ${relation} (la source le cite dans sa partie sur ${under}).`,
    aboutProgramme: (programme, under) => `La source cite ${programme} dans sa partie sur ${under}.`,
    inArea: (count, areas, names) => {
      const where =
        areas.length === 1
          ? `dans le domaine « ${areas[0]} »`
          : `dans les domaines ${listInWords(areas.map((area) => `« ${area} »`))}`;
      return count === 1
        ? `1 partenaire travaille ${where} : ${listInWords(names)}.`
        : `${count} partenaires travaillent ${where} : ${listInWords(names)}.`;
    },
    agreementsIn: (count, period, items) =>
      count < 2
        ? `${count} accord signé ${period} : ${listInWords(items)}.`
        : `${count} accords signés ${period} : ${listInWords(items)}.`,
    noAgreementsIn: (period) => `La source n’indique aucun accord signé ${period}.`,
    entry: (who, types, date) => `${who} (${date ? `${types}, ${date}` : types})`,
    periodWords: frenchPeriods,
    neverSigned: (names) =>
      `${names.length} partenaires n’ont aucun accord signé dans la source : ${listInWords(names)}.`,
    undated: (count, items) =>
      `${count} ${count < 2 ? 'protocole d’accord n’a' : 'protocoles d’accord n’ont'} pas de date dans la source : ${listInWords(items)}.`,
    earliest: (items) =>
      items.length === 1
        ? `Le plus ancien : ${listInWords(items)}.`
        : `Les plus anciens : ${listInWords(items)} ; la source ne dit pas lequel vient en premier.`,
    latest: (items) =>
      items.length === 1
        ? `Le plus récent : ${listInWords(items)}.`
        : `Les plus récents : ${listInWords(items)} ; la source ne dit pas lequel vient en dernier.`,
    countMous: (total, dated, undated) =>
      `La source compte ${total} protocoles d’accord (MOU) : ${dated} datés et ${undated} sans date.`,
    countAgreements: (total, mous, partners) =>
      `La source compte ${total} accords signés (${mous} protocoles d’accord et ${total - mous} ${total - mous < 2 ? 'd’un autre type' : 'd’autres types'}) avec ${partners} partenaires.`,
    countPartners: (count) => `La source cite ${count} partenaires de l’OMD.`,
    countIn: (count, what, period) =>
      `${count} ${what === 'MOUs' ? (count < 2 ? 'protocole d’accord' : 'protocoles d’accord') : count < 2 ? 'accord' : 'accords'} ${count < 2 ? 'signé' : 'signés'} ${period}.`,
    bothWorkOn: (a, b, common) =>
      common.length
        ? `${opening(a)} et ${b} travaillent tous deux dans ces domaines : ${listInWords(common)}.`
        : `${opening(a)} et ${b} n’ont aucun domaine en commun dans la source.`,
    alsoWorksOn: (who, areas) => (areas.length ? `${opening(who)} aussi : ${listInWords(areas)}.` : ''),
    bySubject: (names) =>
      `Ce qui s’en rapproche le plus dans la source : ${listInWords(names)}. Ouvrez une fiche pour voir ce qu’elle dit.`,
    sourcesOf: (who) => `📑 ${who}`,
    cardOf: (who) => `🪪 Fiche ${who}`,
  },

  // Clicking by label: `npm run ask -- "/partner who:interpol" --click Sources` (issue 24)
  clickByLabel: {
    reply: (command) => (command ? `la réponse à ${command}` : 'la réponse'),
    button: (label) => `${label} (bouton)`,
    option: (label, value) => `${label} (menu : ${value})`,
    nothingToClick: (wanted, reply) => `Rien à cliquer pour « ${wanted} » : ${reply} n’a ni bouton ni menu.`,
    several: (wanted, reply, list) =>
      `« ${wanted} » désigne plusieurs choix de ${reply} : ${list}. Donnez plus du libellé.`,
    noMatch: (wanted, reply, list) =>
      `Aucun bouton ni option de menu de ${reply} ne correspond à « ${wanted} ». Ses choix : ${list}.`,
  },

  commands: {
    partner: {
      name: 'partenaire',
      whoName: 'qui',
      privateName: 'privé',
      description:
        'Afficher une organisation partenaire de l’OMD : accords, domaines d’action et programmes.',
      whoDescription: 'Nom, sigle ou sujet du partenaire, p. ex. interpol, OMS, blanchiment d’argent',
      privateDescription: 'Réponse visible par vous seul (par défaut : visible dans le salon)',
    },
    mou: {
      name: 'accords',
      yearName: 'année',
      viewName: 'vue',
      description:
        'Accords (protocoles d’accord, coopération) signés par l’OMD, par année ou en chronologie.',
      yearDescription: 'Année de signature, p. ex. 2003 (vide : toute la chronologie)',
      viewDescription: 'Toute la chronologie en liste (par défaut) ou en image',
      list: 'liste',
      timeline: 'chronologie (image)',
    },
    topic: {
      name: 'thème',
      areaName: 'domaine',
      description: 'Les partenaires de l’OMD dans un domaine d’action, p. ex. drogues ou biens culturels.',
      areaDescription: 'Domaine d’action, p. ex. drogues, biens culturels, blanchiment d’argent',
    },
    help: {
      name: 'aide',
      description: 'Ce que fait ce bot, avec un exemple pour chaque commande.',
    },
    mentions: { name: 'Partenaires OMD dans ce message' },
  },

  // Issue 24, cards on a phone: a translated card names the partner as the (English) source does, in its footer.
  englishNames: (names, external) => `En anglais : ${names}${external ? ' (nom complet hors source)' : ''}`,
};
