/**
 * Remembers which datasets passed every check, so that start-up need not repeat the slow ones. A dataset is named
 * by the sha256 of its three files' text (partners, topics, source) and of `CHECKS_VERSION`; a passed full check
 * leaves an empty file of that name in the project's node_modules/.cache/wco-partner-bot/validated/ (or another
 * folder, for tests). Changing one byte of a data file changes the name, so its checks run again. Best effort:
 * a folder that cannot be written only means the checks run at every start, as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './paths.js';

/** Change this when a check in validate.ts is added or tightened: every dataset is then checked again. */
const CHECKS_VERSION = '1';

export const defaultValidatedDir = join(
  projectRoot,
  'node_modules',
  '.cache',
  'wco-partner-bot',
  'validated',
);

export function datasetHash(texts: readonly string[]): string {
  const hash = createHash('sha256').update(CHECKS_VERSION);
  for (const text of texts) hash.update('\0').update(text);
  return hash.digest('hex');
}

export function wasValidated(hash: string, dir = defaultValidatedDir): boolean {
  return existsSync(join(dir, hash));
}

export function markValidated(hash: string, dir = defaultValidatedDir): void {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, hash), '');
  } catch {
    // Read-only install: nothing remembered, the checks run at every start.
  }
}
