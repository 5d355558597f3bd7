/**
 * The HTTP endpoint's signature check cannot be bypassed: a wrong key, any flipped bit of the signature,
 * timestamp or body, a valid signature replayed with another body, bytes moved between the timestamp and the
 * body, duplicated or malformed headers: all 401, and a refused body is never parsed. Header names are
 * case-insensitive, so odd case changes nothing. Plus the dependency policy: a lockfile that installs only
 * from the npm registry, with an integrity hash for every package.
 */
import { type KeyObject, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBotContext } from '../src/interactions/create-context.js';
import { httpLimits } from '../src/transports/http/endpoint.js';
import { publicKeyFromHex, type RunningHttpServer, startHttpServer } from '../src/transports/http/server.js';
import { buildChatInputInteraction } from './discord-stand-in/index.js';
import { capturedLogger } from './helpers/captured-logger.js';
import { type RawAnswer, rawExchange } from './helpers/raw-http.js';
import { keyPair, nowTimestamp, signature } from './helpers/signing.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const applicationId = '1290000000000000001';

const keys = keyPair();
const otherKeys = keyPair();

interface Signed {
  body: Buffer;
  timestamp: string;
  /** 128 hex characters. */
  signature: string;
}

function signed(body: string | Buffer, key: KeyObject = keys.privateKey, timestamp = nowTimestamp()): Signed {
  const bytes = Buffer.from(body);
  return { body: bytes, timestamp, signature: signature(timestamp, bytes, key) };
}

function command(name: string, options?: Record<string, string>): string {
  return JSON.stringify(buildChatInputInteraction({ applicationId, commandName: name, options }));
}

/** Whether `signature` (hex) verifies over timestamp + body with `key`, as the endpoint checks it. */
function verifySignature(key: KeyObject, signature: string, timestamp: string, body: Buffer): boolean {
  const message = Buffer.concat([Buffer.from(timestamp, 'latin1'), body]);
  return verify(null, message, key, Buffer.from(signature, 'hex'));
}

/** The bytes with one bit flipped. */
function flipBit(bytes: Buffer, bit: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  return copy;
}

/** Bit positions to try over HTTP: the first and last bit, and one bit of every `step`-th byte between. */
function sampledBits(byteLength: number, step: number): number[] {
  const bits = new Set([0, byteLength * 8 - 1]);
  for (let byte = 0; byte < byteLength; byte += step) bits.add(byte * 8 + (byte % 8));
  return [...bits];
}

