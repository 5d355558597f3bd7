import { formatPartialDate } from '../data/dates.js';
import { listJoiner, type Messages } from './en.js';

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

/** The French catalogue: same keys and signatures as en.ts (checked by `tsc`). */
export const fr: Messages = {
  locale: 'fr',
  sourceInEnglish: 'Texte de la source en anglais',
  date: (date) =>
    formatPartialDate(date, {
      months,
      notStated: 'date non indiquée dans la source',
      firstDay: '1er',
    }),
  listInWords,
  colon: (label, text) => `${label} : ${text}`,

  sourceFooter: (title) => `Source : “${title}”`,
  externalFooter: 'non indiqué dans la source ; fait bien établi',

  agreementsField: '📄 Accords',
  noAgreement: 'Aucun dans la source.',
  agreementWith: (type, counterpart) => `${type} avec ${counterpart}`,
  milestonesField: '🗓️ Étapes',
  focusAreasField: '🎯 Domaines d’action',
  programmesField: '🧭 Programmes, normes et initiatives',
  relatedBodiesField: '🔗 Organismes liés',
  locationField: '📍 Siège',
  aliasesField: '🏷️ Autres noms',

  dateNotStated: 'Date non indiquée',
  yearTitle: (year) => `Accords signés en ${year}`,
  timelineTitle: 'Chronologie des accords de l’OMD',
  timelineFooter: (page, pageCount, agreements, decisions) =>
    `Page ${page} sur ${pageCount} · ${plural(agreements, 'accord', 'accords')}${decisions ? ` et ${plural(decisions, 'décision du Conseil', 'décisions du Conseil')}` : ''}`,
  noAgreementInYear: (year, nearest) =>
    `Aucun accord de la source n’a été signé en ${year}. ${nearest.length > 1 ? 'Années les plus proches' : 'Année la plus proche'} avec des accords : ${listInWords(nearest.map(String))} (essayez \`/accords année:${nearest[0]}\`).`,
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
  svgSource: (title) => `Source : “${title}”, site de l’OMD`,

  topicTitle: (label) => `Domaine d’action : ${label}`,
  noTopicGiven: 'Indiquez un domaine d’action : par exemple `/thème domaine:biens culturels`.',
  noTopic: (typed) => `Aucun domaine d’action ne s’appelle “${typed}”.`,
  closestTopics: (slugs) => ` Les plus proches : ${slugs}.`,
  noCloseTopic: ' Commencez à taper après `/thème domaine:` et choisissez dans la liste.',
  pickTopic: 'Choisir un domaine d’action',
  topicExpired: 'Ce bouton a expiré. Relancez `/thème`.',
  topicMenuExpired: 'Ce menu a expiré. Relancez `/thème`.',

  matched: (text) => `Correspondance : ${text}`,
  otherMatches: 'Autres résultats',
  noPartnerGiven: 'Indiquez un partenaire : par exemple `/partenaire qui:interpol`.',
  noPartner: (typed) => `Aucun partenaire ne correspond à “${typed}”.`,
  didYouMean: (names) => ` Vouliez-vous dire ${names} ?`,
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

  sourcesTitle: (title) => `Sources : ${title}`,
  notInSource: 'Non indiqué dans la source (faits bien établis)',
  quotedFrom: (title) => `Cité mot pour mot de “${title}”`,
  sourcesPage: (page, pageCount) => `page ${page} sur ${pageCount}`,

  mentionsHeading: (count) => `**Partenaires de l’OMD dans ce message** (${count}) :`,
  nothingFound: 'Aucun partenaire de l’OMD n’est mentionné dans ce message.',
  mentionKind: {
    name: 'son nom',
    acronym: 'son sigle',
    alias: 'un autre de ses noms',
    'related body': 'un organisme avec qui il travaille',
    programme: 'son programme',
    place: 'son siège',
  },
  topicsMentioned: 'Domaines d’action qu’il mentionne (à ouvrir ci-dessous) :',
  mentionsExpired: 'Ce menu a expiré. Relancez « Partenaires OMD dans ce message ».',

  undatedAgreement: (what) => `${what} (date non indiquée dans la source)`,
  noDates: (count) =>
    count === 1 ? 'Date non indiquée dans la source.' : 'Dates non indiquées dans la source.',
  yearTitleWithDecisions: (year) => `Accords et décisions de ${year}`,
  suchAs: (names) => `, dont ${names}`,
  externalBoth: '† et nom complet : non indiqués dans la source ; faits bien établis.',
  externalName: 'Nom complet non indiqué dans la source ; fait bien établi.',
  agreementTopics: (labels) =>
    `(${labels.length === 1 ? 'domaine d’action' : 'domaines d’action'} : ${labels.join(', ')})`,
  factKinds: {
    summary: ['Résumé', 'Résumé'],
    agreement: ['Accord', 'Accords'],
    milestone: ['Étape', 'Étapes'],
    focusArea: ['Domaine d’action', 'Domaines d’action'],
    programme: ['Programme', 'Programmes'],
    relatedBody: ['Organisme lié', 'Organismes liés'],
    location: ['Lieu', 'Lieux'],
  },
  mentionFound: (name, why) => `${name} : le message cite ${why}`,
  mentionOf: (words, what) => `${words} (${what})`,
  topicButton: (label, words) => `🎯 ${label} (${words})`,
  helpTitle: 'Bot des partenaires de l’OMD',
  helpText: (examples) =>
    [
      '**Commencez par** `/partenaire qui:` et un nom, un sigle ou un sujet : `/partenaire qui:interpol`.',
      '',
      '**Posez votre question** avec `/demander question:`, en mentionnant le bot ou en message privé :',
      ...examples.map((example) => `• ${example}`),
      '',
      '**Aussi**',
      '`/thème domaine:drogues` : qui travaille dans un domaine d’action.',
      '`/accords année:2003` : les accords d’une année ; `/accords` : tous ; `/accords vue:chronologie` : en image.',
      'Sur un message : **Applications → Partenaires OMD dans ce message**.',
    ].join('\n'),
  helpFooter: (title, retrieved, latest) =>
    `Données de la page de l’OMD “${title}” (consultée en ${retrieved}), dernier accord : ${latest}`,

  askExamples: [
    'Quand l’OMD a-t-elle signé avec l’UNESCO ?',
    'Qui forme des chiens détecteurs ?',
    'Quels partenaires sont basés à Genève ?',
  ],

  agreementType: (type) =>
    ({ MOU: 'protocole d’accord', 'Co-operation Agreement': 'accord de coopération' })[type],
  topicsSharingWord: (typed) => `“${typed}” désigne plusieurs domaines d’action : choisissez-en un.`,

  onlyCommands: 'Ce bot ne répond qu’à ses commandes, à leurs menus et à leurs boutons.',
  unknownCommand: (name) => `Je ne connais pas la commande ${name}. Essayez \`/aide\`.`,
  componentExpired: 'Ce bouton ou ce menu a expiré. Relancez la commande pour en obtenir un nouveau.',
  apology: 'Désolé, une erreur s’est produite en répondant. Réessayez dans un instant.',

  commands: {
    partner: {
      name: 'partenaire',
      whoName: 'qui',
      privateName: 'privé',
      description:
        'Afficher une organisation partenaire de l’OMD : accords, domaines d’action et programmes.',
      whoDescription: 'Nom, sigle ou sujet du partenaire, p. ex. interpol, OMS, blanchiment d’argent',
      privateDescription: 'Réponse visible par vous seul (par défaut : visible dans le salon)',
    },
    mou: {
      name: 'accords',
      yearName: 'année',
      viewName: 'vue',
      description:
        'Accords (protocoles d’accord, coopération) signés par l’OMD, par année ou en chronologie.',
      yearDescription: 'Année de signature, p. ex. 2003 (vide : toute la chronologie)',
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
};
