// npm run worker:dev: the Cloudflare Worker served locally in workerd (miniflare) on HOST:PORT (default
// 127.0.0.1:8787; --host and --port win), DISCORD_PUBLIC_KEY from the environment or .env, like `npm run http`.
// Rebuilds the bundle at each start. SIGTERM/SIGINT: stop workerd, exit 0.
import { createServer } from 'node:net';
import { type ConfigFor, configFor, loadDotEnv } from '../config.js';
import { createLogger } from '../logger.js';
import { orExit } from '../or-exit.js';
import { buildWorkerOrExit, defaultWorkerPort, serveWorker } from '../transports/worker/dev.js';
import { entryPointArgs } from './args.js';
import { whyCannotListen } from './listen-error.js';

const name = 'npm run worker:dev';
const { values: flags } = entryPointArgs(
  name,
  `Usage: npm run worker:dev [-- [--port N] [--host ADDRESS]]

The Cloudflare Worker (the HTTP interactions endpoint, dataset inlined) served on this machine in workerd,
Cloudflare's runtime, through miniflare: POST /interactions and GET /healthz. Rebuilds the bundle first.
Stops on SIGTERM or Ctrl-C.

Options
  --port N          the port (default: PORT, else ${defaultWorkerPort})
  --host ADDRESS    the address to listen on (default: HOST, else 127.0.0.1)
  -h, --help        this text

Environment (or .env)
  DISCORD_PUBLIC_KEY  the application's public key (required; Developer Portal → General Information)
  HOST, PORT          as --host and --port
  LOG_LEVEL           fatal, error, warn, info (default), debug, trace or silent`,
  { port: { type: 'string' }, host: { type: 'string' } },
);
if (flags.port !== undefined && !(/^\d{1,5}$/.test(flags.port) && Number(flags.port) <= 65535)) {
  process.stderr.write(
    `${name}: --port must be a number from 0 to 65535 (got ${JSON.stringify(flags.port)})\n`,
  );
  process.exit(2);
}

const config: ConfigFor<'http'> = orExit(() => {
  loadDotEnv();
  const port = flags.port ?? (process.env.PORT?.trim() || String(defaultWorkerPort));
  const host = flags.host ?? process.env.HOST;
  return configFor('http', { ...process.env, PORT: port, HOST: host }, name);
});

/** Why HOST:PORT cannot be listened on, if it cannot (workerd would report it as a stack trace). */
function cannotListen(host: string, port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error) =>
      resolve(whyCannotListen(error, host, port, `pass another with --port: ${name} -- --port ${port + 1}`)),
    );
    probe.listen(port, host, () => probe.close(() => resolve(undefined)));
  });
}
const busy = config.port === 0 ? undefined : await cannotListen(config.host, config.port);
if (busy) {
  process.stderr.write(`${name}: cannot serve the Worker on ${config.host}:${config.port}: ${busy}\n`);
  process.exit(1);
}

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
    `${name}: cannot serve the Worker on ${config.host}:${config.port}: ${(error as Error).message}\n`,
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
