/**
 * Property-based fuzzing of the HTTP interactions endpoint with correctly signed requests: the generators of
 * the handler fuzz test, and bodies that are not interactions at all. Whatever arrives, the endpoint answers
 * JSON with the right status (200 for an interaction, 400 for anything else, 413 when too big), never a 5xx,
 * never a stack trace or a source path, and for an interaction exactly what the router answers.
 *
 * Replay a failure with FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run tests/fuzz-http.test.ts -t '<name>';
 * FUZZ_RUNS=<total cases> scales the file (default 500).
 */
import type { KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleInteraction } from '../src/interactions/handle.js';
import { parseInteraction } from '../src/interactions/parse.js';
import { httpLimits } from '../src/transports/http/endpoint.js';
import { type RunningHttpServer, startHttpServer } from '../src/transports/http/server.js';
import {
  anyPayloadArb,
  type FuzzPayload,
  fuzzSettings,
  mutatedPayloadArb,
  nonInteractionBodyArb,
} from './helpers/arbitraries.js';
import { context } from './helpers/bot.js';
import { keyPair, nowTimestamp, signature } from './helpers/signing.js';

const settings = fuzzSettings(500);
/** Per property; a normal run takes a few seconds. */
const timeoutMs = 30_000;

let server: RunningHttpServer;
let privateKey: KeyObject;

beforeAll(async () => {
  const keys = keyPair();
  privateKey = keys.privateKey;
  server = await startHttpServer({
    context,
    publicKeyHex: keys.publicKeyHex,
    host: '127.0.0.1',
    port: 0,
    logger: pino({ level: 'silent' }),
  });
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

afterAll(async () => {
  await server?.close();
});

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

/** POSTs `body` to /interactions, signed as Discord signs it (Ed25519 over timestamp + body). */
async function postSigned(
  body: Buffer,
  tamper?: (signed: { timestamp: string; signature: string; body: Buffer }) => void,
): Promise<Answer> {
  const timestamp = nowTimestamp();
  const signed = { timestamp, signature: signature(timestamp, body, privateKey), body };
  tamper?.(signed);
  const response = await fetch(`${server.url}/interactions`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Signature-Ed25519': signed.signature,
      'X-Signature-Timestamp': signed.timestamp,
    },
    body: signed.body,
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text: await response.text(),
  };
}

/** Traces of a crash: stack frames, source paths, error names. */
const leakPatterns = [
  /\n\s+at /,
  /^\s*at .+:\d+:\d+/m,
  /\/src\//,
  /\.ts:\d/,
  /\.js:\d/,
  /node_modules/,
  /\b\w*Error:/,
];

/** Leak patterns in `text` that the request did not contain (a reply may quote what the user typed). */
function leaksIn(text: string, request: string): string[] {
  return leakPatterns.filter((pattern) => pattern.test(text) && !pattern.test(request)).map(String);
}

/** The status the endpoint owes a signed `body`, decided the way Discord's docs say: 200 only for an interaction. */
function expectedStatus(body: Buffer): { status: number; interaction?: ReturnType<typeof parseInteraction> } {
  if (body.length > httpLimits.maxBodyBytes) return { status: 413 };
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { status: 400 };
  }
  // Discord nests options at most 3 deep, and a guild id, when there is one (not null), is a snowflake.
  const { data, guild_id: guildId } = (json ?? {}) as { data?: { options?: unknown }; guild_id?: unknown };
  if (optionDepth(data?.options) > 3) return { status: 400 };
  if (guildId != null && (typeof guildId !== 'string' || !/^\d{1,20}$/.test(guildId))) {
    return { status: 400 };
  }
  const interaction = parseInteraction(json);
  return interaction ? { status: 200, interaction } : { status: 400 };
}

/** How deep options are nested: 0 for none, 1 for a flat list... */
function optionDepth(options: unknown): number {
  if (!Array.isArray(options)) return 0;
  return 1 + Math.max(0, ...options.map((option) => optionDepth((option as { options?: unknown })?.options)));
}

