// npm run worker:build: bundles the Cloudflare Worker (src/transports/worker) with the validated dataset into
// dist/worker/worker.mjs, which wrangler.toml deploys. Invalid data: the problems on stderr, exit 1.
import { workerBundlePath } from '../transports/worker/build.js';
import { buildWorkerOrExit } from '../transports/worker/dev.js';
import { entryPointArgs } from './args.js';

entryPointArgs(
  'npm run worker:build',
  `Usage: npm run worker:build [-- --help]

Bundles the Cloudflare Worker with the validated dataset (WCO_DATA_DIR's copy when set) into
dist/worker/worker.mjs, which wrangler.toml deploys.`,
  {},
);

const bundle = await buildWorkerOrExit(workerBundlePath);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
process.stdout.write(
  `Built ${bundle.path}: ${kib(bundle.bytes)}, ${kib(bundle.gzipBytes)} gzip-compressed (target: at most 1 MiB compressed)\n`,
);
