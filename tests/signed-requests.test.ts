/**
 * One table of requests, two targets: the Node endpoint (npm run http) and the Cloudflare Worker running in
 * workerd (the runtime Cloudflare deploys, through miniflare). Each case must get the same status, headers
 * and body from both, so the Worker is held to everything the Node endpoint promises.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIInteractionResponse } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { loadBotContext } from '../src/interactions/create-context.js';
import { httpLimits, startHttpServer } from '../src/transports/http/server.js';
import {
  buildAutocompleteInteraction,
  createLocalSession,
} from '../src/transports/local/parse-command-line.js';
import { buildWorker } from '../src/transports/worker/build.js';
import { serveWorker } from '../src/transports/worker/dev.js';
import { interactionFor } from './helpers/bot.js';
import { rawExchange } from './helpers/raw-http.js';
import { keyPair, signedHeaders } from './helpers/signing.js';

const keys = keyPair();
const otherKeys = keyPair();
const session = createLocalSession();

const command = (line: string) => JSON.stringify(interactionFor(line, session));

function autocomplete(value: string): string {
  const partner = commands.find((candidate) => candidate.data.name === 'partner');
  if (!partner) throw new Error('no /partner');
  return JSON.stringify(buildAutocompleteInteraction(partner, [], { name: 'who', value }, session));
}

interface Request {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Sent byte for byte on a socket (what fetch will not send). */
  raw?: (string | Buffer)[];
}

const help = command('/help');
const signed = (body: string, extra: Record<string, string> = {}): Request => ({
  method: 'POST',
  path: '/interactions',
  headers: { ...signedHeaders(body, keys.privateKey), ...extra },
  body,
});
const flipFirstByte = (hex: string) =>
  ((Number.parseInt(hex.slice(0, 2), 16) ^ 1).toString(16).padStart(2, '0') + hex.slice(2)) as string;
const goodHeaders = signedHeaders(help, keys.privateKey);
const { 'x-signature-ed25519': _noSignature, ...withoutSignature } = goodHeaders;
const { 'x-signature-timestamp': _noTimestamp, ...withoutTimestamp } = goodHeaders;
/** /help with goodHeaders changed by `extra`. */
const helpWith = (extra: Record<string, string>): Request => ({
  method: 'POST',
  path: '/interactions',
  headers: { ...goodHeaders, ...extra },
  body: help,
});
const refusedSignature = '{"error":"invalid request signature"}';

function rawPost(headerLines: string[], body: string | Buffer[]): (string | Buffer)[] {
  const head = [
    'POST /interactions HTTP/1.1',
    'Host: localhost',
    ...headerLines,
    'Connection: close',
    '',
    '',
  ];
  return [head.join('\r\n'), ...(typeof body === 'string' ? [body] : body)];
}

type Check = (answer: { text: string; headers: Headers | undefined }) => void;
const jsonAnswer =
  (check: (response: APIInteractionResponse) => void): Check =>
  ({ text }) =>
    check(JSON.parse(text));

