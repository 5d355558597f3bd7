/**
 * From a reading of a question to its answer: one or two sentences written from the data in the reader's
 * language, and what backs them (the partners, focus areas or agreements the reply shows under them).
 */
import { type AgreementEntry, allAgreements } from '../data/agreements.js';
import type { Dataset } from '../data/dataset.js';
import type { Agreement, Partner, Topic } from '../data/schema.js';
import type { Messages } from '../i18n/index.js';
import type { PartnerSearch, TopicSearch } from '../search/index.js';
import type { NamedPartner, Reading } from './read.js';
import { daysOfPartialDate, type Fit, fits, type Period, periodInWords } from './time.js';

export type AnswerKind =
  | 'when'
  | 'milestone'
  | 'where'
  | 'about'
  | 'isPartner'
  | 'partners'
  | 'agreements'
  | 'count'
  | 'compare'
  | 'notPartner'
  | 'howToAsk';

export interface Answer {
  kind: AnswerKind;
  /** The direct answer, one or two sentences. */
  text: string;
  /** The partners the reply shows under it (a card for one, cards or a menu for more). */
  partners: readonly Partner[];
  /** Focus areas whose cards back the answer. */
  topics: readonly Topic[];
  /** Agreements whose list backs the answer. */
  agreements?: readonly AgreementEntry[];
}

export interface QuestionData {
  dataset: Dataset;
  partnerSearch: PartnerSearch;
  /** For a word that fits several focus areas ("smuggling"), as /topic reads it. */
  topicSearch?: TopicSearch;
}

const answer = (
  kind: AnswerKind,
  sentences: readonly string[],
  partners: readonly Partner[] = [],
  extra: Partial<Pick<Answer, 'topics' | 'agreements'>> = {},
): Answer => ({ kind, text: sentences.filter(Boolean).join(' '), partners, topics: [], ...extra });

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Partners named in an answer: the acronym where there is one ("INTERPOL"), else the name. */
const nameOf = (partner: Partner) => partner.acronym ?? partner.name;

/**
 * Who signed for the partner, when not the partner itself (the dog-training MOUs name each country's Customs),
 * as a sentence names them (`named`: in French, with their articles).
 */
function counterpart(
  partner: Partner,
  agreement: Agreement,
  named?: ReadonlyMap<string, string>,
): string | undefined {
  const others = agreement.parties.filter((party) => !party.startsWith('WCO'));
  const own = [partner.acronym, partner.name].filter(Boolean) as string[];
  return others.some((party) => !own.some((name) => party.startsWith(name)))
    ? others.map((party) => named?.get(party) ?? party).join(', ')
    : undefined;
}

function agreementItems(
  partner: Partner,
  agreements: readonly Agreement[],
  t: Messages,
  named?: ReadonlyMap<string, string>,
): string[] {
  return agreements.map((agreement) =>
    t.ask.agreement(agreement.type, agreement.date, counterpart(partner, agreement, named)),
  );
}

/**
 * "INTERPOL (MOU, 2003)", one per partner and date (Europol's two 2002 agreements are one line); "INTERPOL (MOU)"
 * when the date is the one asked ("in 2003"), which the sentence already says.
 */
function entryItems(entries: readonly AgreementEntry[], t: Messages, asked?: string): string[] {
  const lines = new Map<string, { partner: Partner; types: Agreement['type'][]; date: Agreement['date'] }>();
  for (const { partner, agreement } of entries) {
    const key = `${partner.id}|${agreement.date}`;
    const line = lines.get(key) ?? { partner, types: [], date: agreement.date };
    if (!line.types.includes(agreement.type)) line.types.push(agreement.type);
    lines.set(key, line);
  }
  return [...lines.values()].map(({ partner, types, date }) =>
    t.ask.entry(nameOf(partner), types.map(t.agreementType).join(', '), date === asked ? '' : t.date(date)),
  );
}

