/**
 * Bundles the Cloudflare Worker (entry.ts) into one ES module with esbuild: platform "neutral", so any
 * Node-only import (node:fs...) fails the build instead of failing on Cloudflare. The dataset is loaded and
 * validated here, with the same loader and WCO_DATA_DIR as every other entry point, and inlined as JSON.
 * Run by `npm run worker:build` and `npm run worker:dev`, by the Worker tests and by the bundle-size bench.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { snapshotOf } from '../../data/bundled.js';
import { loadDataset } from '../../data/load.js';
import { projectRoot } from '../../data/paths.js';

const workerEntry = join(projectRoot, 'src', 'transports', 'worker', 'entry.ts');
export const workerBundlePath = join(projectRoot, 'dist', 'worker', 'worker.mjs');
const datasetModule = 'wco:dataset';

export type WorkerBundle = Awaited<ReturnType<typeof buildWorker>>;

export async function buildWorker({ outfile = workerBundlePath, dataset = loadDataset() } = {}) {
  const { build } = await import('esbuild');
  const snapshot = JSON.stringify(snapshotOf(dataset));
  const result = await build({
    entryPoints: [workerEntry],
    absWorkingDir: projectRoot,
    bundle: true,
    write: false,
    outfile,
    format: 'esm',
    platform: 'neutral',
    // Packages' ESM builds, for browsers/workers where they differ from their Node builds.
    mainFields: ['module', 'main'],
    conditions: ['workerd', 'worker', 'browser'],
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'bundled-dataset',
        setup(plugin) {
          plugin.onResolve({ filter: /^wco:dataset$/ }, () => ({ path: datasetModule, namespace: 'wco' }));
          plugin.onLoad({ filter: /.*/, namespace: 'wco' }, () => ({ contents: snapshot, loader: 'json' }));
        },
      },
    ],
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no Worker bundle');
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, output.contents);
  return {
    path: outfile,
    code: output.text,
    bytes: output.contents.byteLength,
    /** gzip -9 size: what Cloudflare's size limit (compressed) counts, near enough. */
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    /** Every module the bundle is made of (paths relative to the project root, or esbuild's names). */
    inputs: Object.keys(result.metafile.inputs),
  };
}
