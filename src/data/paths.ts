import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json: the same whether running from src/ (tests) or dist/src/ (built). */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the data loader');
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot();
export const defaultDataDir = join(projectRoot, 'data');
export const defaultPartnersPath = join(defaultDataDir, 'partners.json');

/**
 * Set to a folder holding partners.json and topics.json (and the source document their `source.file` names)
 * to load that copy instead of data/: a copy being edited, or a broken one in tests. A relative path is
 * taken from the current folder. The one place this variable is read.
 */
export const dataDirVariable = 'WCO_DATA_DIR';

/**
 * The partners file every entry point loads: `$WCO_DATA_DIR/partners.json` when the variable is set (read
 * at each call, so a value from .env counts once it is loaded), data/partners.json otherwise.
 */
export function configuredPartnersPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env[dataDirVariable]?.trim();
  return dir ? join(resolve(dir), 'partners.json') : defaultPartnersPath;
}