/** The date a period names exactly ("in 2003": "2003"; "in May 1998": "1998-05"), as the data writes dates. */
function exactDate(period: Period | undefined): string | undefined {
  if (period?.asked.kind !== 'in') return undefined;
  const { year, month, day } = period.asked.date;
  const two = (n: number) => String(n).padStart(2, '0');
  return [String(year), ...(month ? [two(month)] : []), ...(month && day ? [two(day)] : [])].join('-');
}

const byStart = (a: AgreementEntry, b: AgreementEntry) =>
  daysOfPartialDate(a.agreement.date ?? '9999').first - daysOfPartialDate(b.agreement.date ?? '9999').first;

/**
 * The first or last of dated agreements: every one that may be it, as far as the source's precision tells
 * (CITES "1996" and UNODC "November 1996" may each be the earliest).
 */
function extremes(entries: readonly AgreementEntry[], which: 'first' | 'latest'): AgreementEntry[] {
  const dated = entries.filter((entry) => entry.agreement.date !== null);
  if (!dated.length) return [];
  const spans = dated.map((entry) => daysOfPartialDate(entry.agreement.date as string));
  if (which === 'first') {
    const earliestEnd = Math.min(...spans.map((span) => span.last));
    return dated.filter((_, i) => (spans[i]?.first ?? 0) <= earliestEnd);
  }
  const latestStart = Math.max(...spans.map((span) => span.first));
  return dated.filter((_, i) => (spans[i]?.last ?? 0) >= latestStart);
}

/** Ways of naming a partner itself (not a body, programme or place it is linked to). */
const DIRECT: ReadonlySet<string> = new Set(['name', 'acronym', 'alias', 'namePart']);

export class Answerer {
  private readonly agreements: readonly AgreementEntry[];

  constructor(private readonly data: QuestionData) {
    this.agreements = allAgreements(data.dataset);
  }

  /** A partner named inside a sentence: with its article in French ("l’UNESCO"), else as lists name it. */
  private inText(partner: Partner): string {
    return this.data.dataset.inSentence?.get(partner.id) ?? nameOf(partner);
  }

  private get partnerCount(): number {
    return this.data.dataset.partners.length;
  }

  private agreementsOf(reading: Reading, partner?: Partner): AgreementEntry[] {
    const onlyMous = reading.intents.has('mou');
    return this.agreements.filter(
      (entry) => (!partner || entry.partner === partner) && (!onlyMous || entry.agreement.type === 'MOU'),
    );
  }

  answer(reading: Reading, t: Messages): Answer {
    const { intents, partners, topics } = reading;
    // An unknown name beside a focus area may be a word of the area ("Initiative"); an acronym is a name.
    const unknown = reading.unknownName;
    if (!partners.length && unknown && (!topics.length || /^\p{Lu}{2,}$/u.test(unknown)))
      return answer('notPartner', [t.ask.notPartner(unknown, this.partnerCount)]);
    if (intents.has('howMany')) return this.count(reading, t);
    const direct = partners.filter((named) => DIRECT.has(named.via));
    const [first, second] = direct.length >= 2 ? direct : partners;
    if (first && second && DIRECT.has(first.via) && DIRECT.has(second.via) && !this.asksDates(reading))
      return this.compare(first.partner, second.partner, t);
    if (first) {
      const onPlace = partners.filter((named) => named.via === 'place');
      if (onPlace.length === partners.length && !intents.has('when') && !intents.has('agreement'))
        return this.where(
          onPlace.map((named) => named.partner),
          t,
        );
      return this.aboutPartner(first, reading, t);
    }
    if (topics.length) {
      const [only, ...others] = this.membersOf(topics);
      const aboutOne = intents.has('milestone') || intents.has('where') || this.asksDates(reading);
      if (only && !others.length && aboutOne)
        return this.aboutPartner({ partner: only, via: 'name' }, reading, t);
      return this.inAreas(topics, reading, t);
    }
    if (intents.has('undated') || this.asksDates(reading)) return this.agreementList(reading, t);
    return this.bySearch(reading, t);
  }

