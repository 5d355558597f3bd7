import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { buildDataset, type Dataset } from './dataset.js';
import { configuredPartnersPath, projectRoot } from './paths.js';
import { readFrenchFile } from './read-french.js';
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

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
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
}

/** Reads, validates and indexes the dataset. Throws DataValidationError; never returns partial data. */
export function loadDataset({
  partnersPath = configuredPartnersPath(),
  topicsPath,
}: LoadOptions = {}): Dataset {
  const partnersFile = resolve(partnersPath);
  const topicsFile = resolve(topicsPath ?? join(dirname(partnersFile), 'topics.json'));
  const topicsRaw = parseJson(topicsFile, readText(topicsFile));
  const raw = parseJson(partnersFile, readText(partnersFile));
  const sourceFile = sourcePathOf(raw, partnersFile);
  let sourceText: string;
  try {
    sourceText = readFileSync(sourceFile, 'utf8');
  } catch {
    throw new DataValidationError([
      {
        file: displayPath(partnersFile),
        path: 'source.file',
        message: `cannot read the source document ${displayPath(sourceFile)}`,
      },
    ]);
  }
  const topics = parseTopicsFile(displayPath(topicsFile), topicsRaw);
  if (!topics.ok) throw new DataValidationError(topics.problems);
  const partners = parsePartnersFile({
    file: displayPath(partnersFile),
    raw,
    topics: topics.value,
    sourceText,
  });
  if (!partners.ok) throw new DataValidationError(partners.problems);
  const french = frenchOrThrow(partnersFile, { partners: partners.value.partners, topics: topics.value });
  return buildDataset(partners.value, topics.value, french);
}

function frenchOrThrow(...args: Parameters<typeof readFrenchFile>) {
  const french = readFrenchFile(...args);
  if (!french.ok) throw new DataValidationError(french.problems);
  return french.value;
}

/** The source document named by the file's `source.file`, relative to the file; the bundled one otherwise. */
export function sourcePathOf(raw: unknown, partnersFile: string): string {
  const named = (raw as { source?: { file?: unknown } } | null)?.source?.file;
  return typeof named === 'string'
    ? resolve(dirname(partnersFile), named)
    : join(projectRoot, 'data', 'source', 'wco-partnerships.txt');
}