/** name, request, expected status, expected body (exact text) or a check of it. */
const cases: [string, () => Request, number, string | Check][] = [
  ['GET /healthz', () => ({ method: 'GET', path: '/healthz' }), 200, '{"status":"ok"}'],
  ['HEAD /healthz', () => ({ method: 'HEAD', path: '/healthz' }), 200, ''],
  [
    'a signed PING gets a PONG',
    () => signed(JSON.stringify({ ...JSON.parse(help), type: 1, data: undefined })),
    200,
    '{"type":1}',
  ],
  [
    'a signed /partner command gets its card, pinging no one',
    () => signed(command('/partner who:interpol')),
    200,
    jsonAnswer((response) => {
      expect(response.type).toBe(4);
      if (response.type !== 4) return;
      expect(response.data.allowed_mentions).toEqual({ parse: [] });
      expect(JSON.stringify(response.data.embeds)).toContain('INTERPOL');
    }),
  ],
  [
    'a signed /mou command',
    () => signed(command('/mou year:2003')),
    200,
    jsonAnswer((response) => expect(JSON.stringify(response)).toContain('UNEP')),
  ],
  [
    // Neither target can upload here (the Worker never can; the Node endpoint has no DISCORD_API_URL in this
    // table), so the picture's text fallback is the answer: the list timeline, no attachment.
    'a signed /mou view:timeline gets the text timeline',
    () => signed(command('/mou view:timeline')),
    200,
    jsonAnswer((response) => {
      expect(response.type).toBe(4);
      if (response.type !== 4) return;
      expect(JSON.stringify(response.data)).not.toContain('attachment://');
      expect(response.data.attachments ?? []).toEqual([]);
      expect(JSON.stringify(response.data.embeds)).toContain('2003');
    }),
  ],
  [
    'a signed autocomplete',
    () => signed(autocomplete('interp')),
    200,
    jsonAnswer((response) => {
      expect(response.type).toBe(8);
      if (response.type === 8) expect(response.data.choices?.map((c) => c.value)).toContain('interpol');
    }),
  ],
  [
    'a flipped signature',
    () => helpWith({ 'x-signature-ed25519': flipFirstByte(goodHeaders['x-signature-ed25519']) }),
    401,
    refusedSignature,
  ],
  [
    'a signature made with another key',
    () => ({ ...signed(help), headers: signedHeaders(help, otherKeys.privateKey) }),
    401,
    refusedSignature,
  ],
  [
    'no signature header',
    () => ({ method: 'POST', path: '/interactions', headers: withoutSignature, body: help }),
    401,
    refusedSignature,
  ],
  [
    'no timestamp header',
    () => ({ method: 'POST', path: '/interactions', headers: withoutTimestamp, body: help }),
    401,
    refusedSignature,
  ],
  ['a tampered body', () => ({ ...signed(help), body: help.replace('help', 'mou') }), 401, refusedSignature],
  [
    'another timestamp',
    () => helpWith({ 'x-signature-timestamp': String(Number(goodHeaders['x-signature-timestamp']) + 1) }),
    401,
    refusedSignature,
  ],
  [
    'a timestamp that is not digits',
    () => helpWith({ 'x-signature-timestamp': `${goodHeaders['x-signature-timestamp']}x` }),
    401,
    refusedSignature,
  ],
  [
    'a signature that is not hex',
    () => helpWith({ 'x-signature-ed25519': 'zz'.repeat(64) }),
    401,
    refusedSignature,
  ],
  ['an empty signature', () => helpWith({ 'x-signature-ed25519': '' }), 401, refusedSignature],
  [
    'the signature header twice, even though it is right',
    () => {
      const { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } = signedHeaders(
        help,
        keys.privateKey,
      );
      return {
        method: 'POST',
        path: '/interactions',
        raw: rawPost(
          [
            `Content-Length: ${Buffer.byteLength(help)}`,
            `X-Signature-Ed25519: ${signature}`,
            `X-Signature-Ed25519: ${signature}`,
            `X-Signature-Timestamp: ${timestamp}`,
          ],
          help,
        ),
      };
    },
    401,
    refusedSignature,
  ],
  ['signed, but not JSON', () => signed('{"type": 1,'), 400, '{"error":"body is not JSON"}'],
  [
    'signed JSON that is not an interaction',
    () => signed('{"hello":"world"}'),
    400,
    '{"error":"body is not an interaction"}',
  ],
  [
    'a body over 64 KiB (Content-Length)',
    () => signed(JSON.stringify({ ...JSON.parse(help), padding: 'x'.repeat(httpLimits.maxBodyBytes) })),
    413,
    `{"error":"body larger than ${httpLimits.maxBodyBytes} bytes"}`,
  ],
  [
    'a chunked body that grows past 64 KiB',
    () => ({
      method: 'POST',
      path: '/interactions',
      raw: rawPost(
        ['Transfer-Encoding: chunked', `X-Signature-Ed25519: ${'ab'.repeat(64)}`, 'X-Signature-Timestamp: 1'],
        [
          ...Array.from({ length: 5 }, () =>
            Buffer.concat([Buffer.from('4000\r\n'), Buffer.alloc(16 * 1024, 'x'), Buffer.from('\r\n')]),
          ),
          Buffer.from('0\r\n\r\n'),
        ],
      ),
    }),
    413,
    `{"error":"body larger than ${httpLimits.maxBodyBytes} bytes"}`,
  ],
  ['GET /', () => ({ method: 'GET', path: '/' }), 404, '{"error":"not found"}'],
  [
    'POST /interactions/extra',
    () => ({ ...signed(help), path: '/interactions/extra' }),
    404,
    '{"error":"not found"}',
  ],
  [
    'GET /interactions',
    () => ({ method: 'GET', path: '/interactions' }),
    405,
    ({ headers }) => expect(headers?.get('allow')).toBe('POST'),
  ],
  [
    'POST /healthz',
    () => ({ method: 'POST', path: '/healthz', body: '{}' }),
    405,
    ({ headers }) => expect(headers?.get('allow')).toBe('GET, HEAD'),
  ],
];

interface Target {
  url: string;
  close(): Promise<void>;
}

const targets: [string, () => Promise<Target>][] = [
  [
    'Node endpoint',
    () => startHttpServer({ context: loadBotContext(), publicKeyHex: keys.publicKeyHex, port: 0 }),
  ],
  [
    'Worker in workerd',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'wco-worker-'));
      const bundle = await buildWorker({ outfile: join(dir, 'worker.mjs') });
      rmSync(dir, { recursive: true, force: true });
      return serveWorker({
        script: bundle.code,
        publicKeyHex: keys.publicKeyHex,
        host: '127.0.0.1',
        port: 0,
      });
    },
  ],
];

async function send(url: string, request: Request) {
  if (request.raw) {
    const answer = await rawExchange(url, request.raw);
    const text = answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4);
    return {
      status: answer.status,
      text,
      headers: undefined,
      contentType: /content-type: ([^\r]+)/i.exec(answer.text)?.[1],
    };
  }
  const response = await fetch(`${url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    headers: response.headers,
    contentType: response.headers.get('content-type'),
  };
}

describe.each(targets)('signed requests: %s', (_, start) => {
  let target: Target;
  beforeAll(async () => {
    target = await start();
  }, 60_000);
  afterAll(async () => {
    await target?.close();
  });

  it.each(cases.map(([name, request, status, expected]) => ({ name, request, status, expected })))(
    '$name → $status',
    async ({ request, status, expected }) => {
      const answer = await send(target.url, request());
      expect(answer.status).toBe(status);
      expect(answer.contentType).toBe('application/json');
      if (typeof expected === 'string') expect(answer.text.trim()).toBe(expected);
      else expected(answer);
      // A refusal says what was refused, never how anything inside went wrong.
      if (status !== 200) expect(answer.text).not.toMatch(/ at |Error|\.ts:|\.js:/);
    },
  );
});
