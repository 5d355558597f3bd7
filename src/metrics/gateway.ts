/** The gateway bot's metrics: served on METRICS_PORT (the gateway mode has no HTTP port of its own). */
import type { Client } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { type BotMetrics, createMetrics, type GatewayStatus } from './metrics.js';
import { startMetricsServer } from './server.js';

export function gatewayStatusOf(client: Client): GatewayStatus {
  return {
    pingMs: client.ws.ping,
    shards: [...client.ws.shards.values()].map((shard) => ({ id: shard.id, status: shard.status })),
  };
}

/**
 * Starts GET /metrics on METRICS_HOST (loopback by default):METRICS_PORT; a port that cannot be used ends the
 * process with one line.
 */
export async function serveGatewayMetrics(
  config: Pick<Config, 'metricsHost' | 'metricsPort'>,
  logger: Logger,
): Promise<BotMetrics> {
  const metrics = createMetrics({ transport: 'gateway' });
  const port = config.metricsPort ?? 0;
  try {
    const server = await startMetricsServer({ metrics, host: config.metricsHost, port, logger });
    logger.info({ metricsUrl: `${server.url}/metrics` }, `metrics on ${server.url}/metrics`);
  } catch (error) {
    process.stderr.write(
      `Cannot serve metrics on ${config.metricsHost}:${port} (METRICS_HOST, METRICS_PORT): ${(error as Error).message}\n`,
    );
    process.exit(1);
  }
  return metrics;
}
