import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir, projectRoot } from '../../src/data/paths.js';

export const sourceText = readFileSync(join(defaultDataDir, 'source', 'wco-partnerships.txt'), 'utf8');

/** A fresh, mutable copy of a data file, for tests that break it on purpose. */
export function rawDataFile(name: 'partners.json' | 'topics.json'): any {
  return JSON.parse(readFileSync(join(defaultDataDir, name), 'utf8'));
}

/** `npm run validate-data <partnersPath>`, as a child process. */
export function validateData(partnersPath: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['scripts/run.mjs', 'validate-data', partnersPath], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
}
