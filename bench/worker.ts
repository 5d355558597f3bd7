/**
 * The Cloudflare Worker's bundle size, as `npm run worker:build` makes it: Cloudflare limits a Worker's size
 * compressed (gzip); the target is 1 MiB, within the Workers free plan.
 */
import { buildWorker } from '../src/transports/worker/build.js';
import { type BenchResult, verdict } from './report.js';

const targetBytes = 1024 * 1024;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export async function runWorkerBench(): Promise<BenchResult> {
  const bundle = await buildWorker();
  const packages = new Set(
    bundle.inputs.flatMap((input) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? []),
  );
  return {
    rows: [
      {
        bench: 'worker',
        figure: 'Worker bundle size, gzip -9 (dist/worker/worker.mjs)',
        median: kib(bundle.gzipBytes),
        spread: `${kib(bundle.bytes)} uncompressed`,
        target: '≤ 1,024 KiB',
        verdict: verdict(bundle.gzipBytes <= targetBytes),
      },
    ],
    notes: [
      `Worker bundle: ${bundle.inputs.length} modules, packages ${[...packages].sort().join(', ')}, the dataset inlined as JSON; minified, no source map.`,
    ],
  };
}
