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
  sourceFooterFor: (title, sentences) => `Source : “${title}”, ${plural(sentences, 'phrase', 'phrases')}`,
  externalFooter: 'non indiqué dans la source ; fait bien établi',

  agreementsField: '📄 Accords',
  noAgreement: 'La source n’indique aucun accord signé avec ce partenaire.',
  agreementWith: (type, counterpart) => `${type} avec ${counterpart}`,
  milestonesField: '🗓️ Étapes',
  focusAreasField: '🎯 Domaines d’action',
  programmesField: '🧭 Programmes, normes et initiatives',
  relatedBodiesField: '🔗 Organismes liés',
  locationField: '📍 Siège',
  aliasesField: '🏷️ Autres noms',

  dateNotStated: 'Date non indiquée',
  yearCount: (agreements, partners) =>
    partners === 1
      ? `${plural(agreements, 'accord', 'accords')} avec un partenaire de l’OMD :`
      : `${plural(agreements, 'accord', 'accords')} avec ${partners} partenaires de l’OMD :`,
  yearTitle: (year) => `Accords signés en ${year}`,
  timelineTitle: 'Chronologie des accords de l’OMD',
  timelineFooter: (page, pageCount, total) =>
    `Page ${page} sur ${pageCount} · ${plural(total, 'accord', 'accords')}`,
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
  svgSource: 'Source : data/source/wco-partnerships.txt',

  topicTitle: (label) => `Domaine d’action : ${label}`,
  topicCount: (partners) =>
    partners < 2
      ? `${partners} partenaire de l’OMD travaille dans ce domaine :`
      : `${partners} partenaires de l’OMD travaillent dans ce domaine :`,
  noTopicGiven: 'Indiquez un domaine d’action : par exemple `/thème domaine:cultural-property`.',
  noTopic: (typed) => `Aucun domaine d’action ne s’appelle “${typed}”.`,
  closestTopics: (slugs) => ` Les plus proches : ${slugs}.`,
  noCloseTopic: ' Commencez à taper et choisissez dans la liste, ou consultez `/aide`.',
  pickTopic: 'Choisir un domaine d’action',
  topicExpired: 'Ce bouton a expiré. Relancez `/thème`.',
  topicMenuExpired: 'Ce menu a expiré. Relancez `/thème`.',

  matched: (text) => `Correspondance : ${text}`,
  otherMatches: 'Autres résultats',
  noPartnerGiven: 'Indiquez un partenaire : par exemple `/partenaire qui:interpol`.',
  noPartner: (typed) => `Aucun partenaire ne correspond à “${typed}”.`,
  didYouMean: (names) => ` Vouliez-vous dire ${names} ?`,
  tryAName: ' Essayez un nom ou un sigle, comme `interpol` ou `WHO`, ou `/aide`.',
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
  summary: 'Résumé',
  focusArea: 'Domaine d’action',
  programme: 'Programme',
  relatedBody: 'Organisme lié',
  location: 'Siège',
  notInSource: 'Non indiqué dans la source (faits bien établis)',
  quotedFrom: (title) => `Cité mot pour mot de “${title}”`,
  sourcesPage: (page, pageCount) => `page ${page} sur ${pageCount}`,

  mentionsHeading: (count) => `**Partenaires de l’OMD dans ce message** (${count}) :`,
  nothingFound: 'Aucun partenaire de l’OMD n’est mentionné dans ce message.',
  mentionKind: {
    name: 'nom',
    acronym: 'sigle',
    alias: 'autre nom',
    'related body': 'organisme lié',
    programme: 'programme',
    place: 'lieu',
  },
  mentionedFrom: (why) => `d’après ${why}`,
  topicsMentioned: (listed, slug) =>
    `Domaines d’action mentionnés : ${listed}. Voir \`/thème domaine:${slug}\`.`,
  mentionsExpired: 'Ce menu a expiré. Relancez « Partenaires OMD dans ce message ».',

  helpTitle: 'Bot des partenaires de l’OMD',
  helpDescription: (partners, agreements, topics, title, notes) =>
    [
      `Avec qui l’Organisation mondiale des douanes travaille : ${plural(partners, 'organisation partenaire', 'organisations partenaires')}, ${plural(agreements, 'accord signé', 'accords signés')} et ${plural(topics, 'domaine d’action', 'domaines d’action')}.`,
      '',
      '**/partenaire** `qui:` nom, sigle ou sujet : la fiche d’un partenaire, avec ses accords, ses domaines d’action et ses programmes.',
      'Exemple : `/partenaire qui:interpol` · `/partenaire qui:money laundering` · ajoutez `privé:True` pour être seul à la voir.',
      '',
      '**/accords** `année:` les accords signés une année donnée, ou toute la chronologie sans année.',
      'Exemple : `/accords année:2003` · `/accords`',
      '',
      '**/thème** `domaine:` les partenaires d’un domaine d’action, avec ce que chacun y fait.',
      'Exemple : `/thème domaine:cultural-property` · `/thème domaine:drugs`',
      '',
      '**D’où viennent les données**',
      `Chaque fait est tiré du document “${title}” (en anglais), avec les phrases exactes enregistrées pour chaque fiche. Les défauts du document ont été corrigés et consignés (${plural(notes, 'note', 'notes')}). Les noms complets marqués † sont des faits bien établis qui n’y figurent pas.`,
      '',
      'Les données sont en anglais : cherchez en anglais (`money laundering`, `drugs`). Noms anglais d’origine des commandes : `/partner who:`, `/mou year:`, `/topic area:`, `/help`.',
    ].join('\n'),
  helpFocusAreas: 'Domaines d’action',
  helpPartners: 'Partenaires',

  askExamples: [
    'Quand l’OMD a-t-elle signé avec l’UNESCO ?',
    'Qui forme des chiens détecteurs ?',
    'Quels partenaires sont basés à Genève ?',
  ],

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
      whoDescription: 'Nom, sigle ou sujet du partenaire, p. ex. interpol, WHO, money laundering',
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
      areaDescription: 'Domaine d’action, p. ex. cultural-property, drugs, money-laundering',
    },
    help: {
      name: 'aide',
      description: 'Ce que fait ce bot, avec un exemple pour chaque commande.',
    },
    mentions: { name: 'Partenaires OMD dans ce message' },
  },
};