  private asksDates({ intents, period }: Reading): boolean {
    return (
      Boolean(period) ||
      ['when', 'agreement', 'first', 'latest'].some((intent) => intents.has(intent as never))
    );
  }

  private aboutPartner(named: NamedPartner, reading: Reading, t: Messages): Answer {
    const { partner, via } = named;
    const { intents } = reading;
    const who = this.inText(partner);
    if (intents.has('where')) return this.where([partner], t);
    const asksDates = this.asksDates(reading);
    const milestones = partner.milestones
      .filter((milestone) => fits(milestone.date, reading.period) !== 'no')
      .map((milestone) => t.ask.milestone(who, milestone.label, milestone.date));
    if (intents.has('milestone') && milestones.length) return answer('milestone', milestones, [partner]);
    if (asksDates && !partner.agreements.length)
      return answer('when', [t.ask.noAgreement(who), ...milestones], [partner]);
    if (asksDates) return this.whenSigned(partner, reading, t);
    if (intents.has('isPartner') && (via === 'relatedBody' || via === 'programme'))
      return this.aboutNamed(named, t);
    if (intents.has('isPartner'))
      return answer(
        'isPartner',
        [t.ask.isPartner(who, this.partnerCount), this.areasOf(partner, t)],
        [partner],
      );
    if (via === 'relatedBody' || via === 'programme') return this.aboutNamed(named, t);
    return answer(
      'about',
      [this.areasOf(partner, t), this.signedSentence(partner, partner.agreements, t)],
      [partner],
    );
  }

  private areasOf(partner: Partner, t: Messages): string {
    const labels = partner.focusAreas.map(
      (area) => this.data.dataset.topicBySlug.get(area.topic)?.label ?? area.topic,
    );
    return t.ask.aboutPartner(this.inText(partner), labels);
  }

  private signedSentence(partner: Partner, agreements: readonly Agreement[], t: Messages): string {
    if (!agreements.length) return t.ask.noAgreement(this.inText(partner));
    const items = agreementItems(partner, agreements, t, this.data.dataset.bodyInSentence);
    return agreements.some((agreement) => counterpart(partner, agreement))
      ? t.ask.signedWithOthers(this.inText(partner), items)
      : t.ask.signed(this.inText(partner), items);
  }

  /** A related body or programme: what the source says it is, and under which partner. */
  private aboutNamed(named: NamedPartner, t: Messages): Answer {
    const owners = this.data.dataset.partners.filter((partner) =>
      named.via === 'relatedBody'
        ? partner.relatedBodies.some((body) => body.name === named.named)
        : partner.programmes.some((programme) => programme.name === named.named),
    );
    const sentences = owners.map((partner) => {
      const body = partner.relatedBodies.find((candidate) => candidate.name === named.named);
      const label = body?.acronym ? `${body.acronym} (${body.name})` : (named.named ?? '');
      return body
        ? t.ask.aboutBody(label, body.relation, this.inText(partner))
        : t.ask.aboutProgramme(label, this.inText(partner));
    });
    return answer('about', unique(sentences), owners);
  }

  private whenSigned(partner: Partner, reading: Reading, t: Messages): Answer {
    const { intents, period } = reading;
    const who = this.inText(partner);
    let mine = this.agreementsOf(reading, partner);
    if (!mine.length) mine = this.agreementsOf({ ...reading, intents: new Set() }, partner);
    if (!mine.length) return answer('when', [t.ask.noAgreement(who)], [partner]);
    const fitting = mine.filter((entry) => fits(entry.agreement.date, period) !== 'no');
    if (!fitting.length && period) {
      const all = this.signedSentence(
        partner,
        mine.map((entry) => entry.agreement),
        t,
      );
      return answer('when', [t.ask.noAgreementIn(who, periodInWords(period.asked, t)), all], [partner]);
    }
    const order = intents.has('latest') ? 'latest' : intents.has('first') ? 'first' : undefined;
    const picked = order ? extremes(fitting, order) : fitting;
    const shown = picked.length ? picked : fitting;
    return answer(
      'when',
      [
        this.signedSentence(
          partner,
          shown.map((entry) => entry.agreement),
          t,
        ),
      ],
      [partner],
    );
  }

