/**
 * Prometheus metrics (prom-client) for both transports: interactions by type, command and outcome, their
 * latency, signature failures, requests in flight, process metrics, and for the gateway its latency and shard
 * status. One registry per bot (never prom-client's global one), so tests can run several side by side.
 * The hot path is one Map look-up and two increments per interaction: label children are cached.
 */
import type { APIInteraction } from 'discord-api-types/v10';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { commandsByName } from '../../commands/index.js';
import { describeInteraction, type InteractionOutcome } from '../logger.js';
import { decodeCustomId } from '../toolkit/custom-id.js';

export type Transport = 'http' | 'gateway';

/** What the gateway reports when scraped: latency (-1 before the first heartbeat) and each shard's status. */
export interface GatewayStatus {
  pingMs: number;
  shards: readonly { id: number; status: number }[];
}

export interface BotMetrics {
  readonly registry: Registry;
  /** One answered interaction. */
  interaction(interaction: APIInteraction, outcome: InteractionOutcome, latencyMs: number): void;
  /** A request refused with `status` (401: a signature failure). */
  rejected(status: number): void;
  /** Call when a request starts; the returned function when it ends. */
  requestStarted(): () => void;
  /** Reads the gateway's state at each scrape. */
  watchGateway(read: () => GatewayStatus): void;
  /** The exposition text and its Content-Type. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * A bounded command label: a known command's name, `command:action` for a known button or menu, `other` for
 * anything else (labels come from request data, and each new value would be a new time series).
 */
export function commandLabel(interaction: APIInteraction): string {
  const data = (interaction as { data?: { name?: unknown; custom_id?: unknown } }).data;
  if (typeof data?.name === 'string') return commandsByName.has(data.name) ? data.name : 'other';
  if (typeof data?.custom_id === 'string') {
    const decoded = decodeCustomId(data.custom_id);
    const components = decoded && commandsByName.get(decoded.command)?.components;
    if (components && Object.hasOwn(components, decoded.action))
      return `${decoded.command}:${decoded.action}`;
    return 'other';
  }
  return 'none';
}

export function createMetrics({
  transport,
  processMetrics = true,
}: {
  transport: Transport;
  /** Node's process and event-loop metrics (prom-client's default collectors). */
  processMetrics?: boolean;
}): BotMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ transport });
  if (processMetrics) collectDefaultMetrics({ register: registry });

  const interactions = new Counter({
    name: 'wco_interactions_total',
    help: 'Interactions answered, by interaction type, command and outcome (error: a handler threw).',
    labelNames: ['type', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'wco_interaction_duration_seconds',
    help: 'Time from receiving an interaction to sending its answer.',
    labelNames: ['type'] as const,
    buckets: latencyBuckets,
    registers: [registry],
  });
  const signatureFailures = new Counter({
    name: 'wco_signature_failures_total',
    help: 'HTTP requests refused because their Ed25519 signature was missing, malformed or wrong.',
    registers: [registry],
  });
  const rejections = new Counter({
    name: 'wco_http_rejections_total',
    help: 'HTTP requests refused, by status code.',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  let inFlightCount = 0;
  new Gauge({
    name: 'wco_http_requests_in_flight',
    help: 'Interaction requests received and not yet answered.',
    registers: [registry],
    collect() {
      this.set(inFlightCount);
    },
  });

  // Label children, looked up once per label combination instead of hashing the labels on every call.
  const counted = new Map<string, ReturnType<typeof interactions.labels>>();
  const timed = new Map<string, ReturnType<typeof latency.labels>>();
  const requestEnded = () => {
    inFlightCount--;
  };

  return {
    registry,
    interaction(interaction, outcome, latencyMs) {
      const type = describeInteraction(interaction).type;
      const command = commandLabel(interaction);
      const key = `${type}\n${command}\n${outcome}`;
      let counter = counted.get(key);
      if (!counter) {
        counter = interactions.labels(type, command, outcome);
        counted.set(key, counter);
      }
      counter.inc();
      let histogram = timed.get(type);
      if (!histogram) {
        histogram = latency.labels(type);
        timed.set(type, histogram);
      }
      histogram.observe(latencyMs / 1000);
    },
    rejected(status) {
      if (status === 401) signatureFailures.inc();
      rejections.labels(String(status)).inc();
    },
    requestStarted() {
      inFlightCount++;
      return requestEnded;
    },
    watchGateway(read) {
      new Gauge({
        name: 'wco_gateway_latency_seconds',
        help: 'Gateway heartbeat round trip as discord.js last measured it (-1: not measured yet).',
        registers: [registry],
        collect() {
          const { pingMs } = read();
          this.set(pingMs < 0 ? -1 : pingMs / 1000);
        },
      });
      new Gauge({
        name: 'wco_gateway_shard_status',
        help: 'Each shard’s discord.js Status: 0 ready, 1 connecting, 2 reconnecting, 3 idle, 4 nearly, 5 disconnected, 6 waiting for guilds, 7 identifying, 8 resuming.',
        labelNames: ['shard'] as const,
        registers: [registry],
        collect() {
          this.reset();
          for (const shard of read().shards) this.labels(String(shard.id)).set(shard.status);
        },
      });
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
