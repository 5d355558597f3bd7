// npm run worker:dev: the Cloudflare Worker served locally in workerd (miniflare) on HOST:PORT (default
// 127.0.0.1:8787), DISCORD_PUBLIC_KEY from the environment or .env, like `npm run http`. Rebuilds the bundle
// at each start. SIGTERM/SIGINT: stop workerd, exit 0.
import { type ConfigFor, configFor, loadDotEnv } from '../config.js';
import { createLogger } from '../logger.js';
import { orExit } from '../or-exit.js';
import { buildWorkerOrExit, defaultWorkerPort, serveWorker } from '../transports/worker/dev.js';

const config: ConfigFor<'http'> = orExit(() => {
  loadDotEnv();
  const port = process.env.PORT?.trim() || String(defaultWorkerPort);
  return configFor('http', { ...process.env, PORT: port });
});
const logger = createLogger({ level: config.logLevel, name: 'worker-dev' });

const bundle = await buildWorkerOrExit();
let worker: Awaited<ReturnType<typeof serveWorker>>;
try {
  worker = await serveWorker({
    script: bundle.code,
    publicKeyHex: config.publicKey,
    host: config.host,
    port: config.port,
  });
} catch (error) {
  process.stderr.write(
    `Cannot serve the Worker on ${config.host}:${config.port}: ${(error as Error).message}\n`,
  );
  process.exit(1);
}

logger.info(
  { url: worker.url, bundle: bundle.path, gzipBytes: bundle.gzipBytes },
  `Worker (workerd) listening on ${worker.url} (POST /interactions, GET /healthz)`,
);

// miniflare stops workerd when this process exits, but on a signal it exits with 128 + the signal's number;
// run first and exit 0 as `npm run http` does (workerd still stops, through miniflare's exit hook).
function shutdown(signal: NodeJS.Signals): void {
  logger.info({ signal }, 'shutting down');
  logger.flush();
  process.exit(0);
}
process.prependListener('SIGTERM', shutdown);
process.prependListener('SIGINT', shutdown);
