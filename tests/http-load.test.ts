/**
 * The HTTP endpoint under load, on 127.0.0.1 only.
 *
 * 1. `npm run http` (the real entry point, a child process) takes a mix of signed commands, autocompletes
 *    and component clicks at a fixed rate (autocannon, 200 req/s for 20 s): not one error, timeout, reset
 *    or non-2xx, and every answer is exactly what the shared router answers.
 * 2. SIGTERM during a burst: every request the server had accepted gets its complete 200, the process
 *    exits 0 promptly, new connections are refused rather than half-served.
 * 3. Slow and stuck clients (nothing sent, headers never finished, headers trickled, body never sent or
 *    trickled) are cut by the server's timeouts, shortened in-process, while other clients keep getting
 *    fast 200s.
 *
 * `npm run soak` runs this file in vitest mode "soak": the sustained load then lasts SOAK_SECONDS (default
 * 300) at SOAK_RATE requests/s (default 200).
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import autocannon, { type Request as CannonRequest } from 'autocannon';
import type { APIInteraction } from 'discord-api-types/v10';
import { ComponentType } from 'discord-api-types/v10';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { handleInteraction } from '../src/interactions/handle.js';
import { httpLimits } from '../src/transports/http/endpoint.js';
import { type RunningHttpServer, startHttpServer } from '../src/transports/http/server.js';
import {
  buildAutocompleteInteraction,
  buildBotMessage,
  buildComponentInteraction,
} from '../src/transports/local/parse-command-line.js';
import { context, interactionFor, messageOf, owner, someoneElse } from './helpers/bot.js';
import {
  type Exit,
  envWithout,
  exitOf,
  type LogLine,
  logLineReader,
  spawnRunScript,
} from './helpers/child-process.js';
import { keyPair, nowTimestamp, signedHeaders } from './helpers/signing.js';

const soak = process.env.MODE === 'soak';
const loadSeconds = soak ? Number(process.env.SOAK_SECONDS ?? 300) : 20;
const loadRate = soak ? Number(process.env.SOAK_RATE ?? 200) : 200;

// ---------------------------------------------------------------------------------------------------------
// Signed interactions
// ---------------------------------------------------------------------------------------------------------

const { privateKey, publicKeyHex } = keyPair();

interface Sample {
  kind: 'command' | 'autocomplete' | 'component';
  label: string;
  body: string;
  headers: Record<string, string>;
  /** What the shared router answers, serialized as the server sends it. */
  expected: string;
}

function sample(kind: Sample['kind'], label: string, interaction: APIInteraction): Sample {
  const body = JSON.stringify(interaction);
  const expected = JSON.stringify(handleInteraction(interaction, context));
  return { kind, label, body, headers: signedHeaders(body, privateKey), expected };
}

/** Clicks on the buttons and menus of the reply to `line`: by its owner, and one by someone else. */
function clicksOn(line: string): Sample[] {
  const reply = messageOf(handleInteraction(interactionFor(line), context));
  const message = buildBotMessage(reply, owner, { commandName: line.slice(1).split(' ')[0] });
  const samples: Sample[] = [];
  for (const row of reply.components ?? []) {
    if (!('components' in row)) continue;
    for (const component of row.components) {
      if (component.type === ComponentType.Button && 'custom_id' in component) {
        samples.push(
          sample(
            'component',
            `${line} button`,
            buildComponentInteraction(
              { message, customId: component.custom_id, componentType: ComponentType.Button },
              owner,
            ),
          ),
        );
      } else if (component.type === ComponentType.StringSelect) {
        for (const [index, option] of component.options.slice(0, 2).entries()) {
          samples.push(
            sample(
              'component',
              `${line} menu ${option.value}`,
              buildComponentInteraction(
                {
                  message,
                  customId: component.custom_id,
                  componentType: ComponentType.StringSelect,
                  values: [option.value],
                },
                index === 0 ? owner : someoneElse,
              ),
            ),
          );
        }
      }
    }
  }
  return samples;
}