describe('the signature check of the HTTP endpoint', () => {
  let server: RunningHttpServer;
  const { lines: logLines, logger } = capturedLogger<{ msg?: string; rejected?: Record<string, number> }>();

  let startedAt = 0;

  beforeAll(async () => {
    startedAt = performance.now();
    server = await startHttpServer({
      context: loadBotContext(),
      publicKeyHex: keys.publicKeyHex,
      host: '127.0.0.1',
      port: 0,
      logger,
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  async function post(
    { body, timestamp, signature }: Signed,
    extra: Record<string, string> = {},
  ): Promise<{ status: number; text: string }> {
    const response = await fetch(`${server.url}/interactions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature-ed25519': signature,
        'x-signature-timestamp': timestamp,
        ...extra,
      },
      body,
    });
    return { status: response.status, text: await response.text() };
  }

  /** One raw HTTP/1.1 request (for what fetch will not send: duplicate or odd-case headers), its status. */
  function raw(headerLines: string[], body: Buffer): Promise<RawAnswer> {
    const head = [
      'POST /interactions HTTP/1.1',
      'Host: 127.0.0.1',
      'Content-Type: application/json',
      `Content-Length: ${body.length}`,
      ...headerLines,
      'Connection: close',
      '',
      '',
    ].join('\r\n');
    // No half-close: the answer comes after the signature check on the thread pool, and Node's HTTP server
    // (like most) drops a request whose client has already shut its side of the connection.
    return rawExchange(server.url, [Buffer.concat([Buffer.from(head, 'latin1'), body])]);
  }

  const help = command('help');
  const partner = command('partner', { who: 'interpol' });

  it('accepts a correctly signed request (the control for everything below)', async () => {
    const response = await post(signed(help));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).type).toBe(4);
  });

  it('refuses a signature made with another key', async () => {
    expect((await post(signed(help, otherKeys.privateKey))).status).toBe(401);
    // And one made over the right bytes by the right key, checked against another public key.
    const key = publicKeyFromHex(otherKeys.publicKeyHex);
    const good = signed(help);
    expect(verifySignature(key, good.signature, good.timestamp, good.body)).toBe(false);
  });

  describe('a flipped bit anywhere', () => {
    const good = signed(help);
    const key = publicKeyFromHex(keys.publicKeyHex);
    const signatureBytes = Buffer.from(good.signature, 'hex');

    it('in the signature: every one of its 512 bits fails verification; sampled bits get 401', async () => {
      expect(verifySignature(key, good.signature, good.timestamp, good.body)).toBe(true);
      for (let bit = 0; bit < signatureBytes.length * 8; bit++) {
        const signature = flipBit(signatureBytes, bit).toString('hex');
        expect(verifySignature(key, signature, good.timestamp, good.body), `bit ${bit}`).toBe(false);
      }
      const statuses = new Set<number>();
      for (const bit of sampledBits(signatureBytes.length, 1)) {
        statuses.add(
          (await post({ ...good, signature: flipBit(signatureBytes, bit).toString('hex') })).status,
        );
      }
      expect([...statuses]).toEqual([401]);
    });

    it('in the timestamp: every bit fails verification; every printable variant gets 401', async () => {
      const timestamp = Buffer.from(good.timestamp);
      for (let bit = 0; bit < timestamp.length * 8; bit++) {
        const flipped = flipBit(timestamp, bit).toString('latin1');
        expect(verifySignature(key, good.signature, flipped, good.body), `bit ${bit}`).toBe(false);
      }
      const statuses = new Set<number>();
      let sent = 0;
      for (let bit = 0; bit < timestamp.length * 8; bit++) {
        const flipped = flipBit(timestamp, bit).toString('latin1');
        // Only what can travel in a header value (fetch refuses control characters; the ends are trimmed).
        if (!/^[\x21-\x7e]+$/.test(flipped)) continue;
        statuses.add((await post({ ...good, timestamp: flipped })).status);
        sent += 1;
      }
      expect(sent).toBeGreaterThanOrEqual(timestamp.length * 4);
      expect([...statuses]).toEqual([401]);
    });

    it('in the body: every bit fails verification; sampled bits (first, last, every 16th byte) get 401', async () => {
      for (let bit = 0; bit < good.body.length * 8; bit++) {
        const body = flipBit(good.body, bit);
        if (!verifySignature(key, good.signature, good.timestamp, body)) continue;
        throw new Error(`bit ${bit} of the body can be flipped`);
      }
      const statuses = new Set<number>();
      for (const bit of sampledBits(good.body.length, 16)) {
        statuses.add((await post({ ...good, body: flipBit(good.body, bit) })).status);
      }
      expect([...statuses]).toEqual([401]);
    });
  });

  it('refuses a valid signature replayed with another body or another timestamp', async () => {
    const original = signed(help);
    expect((await post({ ...original, body: Buffer.from(partner) })).status).toBe(401);
    expect((await post({ ...original, body: Buffer.from(`${help} `) })).status).toBe(401);
    expect((await post({ ...original, body: Buffer.alloc(0) })).status).toBe(401);
    expect((await post({ ...original, timestamp: String(Number(original.timestamp) + 1) })).status).toBe(401);
    // The signature of one request on the timestamp and body of another.
    const other = signed(partner, keys.privateKey, String(Number(original.timestamp) - 5));
    expect((await post({ ...other, signature: original.signature })).status).toBe(401);
  });

  it('never answers bytes moved between the timestamp and the body (the same signed bytes, split elsewhere)', async () => {
    const original = signed(help);
    // Both cover exactly the bytes that were signed, so only the form of each part can tell.
    const intoTimestamp = {
      ...original,
      timestamp: original.timestamp + help.slice(0, 1),
      body: Buffer.from(help.slice(1)),
    };
    const intoBody = {
      ...original,
      timestamp: original.timestamp.slice(0, -1),
      body: Buffer.from(original.timestamp.slice(-1) + help),
    };
    // A timestamp is decimal digits only: refused before the body is read.
    expect((await post(intoTimestamp)).status).toBe(401);
    // A digit moved into the body leaves a timestamp ten times too small: refused by the replay window
    // (before that window, it verified, since Discord did sign these bytes, and was refused as not JSON).
    const refused = await post(intoBody);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.text)).toEqual({ error: 'request timestamp outside the accepted window' });
  });

  it('reads header names in any case: a valid signature verifies, an invalid one does not', async () => {
    const good = signed(partner);
    const bad = { ...good, signature: flipBit(Buffer.from(good.signature, 'hex'), 100).toString('hex') };
    const casings: [string, string][] = [
      ['X-Signature-Ed25519', 'X-Signature-Timestamp'],
      ['X-SIGNATURE-ED25519', 'X-SIGNATURE-TIMESTAMP'],
      ['x-SiGnAtUrE-eD25519', 'X-sIgNaTuRe-TiMeStAmP'],
    ];
    for (const [signatureName, timestampName] of casings) {
      const accepted = await raw(
        [`${signatureName}: ${good.signature}`, `${timestampName}: ${good.timestamp}`],
        good.body,
      );
      expect(accepted.status, signatureName).toBe(200);
      expect(accepted.text).toContain('INTERPOL');
      const refused = await raw(
        [`${signatureName}: ${bad.signature}`, `${timestampName}: ${bad.timestamp}`],
        bad.body,
      );
      expect(refused.status, signatureName).toBe(401);
    }
    // Hex is case-insensitive too: the same signature in capitals is the same signature.
    expect((await post({ ...good, signature: good.signature.toUpperCase() })).status).toBe(200);
  });

  it('refuses duplicated signature or timestamp headers, even when every copy is right', async () => {
    const good = signed(help);
    const signatureLine = `X-Signature-Ed25519: ${good.signature}`;
    const timestampLine = `X-Signature-Timestamp: ${good.timestamp}`;
    const variants: string[][] = [
      [signatureLine, signatureLine, timestampLine],
      [signatureLine, timestampLine, timestampLine],
      [signatureLine, `x-signature-ed25519: ${good.signature}`, timestampLine],
      [signatureLine, timestampLine, `x-signature-timestamp: ${good.timestamp}`],
      [signatureLine, `X-Signature-Ed25519: ${'ab'.repeat(64)}`, timestampLine],
      [`X-Signature-Ed25519: ${'ab'.repeat(64)}`, signatureLine, timestampLine],
      [signatureLine, 'X-Signature-Ed25519: ', timestampLine],
      [signatureLine, timestampLine, 'X-Signature-Timestamp: 1'],
    ];
    // The control: the same request with one copy of each is accepted.
    expect((await raw([signatureLine, timestampLine], good.body)).status).toBe(200);
    for (const lines of variants) {
      expect((await raw(lines, good.body)).status, lines.join(' | ')).toBe(401);
    }
  });

  it('refuses empty, short, long, non-hex or decorated signatures, and empty or odd timestamps', async () => {
    const good = signed(help);
    const signatures = [
      '',
      '0',
      good.signature.slice(0, 2),
      good.signature.slice(0, -1),
      good.signature.slice(0, -2),
      `${good.signature}0`,
      `${good.signature}00`,
      `0x${good.signature.slice(2)}`,
      `${good.signature.slice(0, -1)}g`,
      `${good.signature.slice(0, 64)} ${good.signature.slice(64)}`,
      Buffer.from(good.signature, 'hex').toString('base64'),
      '0'.repeat(128),
    ];
    for (const signature of signatures) {
      expect((await post({ ...good, signature })).status, JSON.stringify(signature)).toBe(401);
    }
    // Refused even when correctly signed: Discord's timestamps are decimal Unix seconds.
    const timestamps = [
      '',
      '1'.repeat(33),
      `${good.timestamp}.5`,
      `-${good.timestamp}`,
      '1e9',
      '0x10',
      'now',
    ];
    for (const timestamp of timestamps) {
      const resigned = timestamp ? signed(help, keys.privateKey, timestamp) : { ...good, timestamp };
      expect((await post(resigned)).status, JSON.stringify(timestamp)).toBe(401);
    }
    const { status } = await raw([`X-Signature-Timestamp: ${good.timestamp}`], good.body);
    expect(status).toBe(401);
    expect((await raw([`X-Signature-Ed25519: ${good.signature}`], good.body)).status).toBe(401);
  });

  it('never parses a body it refused: not JSON with a bad signature is 401, with a good one 400', async () => {
    for (const text of ['{"type": 1,', 'not json at all', '\u0000\u0001\u0002', '[]', 'null', '{}']) {
      const bad = { ...signed(text), signature: 'ab'.repeat(64) };
      const response = await post(bad);
      expect(response.status, JSON.stringify(text)).toBe(401);
      expect(JSON.parse(response.text)).toEqual({ error: 'invalid request signature' });
    }
    // The control: signed, the same kind of body is parsed, and refused as not JSON.
    expect((await post(signed('{"type": 1,'))).status).toBe(400);
  });

  it('counts every refusal in one summary line, without the signature or the body', async () => {
    await server.close(); // flushes the summary
    const summaries = logLines.filter((line) => line.rejected);
    // One line per 10 s interval since the server started, and one at close.
    const intervals = Math.ceil((performance.now() - startedAt) / httpLimits.rejectionLogIntervalMs);
    expect(summaries.length).toBeGreaterThanOrEqual(1);
    expect(summaries.length).toBeLessThanOrEqual(intervals + 1);
    const counted = summaries.reduce(
      (n, line) => n + (line.rejected?.['401 invalid request signature'] ?? 0),
      0,
    );
    expect(counted).toBeGreaterThan(100);
    const logged = JSON.stringify(logLines);
    expect(logged).not.toContain(signed(help).signature);
    expect(logged).not.toContain('not json at all');
  });
});

describe('a flood of refused requests', () => {
  it('500 bad signatures give one summary line with their count, not 500 lines', async () => {
    const { lines, logger } = capturedLogger<{ msg?: string; rejected?: Record<string, number> }>();
    const server = await startHttpServer({
      context: loadBotContext(),
      publicKeyHex: keys.publicKeyHex,
      logger,
    });
    const bad = { ...signed(command('help')), signature: 'ab'.repeat(64) };
    const send = () =>
      fetch(`${server.url}/interactions`, {
        method: 'POST',
        headers: { 'x-signature-ed25519': bad.signature, 'x-signature-timestamp': bad.timestamp },
        body: bad.body,
      }).then((response) => response.status);
    const statuses: number[] = [];
    for (let batch = 0; batch < 25; batch++)
      statuses.push(...(await Promise.all(Array.from({ length: 20 }, send))));
    await server.close();
    expect(new Set(statuses)).toEqual(new Set([401]));
    // One line per 10 s interval, and a last one at close: a run of a few seconds gives one or two.
    expect(lines.length).toBeLessThanOrEqual(2);
    const counted = lines.reduce(
      (sum, line) => sum + (line.rejected?.['401 invalid request signature'] ?? 0),
      0,
    );
    expect(counted).toBe(500);
  });
});

describe('dependencies', () => {
  const manifest = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >;
  const lock = JSON.parse(readFileSync(`${root}/package-lock.json`, 'utf8')) as {
    lockfileVersion: number;
    packages: Record<
      string,
      { version?: string; resolved?: string; integrity?: string; link?: boolean; name?: string }
    >;
  };

  it('package.json asks for registry versions only (no git, file, link, http or alias specs)', () => {
    const specs = { ...manifest.dependencies, ...manifest.devDependencies };
    expect(Object.keys(specs).length).toBeGreaterThan(5);
    for (const [name, spec] of Object.entries(specs)) {
      expect(spec, name).toMatch(/^[\^~]?\d+\.\d+(\.\d+)?(-[\w.]+)?$/);
    }
  });

  it('package-lock.json pins every package to the npm registry with an sha512 integrity hash', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    const entries = Object.entries(lock.packages).filter(([path]) => path !== '');
    expect(entries.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const [path, entry] of entries) {
      if (!path.startsWith('node_modules/')) problems.push(`${path}: not under node_modules/`);
      if (entry.link) problems.push(`${path}: a link`);
      if (!/^\d+\.\d+\.\d+/.test(entry.version ?? '')) problems.push(`${path}: version ${entry.version}`);
      if (!/^sha512-[A-Za-z0-9+/]+={0,2}$/.test(entry.integrity ?? ''))
        problems.push(`${path}: no integrity`);
      // npm leaves `resolved` out when it is the configured registry (omit-lockfile-registry-resolved).
      if (entry.resolved !== undefined && !entry.resolved.startsWith('https://registry.npmjs.org/')) {
        problems.push(`${path}: resolved from ${entry.resolved}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the lockfile matches package.json (npm ci would install exactly it)', () => {
    const rootEntry = lock.packages[''] as { dependencies?: object; devDependencies?: object } | undefined;
    expect(rootEntry?.dependencies).toEqual(manifest.dependencies);
    expect(rootEntry?.devDependencies).toEqual(manifest.devDependencies);
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) {
      expect(lock.packages[`node_modules/${name}`], name).toBeDefined();
    }
  });

  it('has an `npm run audit` script for the production dependencies', () => {
    expect(manifest.scripts?.audit).toBe('npm audit --omit=dev --audit-level=high');
  });
});
