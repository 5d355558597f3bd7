/**
 * GET /metrics over node:http, on its own listener (METRICS_PORT, on METRICS_HOST: loopback by default) for
 * either transport; never on the public interactions port. No keep-alive tuning, no body reading.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.js';
import type { BotMetrics } from './metrics.js';

function sendMetrics(res: ServerResponse, metrics: BotMetrics, logger?: Logger): void {
  metrics.scrape().then(
    ({ contentType, body }) => {
      res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
      res.end(body);
    },
    (error: unknown) => {
      logger?.error({ err: error }, 'metrics scrape failed');
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('metrics unavailable\n');
    },
  );
}

export interface RunningMetricsServer {
  url: string;
  close(): Promise<void>;
}

/** Serves GET/HEAD /metrics on host:port (0: a free port); anything else 404/405. */
export async function startMetricsServer({
  metrics,
  host,
  port,
  logger,
}: {
  metrics: BotMetrics;
  host: string;
  port: number;
  logger?: Logger;
}): Promise<RunningMetricsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain', Connection: 'close' }).end('not found\n');
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', Connection: 'close' }).end();
    } else sendMetrics(res, metrics, logger);
  });
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => logger?.error({ err: error }, 'metrics server error'));
  const address = server.address() as AddressInfo;
  const shownHost = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
