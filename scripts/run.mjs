#!/usr/bin/env node
// Runs a compiled entry point from dist/src/cli/, compiling first when dist/ is missing or older than the
// sources, so every npm script works on a fresh clone right after `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
const target = join(root, 'dist', 'src', 'cli', `${entry}.js`);
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
  const built = statSync(buildInfo).mtimeMs;
  return ['src', 'commands'].some((dir) => newestSource(join(root, dir)) > built);
}

if (isStale()) {
  process.stderr.write('Compiling TypeScript (first run or sources changed)...\n');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.argv = [process.argv[0], target, ...args];
await import(pathToFileURL(target).href);