function autocomplete(commandName: string, option: string, value: string): Sample {
  const command = commands.find((candidate) => candidate.data.name === commandName);
  if (!command) throw new Error(`no /${commandName}`);
  return sample(
    'autocomplete',
    `/${commandName} ${option}:${value}…`,
    buildAutocompleteInteraction(command, [], { name: option, value }, owner),
  );
}

/** The mix: every command, autocomplete on both autocompleted options, clicks on menus and buttons. */
function mixedSamples(): Sample[] {
  const lines = [
    '/partner who:interpol',
    '/partner who:interpl',
    '/partner who:"world health"',
    '/partner who:"money laundering"',
    '/partner who:unodc private:true',
    '/partner who:zzzzzz',
    '/mou year:2003',
    '/mou',
    '/mou year:1960',
    '/topic area:cultural-property',
    '/topic area:drugs',
    '/help',
  ];
  const samples = [
    ...lines.map((line) => sample('command', line, interactionFor(line))),
    autocomplete('partner', 'who', 'interp'),
    autocomplete('partner', 'who', 'wh'),
    autocomplete('partner', 'who', ''),
    autocomplete('topic', 'area', 'cult'),
    ...clicksOn('/mou year:2003'),
    ...clicksOn('/mou'),
    ...clicksOn('/partner who:"money laundering"'),
    ...clicksOn('/topic area:drugs'),
  ];
  for (const kind of ['command', 'autocomplete', 'component'] as const) {
    if (!samples.some((s) => s.kind === kind)) throw new Error(`the mix has no ${kind}`);
  }
  return samples;
}

// ---------------------------------------------------------------------------------------------------------
// The endpoint as `npm run http` runs it
// ---------------------------------------------------------------------------------------------------------

class EndpointChild {
  readonly child: ChildProcess;
  readonly exited: Promise<Exit>;
  readonly url: Promise<string>;
  /** Messages of every line, and the lines at warn or above (kept whole). */
  readonly counts = new Map<string, number>();
  readonly problems: LogLine[] = [];
  readonly messages: string[] = [];
  stderr = '';
  readonly #readLines = logLineReader((raw) => ({ level: 50, msg: raw }));

  constructor() {
    this.child = spawnRunScript(['http'], {
      ...envWithout(/^(DISCORD_|WCO_|LOG_LEVEL$|HOST$|PORT$)/),
      WCO_SKIP_DOTENV: '1',
      DISCORD_PUBLIC_KEY: publicKeyHex,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
    });
    this.exited = exitOf(this.child);
    this.url = new Promise((resolve, reject) => {
      this.child.stdout?.on('data', (chunk: Buffer) => {
        for (const line of this.#lines(chunk.toString())) {
          if (line.msg?.startsWith('listening on ') && typeof line.url === 'string') resolve(line.url);
        }
      });
      this.child.once('exit', () =>
        reject(new Error(`npm run http exited before listening\n${this.stderr}`)),
      );
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 20_000) this.stderr += chunk.toString();
    });
  }

  #lines(text: string): LogLine[] {
    const lines = this.#readLines(text);
    for (const line of lines) {
      const msg = line.msg ?? '';
      this.counts.set(msg, (this.counts.get(msg) ?? 0) + 1);
      if (this.messages.length < 1_000 && msg !== 'interaction') this.messages.push(msg);
      if ((line.level ?? 0) >= 40 && this.problems.length < 100) this.problems.push(line);
    }
    return lines;
  }

  count(msg: string): number {
    return this.counts.get(msg) ?? 0;
  }

  /** Resident memory of the process in MiB (Linux), or undefined. */
  rssMiB(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
      return Number.isFinite(kib) ? Math.round(kib / 1024) : undefined;
    } catch {
      return undefined;
    }
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Raw HTTP/1.1, for clients fetch cannot be: half-sent requests, kept-open connections
// ---------------------------------------------------------------------------------------------------------

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Splits what arrived on a connection into complete responses (Content-Length bodies); the rest is left over. */
function parseResponses(data: Buffer): { responses: RawResponse[]; rest: Buffer } {
  const responses: RawResponse[] = [];
  let offset = 0;
  for (;;) {
    const end = data.indexOf('\r\n\r\n', offset);
    if (end < 0) break;
    const [statusLine = '', ...headerLines] = data.subarray(offset, end).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    if (data.length < end + 4 + length) break;
    responses.push({
      status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0),
      headers,
      body: data.subarray(end + 4, end + 4 + length).toString('utf8'),
    });
    offset = end + 4 + length;
  }
  return { responses, rest: data.subarray(offset) };
}

