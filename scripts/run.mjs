#!/usr/bin/env node
// Runs an entry point of dist/ (its bundle when it has one, see build.mjs), building first when dist/ is missing
// or older than the sources, so every npm script works on a fresh clone right after `npm ci`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle, bundles, compile, root } from './build.mjs';

const [entry, ...args] = process.argv.slice(2);
const target = bundles[entry]?.to ?? join(root, 'dist', 'src', 'cli', `${entry}.js`);
const buildInfo = join(root, 'dist', '.tsbuildinfo');

function newestSource(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (item.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!existsSync(target) || !existsSync(buildInfo)) return true;
  // tsc rewrites only what changed, but always its build info: that is when dist/ was last brought up to date.
  const built = statSync(buildInfo).mtimeMs;
  if (bundles[entry] && statSync(target).mtimeMs < built) return true;
  return ['src', 'commands'].some((dir) => newestSource(join(root, dir)) > built);
}

if (isStale()) {
  process.stderr.write('Building once (about 15 s; first run or sources changed)…\n');
  const status = compile();
  if (status !== 0) process.exit(status);
  await bundle();
}

process.argv = [process.argv[0], target, ...args];
await import(pathToFileURL(target).href);
