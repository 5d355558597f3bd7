// npm run http: the HTTP interactions endpoint (POST /interactions, GET /healthz) on HOST:PORT, and GET /metrics
// on METRICS_HOST:METRICS_PORT when METRICS_PORT is set (never on the public port).
// Needs DISCORD_PUBLIC_KEY. Invalid config or data: the problems on stderr, exit 1, nothing served.
// SIGTERM/SIGINT: stop accepting, finish in-flight requests, exit 0.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { type ConfigFor, configFor } from '../config.js';
import { orExit } from '../or-exit.js';
import { entryPointArgs } from './args.js';
import { whyCannotListen } from './listen-error.js';

entryPointArgs(
  'npm run http',
  `Usage: npm run http [-- --help]

The HTTP interactions endpoint: POST /interactions (requests signed by Discord) and GET /healthz on
HOST:PORT. In production: npm run build once, then node dist/http.mjs, behind HTTPS. Stops on SIGTERM or
Ctrl-C once the requests in flight are answered.

Environment (or .env)
  DISCORD_PUBLIC_KEY  the application's public key (required; Developer Portal → General Information)
  HOST                the address to listen on (default 127.0.0.1; 0.0.0.0 in a container)
  PORT                the port (default 3000)
  METRICS_PORT        serve Prometheus metrics (GET /metrics) on this port, never on PORT
  METRICS_HOST        the address of that listener (default 127.0.0.1)
  DISCORD_API_URL     Discord's REST API, for follow-up messages (default https://discord.com/api)
  LOG_LEVEL           fatal, error, warn, info (default), debug, trace or silent`,
  {},
);

// The endpoint keeps ~16 MB live, but under load V8's defaults let its garbage grow the young generation to 16 MB
// semi-spaces and the old one to 4x the live size: RSS 118-156 MB over 100k interactions. A young generation that
// stays small and an old one that grows by 30 % keep it at 81-87 MB, for ~9 % more CPU per request
// (537 vs 493 us, docs/PERFORMANCE.md). Set at run time so that every way of starting the endpoint has them.
setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--heap-growing-percent=30');

const config: ConfigFor<'http'> = orExit(() => configFor('http'));

// Loaded only once the config is known to be good; none of these pull in discord.js.
const [{ createLogger }, { loadBotContext }, { startHttpServer }, { createMetrics }, { startMetricsServer }] =
  await Promise.all([
    import('../logger.js'),
    import('../interactions/create-context.js'),
    import('../transports/http/server.js'),
    import('../metrics/metrics.js'),
    import('../metrics/server.js'),
  ]);

const logger = createLogger({ level: config.logLevel, name: 'http' });

const context = orExit(() => loadBotContext());

const metrics = config.metricsPort === undefined ? undefined : createMetrics({ transport: 'http' });

let running: Awaited<ReturnType<typeof startHttpServer>>;
let metricsServer: Awaited<ReturnType<typeof startMetricsServer>> | undefined;
// Which port the failing listen was for, to name it in the error.
let starting = { variable: 'PORT', port: config.port, host: config.host };
try {
  running = await startHttpServer({
    context,
    publicKeyHex: config.publicKey,
    host: config.host,
    port: config.port,
    apiUrl: config.apiUrl,
    applicationId: config.applicationId,
    logger,
    metrics,
  });
  if (metrics && config.metricsPort !== undefined) {
    starting = { variable: 'METRICS_PORT', port: config.metricsPort, host: config.metricsHost };
    metricsServer = await startMetricsServer({
      metrics,
      host: config.metricsHost,
      port: config.metricsPort,
      logger,
    });
  }
} catch (error) {
  const why = whyCannotListen(error, starting.host, starting.port, `set ${starting.variable} to another one`);
  process.stderr.write(`npm run http: cannot listen on ${starting.host}:${starting.port}: ${why}\n`);
  process.exit(1);
}

logger.info(
  {
    url: running.url,
    partners: context.dataset.partners.length,
    topics: context.dataset.topics.length,
    metricsUrl: metricsServer && `${metricsServer.url}/metrics`,
    startupMs: Math.round(performance.now()),
  },
  `listening on ${running.url} (POST /interactions, GET /healthz${metricsServer ? `; GET /metrics on ${metricsServer.url}` : ''})`,
);

let stopping = false;
function shutdown(signal: NodeJS.Signals): void {
  if (stopping) {
    logger.warn({ signal }, 'second signal: exiting now');
    process.exit(1);
  }
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  Promise.all([running.close(), metricsServer?.close()]).then(
    () => {
      logger.info('stopped');
      logger.flush();
      process.exit(0);
    },
    (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