/** A raw connection that records everything it receives, and when it closed. */
class RawConnection {
  readonly socket: Socket;
  readonly opened = Date.now();
  received = Buffer.alloc(0);
  closedAt: number | undefined;
  error: string | undefined;
  readonly closed: Promise<void>;
  readonly connected: Promise<void>;

  constructor(url: string) {
    const { hostname, port } = new URL(url);
    this.socket = connect(Number(port), hostname);
    this.connected = new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
    });
    this.socket.on('error', (error: NodeJS.ErrnoException) => {
      this.error = error.code ?? error.message;
    });
    this.closed = new Promise((resolve) =>
      this.socket.once('close', () => {
        this.closedAt = Date.now();
        resolve();
      }),
    );
  }

  write(data: string | Buffer): void {
    if (!this.socket.destroyed) this.socket.write(data);
  }

  responses(): RawResponse[] {
    return parseResponses(this.received).responses;
  }

  async waitForResponses(count: number, timeoutMs: number): Promise<RawResponse[]> {
    await until(
      () => this.responses().length >= count || this.closedAt !== undefined,
      timeoutMs,
      'a response',
    );
    return this.responses();
  }
}

function requestHead(sampleRequest: Pick<Sample, 'headers' | 'body'>, extra: string[] = []): string {
  return [
    'POST /interactions HTTP/1.1',
    'Host: 127.0.0.1',
    `Content-Type: application/json`,
    `Content-Length: ${Buffer.byteLength(sampleRequest.body)}`,
    `X-Signature-Ed25519: ${sampleRequest.headers['x-signature-ed25519']}`,
    `X-Signature-Timestamp: ${sampleRequest.headers['x-signature-timestamp']}`,
    ...extra,
    '',
    '',
  ].join('\r\n');
}

// ---------------------------------------------------------------------------------------------------------

