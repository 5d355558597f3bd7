/**
 * Refused HTTP requests, counted by status and reason: for /metrics (wco_http_rejections_total) and for the log,
 * as one warn line per interval with the counts, never one line per request (a flood would flood the log).
 */
import type { Logger } from '../logger.js';
import type { BotMetrics } from './metrics.js';

export function rejectionLog(intervalMs: number, logger?: Logger, metrics?: BotMetrics) {
  let counts: Record<string, number> = {};
  const flush = () => {
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    if (total) logger?.warn({ rejected: counts }, `${total} requests refused`);
    counts = {};
  };
  const timer = setInterval(flush, intervalMs).unref();
  return {
    count({ status, error }: { status: number; error: string }) {
      metrics?.rejected(status);
      counts[`${status} ${error}`] = (counts[`${status} ${error}`] ?? 0) + 1;
    },
    stop() {
      clearInterval(timer);
      flush();
    },
  };
}
