/**
 * The Cloudflare Worker's build and local server: the bundle holds no Node-only module and carries the
 * validated dataset; `npm run worker:dev` serves it in workerd, driven like `npm run http`. The request
 * rules themselves are in signed-requests.test.ts, run against both the Worker and the Node endpoint.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLocalSession } from '../src/transports/local/parse-command-line.js';
import { buildWorker, type WorkerBundle } from '../src/transports/worker/build.js';
import { serveWorker } from '../src/transports/worker/dev.js';
import { interactionFor } from './helpers/bot.js';
import { ChildBot, envWithout, runToEnd } from './helpers/child-process.js';
import { postSigned } from './helpers/signed-post.js';
import { keyPair, signedHeaders } from './helpers/signing.js';

const keys = keyPair();
const session = createLocalSession();
const dir = mkdtempSync(join(tmpdir(), 'wco-worker-test-'));
const cleanEnv = () => ({ ...envWithout(/^(DISCORD_|HOST$|PORT$|WCO_DATA_DIR$)/), WCO_SKIP_DOTENV: '1' });

const command = (line: string) => JSON.stringify(interactionFor(line, session));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Worker bundle', () => {
  let bundle: WorkerBundle;
  beforeAll(async () => {
    bundle = await buildWorker({ outfile: join(dir, 'worker.mjs') });
  });

  it('is made of no Node built-in and none of the Node-only modules (file loader, logger, node:http server)', () => {
    expect(bundle.inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
    for (const nodeOnly of [
      'src/data/load.ts',
      'src/data/paths.ts',
      'src/logger.ts',
      'src/transports/http/server.ts',
    ]) {
      expect(bundle.inputs).not.toContain(nodeOnly);
    }
    expect(bundle.inputs).toContain('src/interactions/handle.ts');
    expect(bundle.code).not.toMatch(/from\s*["']node:|require\(["']/);
  });

  it('carries the dataset', () => {
    expect(bundle.inputs).toContain('wco:wco:dataset');
    expect(bundle.code).toContain('World Health Organization');
  });

  it('answers 500, with no detail, when the DISCORD_PUBLIC_KEY secret is missing, and logs which setting is wrong', async () => {
    // workerd's log reaches this process through miniflare (console.error): captured here, where it is expected.
    let logged = '';
    const stderr = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged += args.join(' ');
    });
    const worker = await serveWorker({ script: bundle.code, publicKeyHex: '', host: '127.0.0.1', port: 0 });
    try {
      const body = command('/help');
      const response = await fetch(`${worker.url}/interactions`, {
        method: 'POST',
        headers: signedHeaders(body, keys.privateKey),
        body,
      });
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('{"error":"internal server error"}');
      await vi.waitFor(() =>
        expect(logged).toContain('DISCORD_PUBLIC_KEY: the public key must be 64 hexadecimal'),
      );
    } finally {
      await worker.close();
      stderr.mockRestore();
    }
  }, 30_000);
});

describe('npm run worker:build and worker:dev (child processes)', () => {
  it('worker:dev serves the Worker in workerd, answers a signed command, and exits 0 on SIGTERM', async () => {
    const worker = new ChildBot('worker-dev', {
      ...cleanEnv(),
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      PORT: '0',
      LOG_LEVEL: 'info',
    });
    try {
      const { url } = (await worker.waitForLog((line) => typeof line.url === 'string', 0, 30_000)) as {
        url: string;
      };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const answer = await postSigned(url, command('/mou year:2003'), keys.privateKey);
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('INTERPOL');

      worker.child.kill('SIGTERM');
      expect((await worker.exited).code).toBe(0);
    } finally {
      await worker.stop();
    }
  }, 60_000);

  it('worker:dev refuses to start without DISCORD_PUBLIC_KEY, like npm run http', async () => {
    const { code, stdout, stderr } = await runToEnd(['worker-dev'], { ...cleanEnv(), PORT: '0' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/DISCORD_PUBLIC_KEY is required/);
    expect(stdout).not.toContain('listening');
  }, 30_000);

  it('worker:build validates the data it bundles: a broken data folder fails the build', async () => {
    const { code, stderr } = await runToEnd(['worker-build'], {
      ...cleanEnv(),
      WCO_DATA_DIR: join(dir, 'no-such-folder'),
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Invalid data:[\s\S]*cannot read/);
  }, 30_000);
});
