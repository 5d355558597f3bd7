import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
