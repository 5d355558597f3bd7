import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { buildDataset, type Dataset } from './dataset.js';
import { configuredPartnersPath, projectRoot } from './paths.js';
import { defaultPreparedDir, entryKey, readEntry, sha256, writeEntry } from './prepared-cache.js';
import { readFrenchFile } from './read-french.js';
import type { PartnersFile, TopicsFile } from './schema.js';
import { type DataProblem, formatProblem, parsePartnersFile, parseTopicsFile } from './validate.js';

/** Thrown when a data file is invalid; its message lists every problem, one per line. */
export class DataValidationError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(`Invalid data:\n${problems.map((problem) => `  - ${formatProblem(problem)}`).join('\n')}`);
    this.name = 'DataValidationError';
  }
}

function displayPath(path: string): string {
  const rel = relative(projectRoot, path);
  return rel.startsWith('..') ? path : rel;
}

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new DataValidationError([
      { file: displayPath(path), path: '', message: `cannot read: ${(error as Error).message}` },
    ]);
  }
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataValidationError([
      { file: displayPath(path), path: '', message: `not valid JSON: ${(error as Error).message}` },
    ]);
  }
}

export interface LoadOptions {
  /**
   * The partners file (default: WCO_DATA_DIR's when set, else data/'s); topics.json and the source are
   * looked for relative to it.
   */
  partnersPath?: string;
  topicsPath?: string;
  /** Where datasets that passed every check are remembered (prepared-cache.ts); false: remember nothing. */
  preparedDir?: string | false;
  /** Check fully even when these bytes are remembered (`npm run validate-data`, the check CI runs). */
  fullCheck?: boolean;
}

export interface PreparedDataset {
  dataset: Dataset;
  /** The partner search's index, saved with this dataset: present when it was read from the cache. */
  searchIndex?: unknown;
  /**
   * Present when this dataset has just passed every check and is to be remembered: call it with its search index
   * (`save()` of the partner search), so that the next start reads both back.
   */
  remember?: (searchIndex: unknown) => void;
}

/**
 * Reads, validates and indexes the dataset, or reads back what an earlier start with the same bytes remembered.
 * Throws DataValidationError; never returns partial data.
 */
export function loadPreparedDataset({
  partnersPath = configuredPartnersPath(),
  topicsPath,
  preparedDir = defaultPreparedDir,
  fullCheck = false,
}: LoadOptions = {}): PreparedDataset {
  const partnersFile = resolve(partnersPath);
  const topicsFile = resolve(topicsPath ?? join(dirname(partnersFile), 'topics.json'));
  const topicsBytes = readBytes(topicsFile);
  const partnersBytes = readBytes(partnersFile);
  const key = preparedDir === false ? '' : entryKey(partnersBytes, topicsBytes);
  const entry = preparedDir === false || fullCheck ? undefined : readEntry(preparedDir, key);
  const topicsRaw = parseJson(topicsFile, topicsBytes.toString('utf8'));
  const raw = parseJson(partnersFile, partnersBytes.toString('utf8'));
  const sourceFile = sourcePathOf(raw, partnersFile);
  let sourceBytes: Buffer;
  try {
    sourceBytes = readFileSync(sourceFile);
  } catch {
    throw new DataValidationError([
      {
        file: displayPath(partnersFile),
        path: 'source.file',
        message: `cannot read the source document ${displayPath(sourceFile)}`,
      },
    ]);
  }
  // These very bytes passed every check against this very source: zod would give back what JSON.parse gave.
  if (entry && sha256(sourceBytes) === entry.sourceSha256) {
    const english = { partners: (raw as PartnersFile).partners, topics: (topicsRaw as TopicsFile).topics };
    const dataset = buildDataset(raw as PartnersFile, english.topics, frenchOrThrow(partnersFile, english));
    return { dataset, searchIndex: entry.searchIndex };
  }

  const topics = parseTopicsFile(displayPath(topicsFile), topicsRaw);
  if (!topics.ok) throw new DataValidationError(topics.problems);
  const partners = parsePartnersFile({
    file: displayPath(partnersFile),
    raw,
    topics: topics.value,
    sourceText: sourceBytes.toString('utf8'),
  });
  if (!partners.ok) throw new DataValidationError(partners.problems);
  const french = frenchOrThrow(partnersFile, { partners: partners.value.partners, topics: topics.value });
  const dataset = buildDataset(partners.value, topics.value, french);
  if (preparedDir === false) return { dataset };
  return {
    dataset,
    remember: (searchIndex) =>
      writeEntry(preparedDir, key, { sourceSha256: sha256(sourceBytes), searchIndex }),
  };
}

function frenchOrThrow(...args: Parameters<typeof readFrenchFile>) {
  const french = readFrenchFile(...args);
  if (!french.ok) throw new DataValidationError(french.problems);
  return french.value;
}

/** The validated dataset alone (nothing remembered: that needs the search index, see loadPreparedDataset). */
export function loadDataset(options: LoadOptions = {}): Dataset {
  return loadPreparedDataset(options).dataset;
}

/** The source document named by the file's `source.file`, relative to the file; the bundled one otherwise. */
export function sourcePathOf(raw: unknown, partnersFile: string): string {
  const named = (raw as { source?: { file?: unknown } } | null)?.source?.file;
  return typeof named === 'string'
    ? resolve(dirname(partnersFile), named)
    : join(projectRoot, 'data', 'source', 'wco-partnerships.txt');
}
