import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { frenchFileName, parseFrenchFile } from './french.js';
import type { FrenchFile } from './french-schema.js';
import { projectRoot } from './paths.js';
import type { Partner, Topic } from './schema.js';
import type { Validation } from './validate.js';

/**
 * data/fr.json beside the partners file, checked against the English records. A copy of the data without one
 * (WCO_DATA_DIR) is served in English to French readers: `value` is then undefined.
 */
export function readFrenchFile(
  partnersFile: string,
  english: { partners: readonly Partner[]; topics: readonly Topic[] },
): Validation<FrenchFile | undefined> {
  const path = join(dirname(partnersFile), frenchFileName);
  if (!existsSync(path)) return { ok: true, value: undefined };
  const file = relative(projectRoot, path).startsWith('..') ? path : relative(projectRoot, path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return {
      ok: false,
      problems: [{ file, path: '', message: `not valid JSON: ${(error as Error).message}` }],
    };
  }
  return parseFrenchFile(file, raw, english);
}
