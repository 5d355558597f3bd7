import { connect } from 'node:net';
import type { APIInteractionResponse } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../commands/index.js';
import { loadBotContext } from '../src/interactions/create-context.js';
import { httpLimits } from '../src/transports/http/endpoint.js';
import { type RunningHttpServer, startHttpServer } from '../src/transports/http/server.js';
import {
  buildAutocompleteInteraction,
  buildBotMessage,
  buildComponentInteraction,
  createLocalSession,
} from '../src/transports/local/parse-command-line.js';
import { interactionFor } from './helpers/bot.js';
import { capturedLogger } from './helpers/captured-logger.js';
import { envWithout, exitOf, runToEnd, spawnRunScript } from './helpers/child-process.js';
import { httpEndpointWithStandIn } from './helpers/http-with-stand-in.js';
import { rawExchange } from './helpers/raw-http.js';
import { keyPair, nowTimestamp, signedHeaders } from './helpers/signing.js';

const keys = keyPair();
const otherKeys = keyPair();
const context = loadBotContext();
const session = createLocalSession();

const commandPayload = (line: string) => interactionFor(line, session) as unknown as Record<string, unknown>;

describe('HTTP interactions endpoint (in-process)', () => {
  let server: RunningHttpServer;
  const { lines: logLines, logger } = capturedLogger();

  beforeAll(async () => {
    server = await startHttpServer({
      context,
      publicKeyHex: keys.publicKeyHex,
      host: '127.0.0.1',
      port: 0,
      logger,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  async function post(payload: unknown, headers?: Record<string, string>) {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const response = await fetch(`${server.url}/interactions`, {
      method: 'POST',
      headers: headers ?? signedHeaders(body, keys.privateKey),
      body,
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  async function interact(payload: unknown): Promise<APIInteractionResponse> {
    const response = await post(payload);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    return JSON.parse(response.text);
  }

  it('answers /healthz', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${server.url}/healthz`, { method: 'HEAD' })).status).toBe(200);
  });

  it('answers a PING with a PONG', async () => {
    const ping = { ...commandPayload('/help'), type: 1, data: undefined };
    expect(await interact(ping)).toEqual({ type: 1 });
  });

  it.each([
    ['/partner who:interpol', 'INTERPOL'],
    ['/partner who:"world health" private:true', 'World Health Organization'],
    ['/mou year:2003', 'UNEP'],
    ['/mou', 'timeline'],
    ['/topic area:cultural-property', 'Cultural property'],
    ['/help', '/partner'],
  ])('answers %s synchronously in the HTTP response', async (line, expected) => {
    const response = await interact(commandPayload(line));
    expect(response.type).toBe(4);
    if (response.type !== 4) return;
    expect(response.data.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(response.data)).toContain(expected);
  });

  it('answers autocomplete from the command’s own handler', async () => {
    const command = commands.find((candidate) => candidate.data.name === 'partner');
    if (!command) throw new Error('no /partner');
    const interaction = buildAutocompleteInteraction(command, [], { name: 'who', value: 'interp' }, session);
    const response = await interact(interaction);
    expect(response.type).toBe(8);
    if (response.type !== 8) return;
    expect(response.data.choices?.map((choice) => choice.value)).toContain('interpol');
  });

  it('answers a component click with a custom_id taken from a command reply', async () => {
    const reply = await interact(commandPayload('/mou year:2003'));
    if (reply.type !== 4) throw new Error('expected a message');
    const row = reply.data.components?.[0] as
      | { components: { custom_id: string; type: number }[] }
      | undefined;
    const select = row?.components[0];
    if (!select) throw new Error('the /mou reply has no menu');
    const click = buildComponentInteraction(
      {
        message: buildBotMessage(reply.data, session, { commandName: 'mou' }),
        customId: select.custom_id,
        componentType: select.type,
        values: ['unep'],
      },
      session,
    );
    const response = await interact(click);
    // The person who ran the command gets the message updated in place.
    expect(response.type).toBe(7);
    expect(JSON.stringify(response)).toContain('United Nations Environment Programme');
  });

  it('accepts a full, realistic Discord payload with fields it does not know', async () => {
    const realistic = {
      app_permissions: '2251799813685247',
      application_id: '1290000000000000001',
      attachment_size_limit: 10485760,
      authorizing_integration_owners: { '0': '1190000000000000100' },
      channel: {
        flags: 0,
        guild_id: '1190000000000000100',
        icon_emoji: { id: null, name: '👋' },
        id: '1190000000000000200',
        last_message_id: '1300000000000000999',
        name: 'general',
        nsfw: false,
        parent_id: '1190000000000000150',
        permissions: '2251799813685247',
        position: 0,
        rate_limit_per_user: 0,
        theme_color: null,
        topic: null,
        type: 0,
      },
      channel_id: '1190000000000000200',
      context: 0,
      data: {
        id: '1290000000000001234',
        name: 'partner',
        options: [{ name: 'who', type: 3, value: 'interpol' }],
        type: 1,
        some_future_field: { nested: [1, 2, 3] },
      },
      entitlement_sku_ids: [],
      entitlements: [],
      guild: { features: ['COMMUNITY', 'NEWS'], id: '1190000000000000100', locale: 'en-US' },
      guild_id: '1190000000000000100',
      guild_locale: 'en-US',
      id: '1300000000000001000',
      locale: 'en-GB',
      member: {
        avatar: null,
        banner: null,
        collectibles: null,
        communication_disabled_until: null,
        deaf: false,
        flags: 0,
        joined_at: '2023-03-01T10:00:00.000000+00:00',
        mute: false,
        nick: 'Customs analyst',
        pending: false,
        permissions: '2251799813685247',
        premium_since: null,
        roles: ['1190000000000000301', '1190000000000000302'],
        unusual_dm_activity_until: null,
        user: {
          avatar: 'a_1234567890abcdef1234567890abcdef',
          avatar_decoration_data: null,
          clan: null,
          collectibles: null,
          discriminator: '0',
          global_name: 'Analyst',
          id: '1190000000000000042',
          primary_guild: null,
          public_flags: 64,
          username: 'analyst',
        },
      },
      rate_limit_info: { bucket: 'x' },
      token: 'aW50ZXJhY3Rpb246MTMwMDAwMDAwMDAwMDAwMTAwMDpyZWFsaXN0aWMtdG9rZW4',
      type: 2,
      version: 1,
    };
    const response = await interact(realistic);
    expect(response.type).toBe(4);
    expect(JSON.stringify(response)).toContain('INTERPOL');
  });

  describe('refuses what Discord did not sign', () => {
    const body = JSON.stringify(commandPayload('/help'));

    it('a wrong signature', async () => {
      const headers = signedHeaders(body, keys.privateKey);
      const flipped = (Number.parseInt(headers['x-signature-ed25519'].slice(0, 2), 16) ^ 1)
        .toString(16)
        .padStart(2, '0');
      headers['x-signature-ed25519'] = flipped + headers['x-signature-ed25519'].slice(2);
      expect((await post(body, headers)).status).toBe(401);
    });

    it('a signature made with another key', async () => {
      expect((await post(body, signedHeaders(body, otherKeys.privateKey))).status).toBe(401);
    });

    it('missing headers', async () => {
      const headers = signedHeaders(body, keys.privateKey);
      const { 'x-signature-ed25519': _signature, ...noSignature } = headers;
      const { 'x-signature-timestamp': _timestamp, ...noTimestamp } = headers;
      expect((await post(body, noSignature)).status).toBe(401);
      expect((await post(body, noTimestamp)).status).toBe(401);
      expect((await post(body, { 'content-type': 'application/json' })).status).toBe(401);
    });

    it('a tampered body or timestamp', async () => {
      const headers = signedHeaders(body, keys.privateKey);
      expect((await post(body.replace('help', 'mou'), headers)).status).toBe(401);
      expect((await post(`${body} `, headers)).status).toBe(401);
      expect((await post(body, { ...headers, 'x-signature-timestamp': '1' })).status).toBe(401);
    });

    it('malformed signatures: bad hex, wrong length, empty', async () => {
      const headers = signedHeaders(body, keys.privateKey);
      for (const signature of [
        'zz'.repeat(64),
        headers['x-signature-ed25519'].slice(2),
        '',
        `${headers['x-signature-ed25519']}00`,
      ]) {
        expect((await post(body, { ...headers, 'x-signature-ed25519': signature })).status).toBe(401);
      }
    });

    it('duplicated signature headers, even if one of them is right', async () => {
      const headers = signedHeaders(body, keys.privateKey);
      const request = [
        'POST /interactions HTTP/1.1',
        'Host: localhost',
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `X-Signature-Ed25519: ${headers['x-signature-ed25519']}`,
        `X-Signature-Ed25519: ${headers['x-signature-ed25519']}`,
        `X-Signature-Timestamp: ${headers['x-signature-timestamp']}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n');
      expect((await rawExchange(server.url, [request])).status).toBe(401);
    });

    it('answers 401 with a short JSON body and no detail', async () => {
      const response = await post(body, {
        'x-signature-ed25519': 'ab'.repeat(64),
        'x-signature-timestamp': nowTimestamp(),
      });
      expect(response.status).toBe(401);
      expect(JSON.parse(response.text)).toEqual({ error: 'invalid request signature' });
    });
  });

  describe('refuses bad requests', () => {
    it('400 for a signed body that is not JSON', async () => {
      const response = await post('{"type": 1,');
      expect(response.status).toBe(400);
      expect(response.text).not.toMatch(/at |SyntaxError|\.ts:|\.js:/);
    });

    it('400 for signed JSON that is not an interaction', async () => {
      expect((await post({ hello: 'world' })).status).toBe(400);
      expect((await post([1, 2, 3])).status).toBe(400);
      expect((await post({ type: 2, id: 'x' })).status).toBe(400);
      expect((await post('null')).status).toBe(400);
    });

    it('413 for a body over the cap, declared in Content-Length', async () => {
      const big = JSON.stringify({
        ...commandPayload('/help'),
        padding: 'x'.repeat(httpLimits.maxBodyBytes),
      });
      expect((await post(big)).status).toBe(413);
    });

    it('413 for a chunked body that passes the cap, without reading it all', async () => {
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const head = [
        'POST /interactions HTTP/1.1',
        'Host: localhost',
        'Transfer-Encoding: chunked',
        `X-Signature-Ed25519: ${'ab'.repeat(64)}`,
        `X-Signature-Timestamp: ${nowTimestamp()}`,
        '',
        '',
      ].join('\r\n');
      const chunks = Array.from({ length: 64 }, () =>
        Buffer.concat([Buffer.from('4000\r\n'), chunk, Buffer.from('\r\n')]),
      );
      const result = await rawExchange(server.url, [head, ...chunks], { gapMs: 5 });
      expect(result.status).toBe(413);
    });

    it('404 for other paths, 405 with Allow for other methods', async () => {
      expect((await fetch(`${server.url}/`)).status).toBe(404);
      expect((await fetch(`${server.url}/interactions/extra`, { method: 'POST' })).status).toBe(404);
      const get = await fetch(`${server.url}/interactions`);
      expect(get.status).toBe(405);
      expect(get.headers.get('allow')).toBe('POST');
      const postHealth = await fetch(`${server.url}/healthz`, { method: 'POST', body: '{}' });
      expect(postHealth.status).toBe(405);
      expect(postHealth.headers.get('allow')).toBe('GET, HEAD');
    });
  });

  it('logs one line per interaction, without its token', async () => {
    const payload = commandPayload('/mou year:2003');
    await interact(payload);
    const line = logLines.find(
      (entry) => entry.msg === 'interaction' && (entry.interaction as { id?: string }).id === payload.id,
    );
    expect(line).toMatchObject({
      interaction: { type: 'command', command: 'mou' },
      outcome: 'ok',
      responseType: 4,
      transport: 'http',
    });
    expect(typeof line?.latencyMs).toBe('number');
    const everything = JSON.stringify(logLines);
    expect(everything).not.toContain(payload.token as string);
    expect(everything).not.toContain('realistic-token');
  });
});

describe('HTTP endpoint limits and shutdown', () => {
  it('times out a body that does not arrive (408) and closes the connection', async () => {
    const server = await startHttpServer({ context, publicKeyHex: keys.publicKeyHex });
    // Shortened for the test (Node reads them at each check, every second).
    server.server.headersTimeout = 200;
    server.server.requestTimeout = 300;
    try {
      const head = [
        'POST /interactions HTTP/1.1',
        'Host: localhost',
        'Content-Length: 100',
        `X-Signature-Ed25519: ${'ab'.repeat(64)}`,
        `X-Signature-Timestamp: ${nowTimestamp()}`,
        '',
        '{"type":',
      ].join('\r\n');
      const started = Date.now();
      const result = await rawExchange(server.url, [head]);
      expect(result.status).toBe(408);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await server.close();
    }
  });

  it('finishes an in-flight request on close(), then stops accepting', async () => {
    const server = await startHttpServer({ context, publicKeyHex: keys.publicKeyHex });
    const body = JSON.stringify(commandPayload('/help'));
    const headers = signedHeaders(body, keys.privateKey);
    const { hostname, port } = new URL(server.url);
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    socket.write(
      [
        'POST /interactions HTTP/1.1',
        'Host: localhost',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `X-Signature-Ed25519: ${headers['x-signature-ed25519']}`,
        `X-Signature-Timestamp: ${headers['x-signature-timestamp']}`,
        '',
        body.slice(0, 10),
      ].join('\r\n'),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = server.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.write(body.slice(10));
    await closed;
    await new Promise((resolve) => socket.on('close', resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('"type":4');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('refuses to start with a malformed public key', async () => {
    await expect(startHttpServer({ context, publicKeyHex: 'not-a-key' })).rejects.toThrow(/64 hexadecimal/);
  });
});

describe('follow-up edits (a reply with a picture): URLs built only from checked fields, 429 honoured', () => {
  const editRoute = 'PATCH /webhooks/:appId/:token/messages/:messageId';
  const endpoint = httpEndpointWithStandIn(context);

  const timelineRequest = (changes: Record<string, string> = {}) => ({
    ...endpoint.standIn.chatInputInteraction({ commandName: 'mou', options: { view: 'timeline' } }),
    ...changes,
  });

  async function send(payload: object): Promise<{ type: number; data?: { embeds?: { title?: string }[] } }> {
    return JSON.parse(await endpoint.send(payload));
  }

  it.each([
    ['a token that climbs out of the path', { token: '../../../../evil/path?x=' }],
    ['a token with a slash', { token: 'abc/def' }],
    ['another application’s id', { application_id: '1290000000000000999' }],
  ])('%s: answered at once with the text, nothing sent to Discord', async (_, changes) => {
    const before = endpoint.standIn.rest.requests.length;
    const answer = await send(timelineRequest(changes));
    expect(answer.type).toBe(4);
    expect(answer.data?.embeds?.[0]?.title).toBe('WCO agreements timeline');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(endpoint.standIn.rest.requests.slice(before)).toEqual([]);
  });

  it('a 429 on the edit is retried once, after the Retry-After Discord asked for, and the picture arrives', async () => {
    const fault = endpoint.standIn.injectRestFault({
      method: 'PATCH',
      path: '/webhooks/:appId/:token/messages/:id',
      status: 429,
      retryAfter: 0.3,
    });
    const payload = timelineRequest();
    await endpoint.standIn.answeredOverHttp(payload, '{"type":5}');
    expect(await send(payload)).toEqual({ type: 5 });
    const edit = await endpoint.standIn.waitForRequest(
      (r) => r.route === editRoute && r.params.token === payload.token && r.status === 200,
    );
    expect(fault.hits).toHaveLength(1);
    expect(edit.time - (fault.hits[0]?.time ?? 0)).toBeGreaterThanOrEqual(290);
    expect(edit.files.map((file) => file.filename)).toEqual(['timeline.png']);
    await vi.waitFor(() =>
      expect(
        endpoint.lines.some((l) => l.msg === 'reply file delivered' && l.interactionId === payload.id),
      ).toBe(true),
    );
  });
});

describe('npm run http (child process)', () => {
  const cleanEnv = () => ({ ...envWithout(/^(DISCORD_|HOST$)/), WCO_SKIP_DOTENV: '1', LOG_LEVEL: 'info' });

  it('serves /healthz, answers a signed command, and exits 0 on SIGTERM', async () => {
    const started = performance.now();
    const child = spawnRunScript(['http'], {
      ...cleanEnv(),
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      PORT: '0',
    });
    const exited = exitOf(child);
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    // With PORT=0 the OS picks the port; the start-up log line says which.
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (chunk) => {
        stdout += chunk;
        const found = /"url":"(http:\/\/[^"]+)"/.exec(stdout)?.[1];
        if (found) resolve(found);
      });
      child.on('exit', () => reject(new Error(`exited before listening: ${stderr}`)));
    });
    const health = await fetch(`${url}/healthz`);
    const readyMs = performance.now() - started;
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    console.info(`npm run http: /healthz answered ${Math.round(readyMs)} ms after spawn`);

    const body = JSON.stringify(commandPayload('/mou year:2003'));
    const response = await fetch(`${url}/interactions`, {
      method: 'POST',
      headers: signedHeaders(body, keys.privateKey),
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('INTERPOL');

    child.kill('SIGTERM');
    expect((await exited).code).toBe(0);
    expect(stdout).toContain('"msg":"interaction"');
    expect(stdout).not.toContain(JSON.parse(body).token);
  });

  it('refuses to start without DISCORD_PUBLIC_KEY, with one clear line, and serves nothing', async () => {
    const { code, stdout, stderr } = await runToEnd(['http'], {
      ...cleanEnv(),
      PORT: '0',
      DISCORD_TOKEN: 'secret-token-value.that-is.not-valid here',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/DISCORD_PUBLIC_KEY is required/);
    expect(stderr).toMatch(/DISCORD_TOKEN does not look like a bot token/);
    expect(stderr).not.toContain('secret-token-value');
    expect(stdout).not.toContain('listening');
  });
});