describe('npm run http under sustained load, then SIGTERM', () => {
  const samples = mixedSamples();
  let endpoint: EndpointChild;
  let url: string;

  beforeAll(async () => {
    endpoint = new EndpointChild();
    url = await endpoint.url;
  }, 60_000);

  afterAll(async () => {
    if (endpoint?.running) {
      endpoint.child.kill('SIGKILL');
      await endpoint.exited;
    }
  });

  it('every request of the mix, sent once, gets exactly what the shared router answers', async () => {
    for (const { label, body, headers, expected } of samples) {
      const response = await fetch(`${url}/interactions`, { method: 'POST', headers, body });
      expect(response.status, label).toBe(200);
      expect(await response.text(), label).toBe(expected);
    }
  });

  it(
    `${loadRate} req/s of mixed interactions for ${loadSeconds} s: no error, timeout, reset or non-2xx`,
    async () => {
      const wrong: string[] = [];
      const answered = new Map<Sample['kind'], number>();
      const rssBefore = endpoint.rssMiB();
      const interactionsBefore = endpoint.count('interaction');
      const result = await autocannon({
        url,
        connections: 10,
        overallRate: loadRate,
        duration: loadSeconds,
        // Seconds: a request still unanswered after this counts as a timeout.
        timeout: 5,
        requests: samples.map(
          ({ kind, label, body, expected }): CannonRequest => ({
            method: 'POST',
            path: '/interactions',
            body,
            // Signed as each is sent, so that a soak longer than the timestamp window stays fresh.
            setupRequest: (request) => ({ ...request, headers: signedHeaders(body, privateKey) }),
            onResponse: (status, text) => {
              answered.set(kind, (answered.get(kind) ?? 0) + 1);
              if ((status !== 200 || text !== expected) && wrong.length < 10) {
                wrong.push(`${label}: ${status} ${text.slice(0, 200)}`);
              }
            },
          }),
        ),
      });
      const rssAfter = endpoint.rssMiB();
      console.info(
        `http load: ${result['2xx']} × 200 in ${result.duration} s (${result.requests.average} req/s), ` +
          `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
          `RSS ${rssBefore ?? '?'} → ${rssAfter ?? '?'} MiB; by kind ${JSON.stringify(Object.fromEntries(answered))}`,
      );

      expect(wrong).toEqual([]);
      expect({
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        resets: result.resets,
        mismatches: result.mismatches,
      }).toEqual({ errors: 0, timeouts: 0, non2xx: 0, resets: 0, mismatches: 0 });
      expect(Object.keys(result.statusCodeStats)).toEqual(['200']);
      // The rate was held (autocannon sends each second's share at the start of the second).
      expect(result['2xx']).toBeGreaterThanOrEqual(loadRate * loadSeconds * 0.9);
      for (const kind of ['command', 'autocomplete', 'component'] as const) {
        expect(answered.get(kind) ?? 0, kind).toBeGreaterThan(loadSeconds);
      }
      expect(result.latency.p99).toBeLessThan(1_000);

      // Every answer was logged as a successful interaction, and nothing at warn or above.
      await until(
        () => endpoint.count('interaction') - interactionsBefore >= result['2xx'],
        5_000,
        'the log lines of every interaction',
      );
      expect(endpoint.problems).toEqual([]);
      expect(endpoint.running).toBe(true);
      if (soak && rssBefore !== undefined && rssAfter !== undefined) {
        expect(rssAfter - rssBefore, 'RSS growth over the soak (MiB)').toBeLessThan(256);
      }
    },
    (loadSeconds + 30) * 1_000,
  );

  it('SIGTERM during a burst: accepted requests complete with 200, exit 0 promptly', async () => {
    const [slowSample, burstSample] = samples;
    if (!slowSample || !burstSample) throw new Error('no samples');

    // Requests in flight for sure: on connections the server has answered once already, the headers and the
    // first bytes of the body sent 600 ms before the signal, the rest 300 ms after it.
    const slow = Array.from({ length: 20 }, () => new RawConnection(url));
    await Promise.all(slow.map((connection) => connection.connected));
    for (const connection of slow) connection.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    for (const connection of slow) expect((await connection.waitForResponses(1, 5_000))[0]?.status).toBe(200);
    for (const connection of slow) connection.write(requestHead(slowSample) + slowSample.body.slice(0, 10));

    // A burst of requests, each on its own connection, every 5 ms from 600 ms before the signal.
    interface Outcome {
      started: number;
      status?: number;
      body?: string;
      error?: string;
      /** Whether any byte of a response arrived before an error. */
      responded: boolean;
    }
    const outcomes: Outcome[] = [];
    const pending: Promise<void>[] = [];
    let sigtermAt = Number.POSITIVE_INFINITY;
    const fire = () => {
      const outcome: Outcome = { started: Date.now(), responded: false };
      outcomes.push(outcome);
      pending.push(
        new Promise<void>((resolve) => {
          const request = httpRequest(
            `${url}/interactions`,
            { method: 'POST', agent: false, headers: burstSample.headers },
            (response) => {
              outcome.responded = true;
              outcome.status = response.statusCode;
              let text = '';
              response.setEncoding('utf8');
              response.on('data', (chunk: string) => {
                text += chunk;
              });
              response.on('end', () => {
                outcome.body = text;
                resolve();
              });
              response.on('error', (error: NodeJS.ErrnoException) => {
                outcome.error = `after the response began: ${error.code ?? error.message}`;
                resolve();
              });
            },
          );
          request.on('error', (error: NodeJS.ErrnoException) => {
            outcome.error ??= error.code ?? error.message;
            resolve();
          });
          request.setTimeout(5_000, () => request.destroy(new Error('timed out')));
          request.end(burstSample.body);
        }),
      );
    };
    let burstOver = false;
    const ticker = setInterval(() => {
      // Bounded: at most 1 s of requests after the signal, and 400 in all.
      if (Date.now() - sigtermAt > 1_000 || outcomes.length >= 400) {
        clearInterval(ticker);
        burstOver = true;
      } else fire();
    }, 5);

    await sleep(600);
    const exitedOrTimeout = Promise.race([
      endpoint.exited,
      sleep(10_000).then(() => ({ code: -1, signal: null })),
    ]);
    sigtermAt = Date.now();
    endpoint.child.kill('SIGTERM');
    await sleep(300);
    for (const connection of slow) connection.write(slowSample.body.slice(10));
    const exit = await exitedOrTimeout;
    const exitMs = Date.now() - sigtermAt;
    await until(() => burstOver, 5_000, 'the end of the burst');
    await Promise.all(pending);
    await Promise.all(slow.map((connection) => Promise.race([connection.closed, sleep(2_000)])));

    // The process stopped by itself, cleanly, once the slow requests were answered.
    expect(exit, endpoint.stderr).toEqual({ code: 0, signal: null });
    expect(exitMs).toBeLessThan(5_000);
    expect(endpoint.count('shutting down: finishing in-flight requests')).toBe(1);
    expect(endpoint.count('stopped')).toBe(1);

    // Every in-flight request got its whole answer, told that the connection closes, then the close.
    for (const [index, connection] of slow.entries()) {
      const responses = connection.responses();
      expect(
        responses.map((r) => r.status),
        `slow request ${index}`,
      ).toEqual([200, 200]);
      expect(responses[1]?.body).toBe(slowSample.expected);
      expect(responses[1]?.headers.connection).toBe('close');
      expect(connection.closedAt).toBeDefined();
      expect(connection.error).toBeUndefined();
    }

    // The burst: whatever got a response got a complete 200 with the right answer. Requests that failed
    // never reached the server: refused, or reset in the accept queue as the listener closed, with no
    // byte of a response; that can only happen to requests started around or after the signal.
    const before = outcomes.filter((o) => o.started < sigtermAt - 100);
    const failed = outcomes.filter((o) => o.error !== undefined);
    const answered = outcomes.filter((o) => o.responded);
    const errorCounts: Record<string, number> = {};
    for (const outcome of failed)
      errorCounts[outcome.error ?? ''] = (errorCounts[outcome.error ?? ''] ?? 0) + 1;
    console.info(
      `SIGTERM: exit 0 after ${exitMs} ms; burst of ${outcomes.length}: ${before.length} started before the ` +
        `signal, ${answered.length} answered, failed ${JSON.stringify(errorCounts)}; ${slow.length} in-flight completed`,
    );
    expect(before.length).toBeGreaterThanOrEqual(20);
    expect(before.filter((o) => o.status !== 200 || o.error)).toEqual([]);
    for (const outcome of answered) {
      expect(outcome.error).toBeUndefined();
      expect(outcome.status).toBe(200);
      expect(outcome.body).toBe(burstSample.expected);
    }
    for (const outcome of failed) {
      expect(outcome.responded).toBe(false);
      expect(outcome.started).toBeGreaterThanOrEqual(sigtermAt - 100);
      expect(outcome.error).toMatch(/^(ECONNREFUSED|ECONNRESET|EPIPE|socket hang up)$/);
    }
    // Once the process is gone, nothing listens.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(failed.length).toBeGreaterThan(0);
  }, 30_000);
});

describe('slow and stuck clients are cut by the timeouts without slowing anyone else', () => {
  let server: RunningHttpServer;
  const samples = mixedSamples();
  /** The whole request, body included (Node's requestTimeout), shortened for the test. */
  const requestTimeoutMs = 1_500;
  const headersTimeoutMs = 1_000;
  /** Node checks the header and request timeouts every second (connectionsCheckingInterval). */
  const checkIntervalMs = 1_000;

  beforeAll(async () => {
    server = await startHttpServer({
      context,
      publicKeyHex,
      host: '127.0.0.1',
      port: 0,
      logger: pino({ level: 'silent' }),
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('the real server is configured with the documented limits', () => {
    expect(server.server.headersTimeout).toBe(httpLimits.headersTimeoutMs);
    expect(server.server.requestTimeout).toBe(httpLimits.requestTimeoutMs);
    expect(server.server.keepAliveTimeout).toBe(httpLimits.keepAliveTimeoutMs);
    expect(server.server.timeout).toBe(httpLimits.socketIdleTimeoutMs);
    expect(httpLimits.headersTimeoutMs).toBeLessThan(httpLimits.requestTimeoutMs);
  });

  it('cuts each kind of slow client with 408, while normal requests keep getting fast 200s', async () => {
    // Shortened for the test; Node reads both at each check.
    server.server.headersTimeout = headersTimeoutMs;
    server.server.requestTimeout = requestTimeoutMs;
    const fakeSignature = 'ab'.repeat(64);
    const headOnly = [
      'POST /interactions HTTP/1.1',
      'Host: 127.0.0.1',
      'Content-Length: 500',
      `X-Signature-Ed25519: ${fakeSignature}`,
      `X-Signature-Timestamp: ${nowTimestamp()}`,
      '',
      '',
    ].join('\r\n');
    const trickledHeaders = `POST /interactions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'a'.repeat(200)}`;
    const kinds = {
      /** Connects and sends nothing. */
      silent: { parts: [] as string[], limitMs: headersTimeoutMs },
      /** Sends the request line and one header, then nothing. */
      partialHeaders: {
        parts: ['POST /interactions HTTP/1.1\r\nHost: 127.0.0.1\r\n'],
        limitMs: headersTimeoutMs,
      },
      /** Headers that never end, a byte every 50 ms. */
      trickledHeaders: { parts: trickledHeaders.split(''), limitMs: headersTimeoutMs },
      /** Complete headers announcing a body that never comes. */
      noBody: { parts: [headOnly], limitMs: requestTimeoutMs },
      /** A body that comes a byte every 50 ms. */
      trickledBody: {
        parts: [headOnly, ...'{"type":2,"padding":"'.padEnd(500, 'x').split('')],
        limitMs: requestTimeoutMs,
      },
    };
    const perKind = 20;
    const slow = Object.entries(kinds).flatMap(([kind, { parts, limitMs }]) =>
      Array.from({ length: perKind }, () => ({
        kind,
        limitMs,
        parts,
        connection: new RawConnection(server.url),
      })),
    );
    await Promise.all(slow.map(({ connection }) => connection.connected));
    const tricklers = slow.map(async ({ parts, connection }) => {
      for (const part of parts) {
        if (connection.closedAt !== undefined) return;
        connection.write(part);
        await sleep(50);
      }
    });

    // Meanwhile, a normal client: a signed request every 20 ms until every slow client is cut (bounded).
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const started = Date.now();
    let stop = false;
    const normal = (async () => {
      for (let i = 0; !stop && i < 500; i++) {
        const request = samples[i % samples.length];
        if (!request) break;
        const began = performance.now();
        const response = await fetch(`${server.url}/interactions`, {
          method: 'POST',
          headers: request.headers,
          body: request.body,
        });
        const text = await response.text();
        latencies.push(performance.now() - began);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (text !== request.expected) statuses.set(-1, (statuses.get(-1) ?? 0) + 1);
        await sleep(20);
      }
    })();
    await Promise.all(slow.map(({ connection }) => Promise.race([connection.closed, sleep(8_000)])));
    stop = true;
    await normal;
    await Promise.all(tricklers);

    for (const { kind, limitMs, connection } of slow) {
      expect(connection.closedAt, `${kind} still open`).toBeDefined();
      const lifetime = (connection.closedAt ?? Number.POSITIVE_INFINITY) - connection.opened;
      expect(lifetime, kind).toBeGreaterThanOrEqual(limitMs - 50);
      expect(lifetime, kind).toBeLessThan(limitMs + checkIntervalMs + 1_500);
      const [response] = connection.responses();
      expect(response?.status, kind).toBe(408);
    }

    latencies.sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)] ?? Number.POSITIVE_INFINITY;
    const worst = latencies.at(-1) ?? Number.POSITIVE_INFINITY;
    console.info(
      `normal requests beside ${slow.length} slow clients: ${latencies.length} in ${Date.now() - started} ms, ` +
        `median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`,
    );
    expect(Object.fromEntries(statuses)).toEqual({ 200: latencies.length });
    expect(latencies.length).toBeGreaterThan(30);
    expect(median).toBeLessThan(50);
    expect(worst).toBeLessThan(1_000);
  }, 20_000);
});
