import { orExit } from '../../cli/or-exit.js';
import type { ConfigFor } from '../../config.js';
import { createBotContext } from '../../interactions/create-context.js';
import { createLogger } from '../../logger.js';
import { gatewayStatusOf, serveGatewayMetrics } from '../../metrics/gateway.js';
import { createGatewayBot } from './bot.js';

/** How long SIGINT/SIGTERM waits for the gateway connection to close before exiting anyway. */
const shutdownTimeoutMs = 5_000;

/** `npm start` with DISCORD_TOKEN set: log in, answer interactions until SIGINT/SIGTERM, then exit 0. */
export async function runGatewayBot(config: ConfigFor<'gateway'>): Promise<void> {
  const logger = createLogger({ level: config.logLevel, name: 'gateway' });
  const context = orExit(() => createBotContext());

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
      await client.destroy();
    } catch (error) {
      logger.warn({ err: error }, 'error while closing the gateway connection');
    }
    clearTimeout(guard);
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  try {
    await client.login(config.token);
  } catch (error) {
    // discord.js explains a bad token in its message; the token itself is never part of it.
    logger.fatal({ err: error }, 'could not log in to Discord');
    process.exit(1);
  }
}
