/**
 * Prometheus metrics, scraped as Prometheus would: GET /metrics on the HTTP endpoint (or on METRICS_PORT),
 * and on METRICS_PORT for the gateway bot run against the Discord stand-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { loadBotContext } from '../src/interactions/create-context.js';
import { commandLabel, createMetrics } from '../src/metrics/metrics.js';
import { encodeCustomId } from '../src/toolkit/custom-id.js';
import { type RunningHttpServer, startHttpServer } from '../src/transports/http/server.js';
import { createLocalSession } from '../src/transports/local/parse-command-line.js';
import { startDiscordStandIn } from './discord-stand-in/index.js';
import { interactionFor } from './helpers/bot.js';
import { ChildBot, envWithout, gatewayBotEnv } from './helpers/child-process.js';
import { postSigned } from './helpers/signed-post.js';
import { keyPair, signedHeaders } from './helpers/signing.js';

const keys = keyPair();
const session = createLocalSession();
const context = loadBotContext();

const interaction = (line: string) => interactionFor(line, session);

/** The value of one sample (`name{labels} value`) in exposition text; undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics on the HTTP endpoint', () => {
  let server: RunningHttpServer;
  beforeAll(async () => {
    server = await startHttpServer({
      context,
      publicKeyHex: keys.publicKeyHex,
      metrics: createMetrics({ transport: 'http' }),
      serveMetrics: true,
    });
  });
  afterAll(() => server.close());

  async function post(body: string, headers = signedHeaders(body, keys.privateKey)) {
    return (await fetch(`${server.url}/interactions`, { method: 'POST', headers, body })).status;
  }

  it('counts interactions by type, command and outcome, their latency, and signature failures', async () => {
    const mou = JSON.stringify(interaction('/mou year:2003'));
    expect(await post(mou)).toBe(200);
    expect(await post(JSON.stringify(interaction('/mou year:2002')))).toBe(200);
    expect(await post(JSON.stringify(interaction('/help')))).toBe(200);
    expect(await post(mou, signedHeaders(mou, keyPair().privateKey))).toBe(401);
    expect(await post('{}', { 'content-type': 'application/json' } as never)).toBe(401);
    expect(await post('not json')).toBe(400);

    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const http = { transport: 'http' };
    expect(
      sample(text, 'wco_interactions_total', { ...http, type: 'command', command: 'mou', outcome: 'ok' }),
    ).toBe(2);
    expect(sample(text, 'wco_interactions_total', { type: 'command', command: 'help', outcome: 'ok' })).toBe(
      1,
    );
    expect(sample(text, 'wco_interaction_duration_seconds_count', { type: 'command' })).toBe(3);
    expect(sample(text, 'wco_interaction_duration_seconds_bucket', { type: 'command', le: '+Inf' })).toBe(3);
    expect(sample(text, 'wco_signature_failures_total')).toBe(2);
    expect(sample(text, 'wco_http_rejections_total', { status: '401' })).toBe(2);
    expect(sample(text, 'wco_http_rejections_total', { status: '400' })).toBe(1);
    expect(sample(text, 'wco_http_requests_in_flight')).toBe(0);
    // Process metrics (prom-client's default collectors).
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(text).not.toContain(mou.slice(0, 40));
  });

  it('is not served when the endpoint is started without it', async () => {
    const plain = await startHttpServer({ context, publicKeyHex: keys.publicKeyHex });
    try {
      expect((await fetch(`${plain.url}/metrics`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('the command label stays within known commands', () => {
  const mou = interaction('/mou year:2003');
  const owner = mou.member?.user.id ?? mou.user?.id ?? '1';
  const click = (customId: string) => ({ ...mou, type: 3, data: { custom_id: customId, component_type: 3 } });
  const mouAction = Object.keys(commands.find((c) => c.data.name === 'mou')?.components ?? {})[0] ?? 'none';
  it.each([
    ['a known command', mou, 'mou'],
    ['an unknown command', { ...mou, data: { ...mou.data, name: 'made-up-name' } }, 'other'],
    ['a known button or menu', click(encodeCustomId('mou', mouAction, owner)), `mou:${mouAction}`],
    ['a made-up custom_id', click('v1:mou:constructor:x'), 'other'],
    ['no data (PING)', { ...mou, type: 1, data: undefined }, 'none'],
  ])('%s → %s', (_, payload, label) => {
    expect(commandLabel(payload as never)).toBe(label);
  });
});

describe('METRICS_PORT', () => {
  it('npm run http serves /metrics on METRICS_PORT, not on the interactions port', async () => {
    const bot = new ChildBot('http', {
      ...envWithout(/^(DISCORD_|HOST$|PORT$|METRICS_PORT$)/),
      WCO_SKIP_DOTENV: '1',
      LOG_LEVEL: 'info',
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      PORT: '0',
      METRICS_PORT: '0',
    });
    try {
      const started = await bot.waitForLog((line) => typeof line.metricsUrl === 'string', 0, 20_000);
      const { url, metricsUrl } = started as { url: string; metricsUrl: string };
      expect(new URL(metricsUrl).port).not.toBe(new URL(url).port);
      const body = JSON.stringify(interaction('/partner who:interpol'));
      expect((await postSigned(url, body, keys.privateKey)).status).toBe(200);
      expect((await fetch(`${url}/metrics`)).status).toBe(404);
      const text = await (await fetch(metricsUrl)).text();
      expect(
        sample(text, 'wco_interactions_total', { command: 'partner', outcome: 'ok', transport: 'http' }),
      ).toBe(1);
    } finally {
      await bot.stop();
    }
  }, 30_000);

  it('the gateway bot serves its counters, gateway latency and shard status on METRICS_PORT', async () => {
    const token = 'MTI5MDAwMDAwMDAwMDAwMDAwMQ.GabcDe.metricsTestSecretPartOfTheToken';
    const standIn = await startDiscordStandIn({ token });
    const bot = new ChildBot('start', { ...gatewayBotEnv(token, standIn.apiUrl), METRICS_PORT: '0' });
    try {
      const { metricsUrl } = (await bot.waitForLog(
        (line) => typeof line.metricsUrl === 'string',
        0,
        30_000,
      )) as {
        metricsUrl: string;
      };
      await bot.waitForLog((line) => line.msg === 'connected to the gateway', 0, 30_000);
      const handle = standIn.dispatchInteraction(
        standIn.chatInputInteraction({ commandName: 'partner', options: { who: 'interpol' } }),
      );
      await handle.waitForCallback(10_000);
      // The callback is counted once the stand-in's answer reached the bot: poll briefly.
      let text = '';
      for (let attempt = 0; attempt < 50; attempt++) {
        text = await (await fetch(metricsUrl)).text();
        if (sample(text, 'wco_interactions_total', { command: 'partner' }) === 1) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const gateway = { transport: 'gateway' };
      expect(
        sample(text, 'wco_interactions_total', {
          ...gateway,
          type: 'command',
          command: 'partner',
          outcome: 'ok',
        }),
      ).toBe(1);
      expect(sample(text, 'wco_interaction_duration_seconds_count', { ...gateway, type: 'command' })).toBe(1);
      expect(sample(text, 'wco_gateway_shard_status', { shard: '0' })).toBe(0); // 0: ready
      expect(sample(text, 'wco_gateway_latency_seconds')).toBeDefined();
      expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    } finally {
      await bot.stop();
      await standIn.close();
    }
  }, 60_000);
});