function checkAnswer(body: Buffer, answer: Answer): void {
  const request = body.toString('utf8');
  expect(answer.status, answer.text.slice(0, 500)).toBeLessThan(500);
  expect(answer.contentType).toMatch(/^application\/json/);
  let parsed: unknown;
  expect(
    () => {
      parsed = JSON.parse(answer.text);
    },
    `body is not JSON: ${answer.text.slice(0, 200)}`,
  ).not.toThrow();

  const expected = expectedStatus(body);
  expect(answer.status, answer.text.slice(0, 500)).toBe(expected.status);
  if (expected.interaction) {
    // Exactly what the router answers, so nothing else leaks in. Whether that answer is valid is the business
    // of the handler fuzz test (tests/fuzz-handlers.test.ts).
    const local = handleInteraction(expected.interaction, context);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(local)));
    expect(leaksIn(answer.text, request)).toEqual([]);
  } else {
    // An error body is a short fixed message, never a detail of what went wrong inside.
    expect(parsed).toEqual({ error: expect.any(String) });
    expect((parsed as { error: string }).error.length).toBeLessThan(100);
    expect(leaksIn(answer.text, '')).toEqual([]);
  }
}

function assertAsync<T>(
  arbitrary: fc.Arbitrary<T>,
  runs: number,
  check: (value: T) => Promise<void>,
): Promise<void> {
  return fc.assert(fc.asyncProperty(arbitrary, check), settings.parameters(runs, timeoutMs));
}

const toBody = (payload: FuzzPayload) => Buffer.from(JSON.stringify(payload), 'utf8');

describe('fuzzing the HTTP endpoint with signed requests', () => {
  it('answers every generated interaction payload with 200 and the router’s response, or 400', {
    timeout: settings.timeout(timeoutMs),
  }, async () => {
    let ok = 0;
    await assertAsync(fc.oneof(anyPayloadArb, mutatedPayloadArb).map(toBody), 300, async (body) => {
      const answer = await postSigned(body);
      checkAnswer(body, answer);
      if (answer.status === 200) ok++;
    });
    // Most payloads are interactions: the handlers, not only the parser, were reached over HTTP.
    if (settings.runs(300) >= 100) expect(ok).toBeGreaterThan(settings.runs(300) / 3);
  });

  it('answers 400 (never 5xx) to signed bodies that are not interactions: bytes, text, other JSON', {
    timeout: settings.timeout(timeoutMs),
  }, async () => {
    await assertAsync(nonInteractionBodyArb, 150, async (body) => {
      checkAnswer(body, await postSigned(body));
    });
  });

  it('answers 401 when the body, signature or timestamp is changed after signing', {
    timeout: settings.timeout(timeoutMs),
  }, async () => {
    const change = fc.oneof(
      fc.nat().map((at) => ({ field: 'body' as const, at })),
      fc.nat().map((at) => ({ field: 'signature' as const, at })),
      fc.integer({ min: 1, max: 10 ** 6 }).map((by) => ({ field: 'timestamp' as const, by })),
    );
    await assertAsync(fc.tuple(anyPayloadArb.map(toBody), change), 50, async ([body, edit]) => {
      const answer = await postSigned(body, (signed) => {
        if (edit.field === 'body') {
          const copy = Buffer.from(signed.body.length ? signed.body : Buffer.from(' '));
          const at = edit.at % copy.length;
          copy[at] = (copy[at] ?? 0) ^ 0x01;
          signed.body = copy;
        } else if (edit.field === 'signature') {
          const at = edit.at % signed.signature.length;
          const flipped = (Number.parseInt(signed.signature[at] ?? '0', 16) ^ 1).toString(16);
          signed.signature = `${signed.signature.slice(0, at)}${flipped}${signed.signature.slice(at + 1)}`;
        } else {
          signed.timestamp = String(Number(signed.timestamp) + edit.by);
        }
      });
      expect(answer.status, answer.text).toBe(401);
      expect(JSON.parse(answer.text)).toEqual({ error: expect.any(String) });
      expect(leaksIn(answer.text, '')).toEqual([]);
    });
  });
});
