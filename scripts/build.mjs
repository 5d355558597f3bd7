#!/usr/bin/env node
// npm run build: compiles src/ and commands/ to dist/ (tsc), then bundles the HTTP endpoint into one file,
// dist/http.mjs, and the gateway bot / playground into dist/start.mjs (esbuild), which is what `npm run http`,
// `npm start` and a deployment run. Loading one file instead of ~150
// modules (zod, pino, fuse.js and ours) cuts about a third of the endpoint's start-up CPU (docs/PERFORMANCE.md).
// Imported by scripts/run.mjs and run by the test setup, so that every way of building builds the same thing.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Entry points shipped as a single bundled file, by name: compiled entry → bundle. */
export const bundles = {
  http: { from: join(root, 'dist', 'src', 'cli', 'http.js'), to: join(root, 'dist', 'http.mjs') },
  // npm start / `node dist/start.mjs` in production: node itself gets SIGTERM (npm does not pass it on).
  start: { from: join(root, 'dist', 'src', 'cli', 'start.js'), to: join(root, 'dist', 'start.mjs') },
};

/** Runs tsc; returns its exit status (tsc still emits on type errors, which `npm run typecheck` reports). */
export function compile() {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

export async function bundle() {
  const { build } = await import('esbuild');
  for (const { from, to } of Object.values(bundles)) {
    await build({
      entryPoints: [from],
      outfile: to,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      logLevel: 'warning',
      // pino-pretty (terminal logs only) is loaded at run time from node_modules, never bundled.
      // @resvg/resvg-js is a native addon, loaded from node_modules on the first picture.
      external: ['pino-pretty', '@resvg/resvg-js'],
      // Some bundled packages are CommonJS and call require() for Node built-ins.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const status = compile();
  if (status !== 0) process.exit(status);
  await bundle();
}
