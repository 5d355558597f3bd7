import type { z } from 'zod';
import { isRealPartialDate } from './dates.js';
import {
  type Partner,
  type PartnersFile,
  partnersFileSchema,
  type Topic,
  type TopicsFile,
  topicsFileSchema,
} from './schema.js';
import { correctedSourceText, foldWhitespace, WordPositions } from './source-text.js';

/** One thing wrong with a data file, precise enough to fix the edit from the message alone. */
export interface DataProblem {
  file: string;
  /** The id of the partner (or slug of the topic) the problem is in, when there is one. */
  record?: string;
  /** JSON path such as partners[5].agreements[0].date. */
  path: string;
  message: string;
}

export function formatProblem({ file, record, path, message }: DataProblem): string {
  const where = record ? `record "${record}" at ${path}` : path || '(file)';
  return `${file}: ${where}: ${message}`;
}

/**
 * Each data file is validated once, at start-up: zod's interpreter then beats its JIT (object schemas are
 * compiled to code with `new Function` on first use, which costs more than it saves for one pass). Same
 * checks, same issues.
 */
const runOnce = { jitless: true } as const;

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: DataProblem[] };

function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`,
    )
    .join('');
}

/** The id/slug of the record a JSON path points into, read from the raw (possibly invalid) JSON. */
function recordAt(
  raw: unknown,
  path: readonly PropertyKey[],
  listKey: string,
  idKey: string,
): string | undefined {
  if (path[0] !== listKey || typeof path[1] !== 'number') return undefined;
  const list = (raw as Record<string, unknown> | null)?.[listKey];
  const record = Array.isArray(list) ? (list[path[1]] as Record<string, unknown> | undefined) : undefined;
  const id = record?.[idKey];
  return typeof id === 'string' ? id : undefined;
}

export function schemaProblems(
  file: string,
  raw: unknown,
  error: z.ZodError,
  listKey: string,
  idKey: string,
): DataProblem[] {
  return error.issues.map((issue) => ({
    file,
    record: recordAt(raw, issue.path, listKey, idKey),
    path: jsonPath(issue.path),
    message: issue.message,
  }));
}

export function parseTopicsFile(file: string, raw: unknown): Validation<Topic[]> {
  const parsed = topicsFileSchema.safeParse(raw, runOnce);
  if (!parsed.success)
    return { ok: false, problems: schemaProblems(file, raw, parsed.error, 'topics', 'slug') };
  const problems: DataProblem[] = [];
  const seen = new Set<string>();
  (parsed.data as TopicsFile).topics.forEach((topic, index) => {
    if (seen.has(topic.slug)) {
      problems.push({
        file,
        record: topic.slug,
        path: `topics[${index}].slug`,
        message: 'duplicate topic slug',
      });
    }
    seen.add(topic.slug);
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data.topics };
}

export interface PartnerChecksInput {
  file: string;
  raw: unknown;
  topics: readonly Topic[];
  /** The raw text of data/source/wco-partnerships.txt. */
  sourceText: string;
}

/** Schema validation, then everything a schema cannot say: uniqueness, references, real dates, verbatim quotes. */
export function parsePartnersFile({
  file,
  raw,
  topics,
  sourceText,
}: PartnerChecksInput): Validation<PartnersFile> {
  const parsed = partnersFileSchema.safeParse(raw, runOnce);
  if (!parsed.success)
    return { ok: false, problems: schemaProblems(file, raw, parsed.error, 'partners', 'id') };
  const data = parsed.data;
  const problems: DataProblem[] = [];
  const source = new WordPositions(correctedSourceText(sourceText, data.corrections));
  const sourceWords = new WordPositions(wordsOf(source.text));
  const topicSlugs = new Set(topics.map((topic) => topic.slug));
  const usedTopics = new Set<string>();
  const ids = new Map<string, number>();
  const searchKeys = new Map<string, { id: string; shared: boolean }>();

  if (!isRealPartialDate(data.source.retrieved.date)) {
    problems.push({
      file,
      path: 'source.retrieved.date',
      message: `${data.source.retrieved.date} is not a real date`,
    });
  }

  data.corrections.forEach((correction, index) => {
    if (correction.replace && !sourceText.includes(correction.replace.find)) {
      problems.push({
        file,
        path: `corrections[${index}].replace.find`,
        message: `"${correction.replace.find}" does not occur in the source, so the correction fixes nothing`,
      });
    }
    if (correction.partner && !data.partners.some((partner) => partner.id === correction.partner)) {
      problems.push({
        file,
        path: `corrections[${index}].partner`,
        message: `no partner has id "${correction.partner}"`,
      });
    }
  });

  data.partners.forEach((partner, index) => {
    const at = (path: string, message: string) =>
      problems.push({ file, record: partner.id, path: `partners[${index}]${path}`, message });

    if (ids.has(partner.id)) at('.id', `duplicate id (also partners[${ids.get(partner.id)}])`);
    ids.set(partner.id, index);

    for (const [path, key] of searchKeysOf(partner)) {
      // A related body may be named by several partners (OLAF works with the EU Authorities and with Europol);
      // a partner's own name, acronym or alias names that partner alone.
      const shared = path.startsWith('.relatedBodies');
      const folded = foldWhitespace(key).toLowerCase();
      const owner = searchKeys.get(folded);
      if (owner !== undefined && owner.id !== partner.id && !(shared && owner.shared)) {
        at(path, `"${key}" already names partner "${owner.id}"`);
      } else if (owner === undefined || !shared) searchKeys.set(folded, { id: partner.id, shared });
    }

    const external = new Set(partner.external.map((fact) => wordsOf(fact.value)));
    for (const [path, text] of traceableTexts(partner)) {
      const words = wordsOf(text);
      if (!sourceWords.includes(words) && !external.has(words)) {
        at(path, `"${text}" is not in the source; quote it as written there or record it in "external"`);
      }
    }

    partner.external.forEach((fact, factIndex) => {
      if (!valuesOf(partner, fact.field).includes(fact.value)) {
        at(`.external[${factIndex}].value`, `"${fact.value}" is not one of this record's ${fact.field}`);
      }
    });

    for (const [path, quote] of quotesOf(partner)) {
      if (!source.includes(foldWhitespace(quote)))
        at(path, `quote does not occur verbatim in the source: "${quote}"`);
    }

    for (const [path, text, quote] of statementsOf(partner)) {
      const missing = wordsNotIn(text, quote);
      if (missing.length) {
        at(path, `states ${missing.map((word) => `"${word}"`).join(', ')}, which its quote does not say`);
      }
    }

    for (const [path, date] of datesOf(partner)) {
      if (!isRealPartialDate(date)) at(path, `${date} is not a real date`);
    }

    const ownTopics = new Set(partner.focusAreas.map((focus) => focus.topic));
    partner.agreements.forEach((agreement, agreementIndex) => {
      agreement.topics.forEach((topic, topicIndex) => {
        if (!ownTopics.has(topic)) {
          at(
            `.agreements[${agreementIndex}].topics[${topicIndex}]`,
            `"${topic}" is not one of this partner's focus areas`,
          );
        }
      });
    });

    partner.focusAreas.forEach((focus, focusIndex) => {
      usedTopics.add(focus.topic);
      if (!topicSlugs.has(focus.topic)) {
        at(`.focusAreas[${focusIndex}].topic`, `unknown topic "${focus.topic}" (not in data/topics.json)`);
      }
    });
  });

  for (const topic of topics) {
    if (!usedTopics.has(topic.slug)) {
      problems.push({
        file,
        record: topic.slug,
        path: 'topics',
        message: `topic "${topic.slug}" is used by no partner`,
      });
    }
  }

  return problems.length ? { ok: false, problems } : { ok: true, value: data };
}

