// npm run worker:build: bundles the Cloudflare Worker (src/transports/worker) with the validated dataset into
// dist/worker/worker.mjs, which wrangler.toml deploys. Invalid data: the problems on stderr, exit 1.
import { workerBundlePath } from '../transports/worker/build.js';
import { buildWorkerOrExit } from '../transports/worker/dev.js';

const bundle = await buildWorkerOrExit(workerBundlePath);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
process.stdout.write(
  `Built ${bundle.path}: ${kib(bundle.bytes)}, ${kib(bundle.gzipBytes)} gzip-compressed (target: at most 1 MiB compressed)\n`,
);
