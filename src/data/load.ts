import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { buildDataset, type Dataset } from './dataset.js';
import { configuredPartnersPath, projectRoot } from './paths.js';
import { type DataProblem, formatProblem, parsePartnersFile, parseTopicsFile } from './validate.js';
import { datasetHash, defaultValidatedDir, markValidated, wasValidated } from './validated-marker.js';

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
  /**
   * Where datasets that passed every check are remembered (validated-marker.ts); false: check fully and remember
   * nothing (`npm run validate-data`, the check CI runs, always checks fully but does remember).
   */
  validatedDir?: string | false;
  /** Run every check even for a dataset remembered as valid. */
  fullCheck?: boolean;
}

/** Reads, validates and indexes the dataset. Throws DataValidationError; never returns partial data. */
export function loadDataset({
  partnersPath = configuredPartnersPath(),
  topicsPath,
  validatedDir = defaultValidatedDir,
  fullCheck = false,
}: LoadOptions = {}): Dataset {
  const partnersFile = resolve(partnersPath);
  const topicsFile = resolve(topicsPath ?? join(dirname(partnersFile), 'topics.json'));

  const topicsText = readText(topicsFile);
  const topics = parseTopicsFile(displayPath(topicsFile), parseJson(topicsFile, topicsText));
  if (!topics.ok) throw new DataValidationError(topics.problems);

  const partnersText = readText(partnersFile);
  const raw = parseJson(partnersFile, partnersText);
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
  const hash = validatedDir === false ? '' : datasetHash([partnersText, topicsText, sourceText]);
  const checks = fullCheck || validatedDir === false || !wasValidated(hash, validatedDir);
  const partners = parsePartnersFile({
    file: displayPath(partnersFile),
    raw,
    topics: topics.value,
    sourceText,
    checks,
  });
  if (!partners.ok) throw new DataValidationError(partners.problems);
  if (checks && validatedDir !== false) markValidated(hash, validatedDir);
  return buildDataset(partners.value, topics.value);
}

/** The source document named by the file's `source.file`, relative to the file; the bundled one otherwise. */
function sourcePathOf(raw: unknown, partnersFile: string): string {
  const named = (raw as { source?: { file?: unknown } } | null)?.source?.file;
  return typeof named === 'string'
    ? resolve(dirname(partnersFile), named)
    : join(projectRoot, 'data', 'source', 'wco-partnerships.txt');
}