/** Letters and digits only, lower-cased, one space between words: names are matched ignoring punctuation. */
function wordsOf(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

export type Located<T> = [path: string, value: T];

/** Every string a user may type to find this partner; each must point to one partner only. */
function searchKeysOf(partner: Partner): Located<string>[] {
  return [
    ['.name', partner.name],
    ...(partner.acronym ? [['.acronym', partner.acronym] as Located<string>] : []),
    ...partner.aliases.map((alias, i): Located<string> => [`.aliases[${i}]`, alias]),
    ...partner.relatedBodies.flatMap((body, i): Located<string>[] => [
      [`.relatedBodies[${i}].name`, body.name],
      ...(body.acronym ? [[`.relatedBodies[${i}].acronym`, body.acronym] as Located<string>] : []),
    ]),
  ];
}

/** Names the bot shows as facts: each must be in the source, or be recorded as an external fact. */
function traceableTexts(partner: Partner): Located<string>[] {
  return [
    ...searchKeysOf(partner),
    ...partner.programmes.map((programme, i): Located<string> => [`.programmes[${i}].name`, programme.name]),
    ...partner.locations.map((location, i): Located<string> => [`.locations[${i}].place`, location.place]),
  ];
}

function valuesOf(partner: Partner, field: 'name' | 'aliases' | 'relatedBodies'): string[] {
  if (field === 'name') return [partner.name];
  if (field === 'aliases') return partner.aliases;
  return partner.relatedBodies.map((body) => body.name);
}

/** Every quote of the record, at its JSON path under the record (`.agreements[0].source`…). */
export function quotesOf(partner: Partner): Located<string>[] {
  const sourced = (key: string, items: readonly { source: string }[]) =>
    items.map((item, i): Located<string> => [`.${key}[${i}].source`, item.source]);
  return [
    ...partner.provenance.map((quote, i): Located<string> => [`.provenance[${i}]`, quote]),
    ...sourced('agreements', partner.agreements),
    ...sourced('milestones', partner.milestones),
    ...sourced('focusAreas', partner.focusAreas),
    ...sourced('programmes', partner.programmes),
    ...sourced('relatedBodies', partner.relatedBodies),
    ...sourced('locations', partner.locations),
  ];
}

/** Each line the bot shows as a fact in its own words, with the quote it rests on. */
function statementsOf(partner: Partner): [path: string, text: string, quote: string][] {
  return [
    ...partner.focusAreas.map((f, i): [string, string, string] => [
      `.focusAreas[${i}].note`,
      f.note,
      f.source,
    ]),
    ...partner.relatedBodies.map((b, i): [string, string, string] => [
      `.relatedBodies[${i}].relation`,
      b.relation,
      b.source,
    ]),
    ...partner.milestones.map((m, i): [string, string, string] => [
      `.milestones[${i}].label`,
      m.label,
      m.source,
    ]),
  ];
}

/**
 * Words a statement may use that its quote need not contain: grammar, and the frame every record shares (the
 * partner works with the WCO, which its place in the source already says).
 */
const unquotedWords = new Set(
  'a against an and as at be both by each for from has have in into is it its of on or so than that the their them they this to was which who with also one own works work wco'.split(
    ' ',
  ),
);

/**
 * The words of `text` its quote does not contain, ignoring case, punctuation, -ise/-ize and word endings: a word
 * counts as present when a word of the quote starts with its first ~70 % (at least four letters), so
 * "coordinates" is found in "coordinated" and "drugs" in "drug", but "adopted" is not found in "drawn up".
 */
export function wordsNotIn(text: string, quote: string): string[] {
  const split = (value: string) => wordsOf(value.replace(/z/gi, 's')).trim().split(' ').filter(Boolean);
  const quoted = split(quote);
  return split(text).filter((word) => {
    if (unquotedWords.has(word)) return false;
    const stem = word.length <= 4 ? word : word.slice(0, Math.max(4, Math.ceil(word.length * 0.7)));
    return !quoted.some((candidate) => candidate.startsWith(stem));
  });
}

function datesOf(partner: Partner): Located<string>[] {
  return [
    ...partner.agreements.flatMap((agreement, i): Located<string>[] =>
      agreement.date === null ? [] : [[`.agreements[${i}].date`, agreement.date]],
    ),
    ...partner.milestones.map((milestone, i): Located<string> => [`.milestones[${i}].date`, milestone.date]),
  ];
}
