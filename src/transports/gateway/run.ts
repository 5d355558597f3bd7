import type { ConfigFor } from '../../config.js';
import { loadBotContext } from '../../interactions/create-context.js';
import { createLogger } from '../../logger.js';
import { gatewayStatusOf, serveGatewayMetrics } from '../../metrics/gateway.js';
import { orExit } from '../../or-exit.js';
import { answersInFlight, createGatewayBot } from './bot.js';
import { describeStartupError, withinLoginTimeout } from './startup-error.js';

/** How long SIGINT/SIGTERM waits for the gateway connection to close before exiting anyway. */
const shutdownTimeoutMs = 5_000;

/** `npm start` with DISCORD_TOKEN set: log in, answer interactions until SIGINT/SIGTERM, then exit 0. */
export async function runGatewayBot(config: ConfigFor<'gateway'>): Promise<void> {
  const logger = createLogger({ level: config.logLevel, name: 'gateway' });
  const context = orExit(() => loadBotContext());

  process.on('unhandledRejection', (reason) =>
    logger.error({ err: reason }, 'unhandled rejection (kept running)'),
  );

  const metrics = config.metricsPort === undefined ? undefined : await serveGatewayMetrics(config, logger);
  const client = createGatewayBot({ config, context, logger, metrics });
  metrics?.watchGateway(() => gatewayStatusOf(client));
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // destroy() may never settle while a session is half open (between IDENTIFY and READY): do not hang.
    const guard = setTimeout(() => {
      logger.warn('the gateway connection did not close in time; exiting anyway');
      process.exit(0);
    }, shutdownTimeoutMs);
    try {
      // Interactions already received are answered first (a process manager's SIGTERM loses none).
      await answersInFlight(client);
      await client.destroy();
    } catch (error) {
      logger.warn({ err: error }, 'error while closing the gateway connection');
    }
    clearTimeout(guard);
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  logger.info({ api: config.apiUrl }, 'connecting to Discord…');
  try {
    await withinLoginTimeout(client.login(config.token));
  } catch (error) {
    // One clear line on stderr; the stack only at LOG_LEVEL=debug.
    logger.debug({ err: error }, 'login failed');
    process.stderr.write(`${describeStartupError(error, config.apiUrl)}\n`);
    process.exit(1);
  }
}