  private where(partners: readonly Partner[], t: Messages): Answer {
    const sentences = partners.map((partner) =>
      partner.locations.length
        ? t.ask.where(
            this.inText(partner),
            partner.locations.map((location) => location.place),
          )
        : t.ask.whereUnknown(this.inText(partner)),
    );
    return answer('where', sentences, partners);
  }

  private compare(a: Partner, b: Partner, t: Messages): Answer {
    const label = (slug: string) => this.data.dataset.topicBySlug.get(slug)?.label ?? slug;
    const areasOf = (partner: Partner) => partner.focusAreas.map((area) => area.topic);
    const common = areasOf(a).filter((slug) => areasOf(b).includes(slug));
    const only = (partner: Partner) =>
      areasOf(partner)
        .filter((slug) => !common.includes(slug))
        .map(label);
    const sentences = common.length
      ? [
          t.ask.bothWorkOn(this.inText(a), this.inText(b), common.map(label)),
          t.ask.alsoWorksOn(this.inText(a), only(a)),
          t.ask.alsoWorksOn(this.inText(b), only(b)),
        ]
      : [t.ask.bothWorkOn(this.inText(a), this.inText(b), []), this.areasOf(a, t), this.areasOf(b, t)];
    return answer('compare', sentences, [a, b]);
  }

  private membersOf(topics: readonly Topic[]): Partner[] {
    const slugs = new Set(topics.map((topic) => topic.slug));
    return this.data.dataset.partners.filter((partner) =>
      partner.focusAreas.some((area) => slugs.has(area.topic)),
    );
  }

  private inAreas(topics: readonly Topic[], reading: Reading, t: Messages): Answer {
    const members = this.membersOf(topics);
    const { intents, period } = reading;
    if (period || intents.has('when') || intents.has('first') || intents.has('latest')) {
      const entries = this.agreements.filter((entry) => members.includes(entry.partner));
      return this.agreementList(reading, t, entries);
    }
    const names = members.map(nameOf);
    const labels = topics.map((topic) => topic.label);
    return answer('partners', [t.ask.inArea(members.length, labels, names)], members, { topics });
  }

  private agreementList(reading: Reading, t: Messages, among?: readonly AgreementEntry[]): Answer {
    const { intents, period } = reading;
    const entries = among ?? this.agreementsOf(reading);
    if (intents.has('never') && !intents.has('undated') && !period) {
      const without = this.data.dataset.partners.filter((partner) => !partner.agreements.length);
      return answer('partners', [t.ask.neverSigned(without.map(nameOf))], without);
    }
    if (intents.has('undated')) {
      const undated = entries.filter((entry) => entry.agreement.date === null);
      const items = undated.map(
        ({ partner, agreement }) =>
          counterpart(partner, agreement, this.data.dataset.bodyInSentence) ?? nameOf(partner),
      );
      return answer(
        'agreements',
        [t.ask.undated(undated.length, items)],
        unique(undated.map((e) => e.partner)),
        {
          agreements: undated,
        },
      );
    }
    const fitOf = (entry: AgreementEntry): Fit => fits(entry.agreement.date, period);
    const sure = entries.filter((entry) => fitOf(entry) === 'yes').sort(byStart);
    const possible = entries.filter((entry) => fitOf(entry) === 'possibly').sort(byStart);
    const order = intents.has('latest') ? 'latest' : intents.has('first') ? 'first' : undefined;
    if (order) {
      const picked = extremes([...sure, ...possible], order).sort(byStart);
      const sentence =
        order === 'first' ? t.ask.earliest(entryItems(picked, t)) : t.ask.latest(entryItems(picked, t));
      return answer('agreements', [sentence], unique(picked.map((e) => e.partner)), { agreements: picked });
    }
    if (!period) return this.countAll(reading, t);
    const when = periodInWords(period.asked, t);
    const shown = [...sure, ...possible].sort(byStart);
    const sentences = [
      sure.length
        ? t.ask.agreementsIn(sure.length, when, entryItems(sure, t, exactDate(period)))
        : t.ask.noAgreementsIn(when),
      possible.length ? t.ask.possiblyIn(entryItems(possible, t), when) : '',
    ];
    return answer('agreements', sentences, unique(shown.map((e) => e.partner)), { agreements: shown });
  }

