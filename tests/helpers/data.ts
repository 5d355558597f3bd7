import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../../src/data/paths.js';

export const sourceText = readFileSync(join(defaultDataDir, 'source', 'wco-partnerships.txt'), 'utf8');

/** A fresh, mutable copy of a data file, for tests that break it on purpose. */
export function rawDataFile(name: 'partners.json' | 'topics.json'): any {
  return JSON.parse(readFileSync(join(defaultDataDir, name), 'utf8'));
}