  private count(reading: Reading, t: Messages): Answer {
    const { intents, topics, period, partners } = reading;
    if (topics.length && !intents.has('agreement')) {
      const inAreas = this.inAreas(topics, { ...reading, period: undefined, intents: new Set() }, t);
      return { ...inAreas, kind: 'count' };
    }
    if (period) {
      const entries = this.agreementsOf(reading).filter(
        (entry) => fits(entry.agreement.date, period) === 'yes',
      );
      const what = intents.has('mou') ? 'MOUs' : 'agreements';
      return answer(
        'count',
        [t.ask.countIn(entries.length, what, periodInWords(period.asked, t))],
        unique(entries.map((e) => e.partner)),
        {
          agreements: entries,
        },
      );
    }
    if (partners[0]) return { ...this.whenSigned(partners[0].partner, reading, t), kind: 'count' };
    return this.countAll(reading, t);
  }

  /** How many MOUs, agreements or partners the source records. */
  private countAll(reading: Reading, t: Messages): Answer {
    const { intents } = reading;
    const mous = this.agreements.filter((entry) => entry.agreement.type === 'MOU');
    if (intents.has('mou')) {
      const undated = mous.filter((entry) => entry.agreement.date === null).length;
      return answer('count', [t.ask.countMous(mous.length, mous.length - undated, undated)], [], {
        agreements: mous,
      });
    }
    if (intents.has('agreement')) {
      const partners = unique(this.agreements.map((entry) => entry.partner));
      return answer(
        'count',
        [t.ask.countAgreements(this.agreements.length, mous.length, partners.length)],
        [],
        {
          agreements: this.agreements,
        },
      );
    }
    return answer('count', [t.ask.countPartners(this.partnerCount)], this.data.dataset.partners);
  }

  /**
   * Nothing in the phrase table: the project's search on the words left over. A word that fits several focus
   * areas is answered with all of them; a name it finds is answered like a named partner; a subject it finds
   * is offered as the closest the source comes; nothing, how to ask.
   */
  private bySearch(reading: Reading, t: Messages): Answer {
    const query = reading.leftover.map((word) => word.folded).join(' ');
    // A word several focus areas share ("smuggling": drugs, tobacco, arms…): all of them, as /topic offers.
    const areas = query ? (this.data.topicSearch?.covering(query) ?? []) : [];
    if (areas.length > 1) return this.inAreas(areas, reading, t);
    const hits = query ? this.data.partnerSearch.search(query, 5) : [];
    const [best] = hits;
    if (best && best.matchedOn !== 'topic' && best.matchedOn !== 'summary') {
      return this.aboutPartner({ partner: best.partner, via: 'name' }, reading, t);
    }
    if (best && reading.intents.has('list')) {
      const found = hits.map((hit) => hit.partner);
      return answer('partners', [t.ask.bySubject(found.map(nameOf))], found);
    }
    return answer('howToAsk', [t.ask.howToAsk(t.askExamples)]);
  }
}

export type { Period };
