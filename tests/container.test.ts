/**
 * What can be tested of the container without a Docker engine: the Dockerfile's final stage is rebuilt as a
 * folder (the files its COPY lines take, then its `npm ci --omit=dev`), and the production commands of the
 * Dockerfile and compose.yaml are started from there, exactly as written: the HTTP endpoint answers signed
 * interactions and the HEALTHCHECK probe, the gateway bot answers the Discord stand-in, both exit 0 on
 * SIGTERM. Not tested here: the image build itself, the base image, the non-root user, Docker's signals.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordStandIn } from './discord-stand-in/index.js';
import { interactionFor } from './helpers/bot.js';
import { envWithout, projectRoot } from './helpers/child-process.js';
import { postSigned } from './helpers/signed-post.js';
import { keyPair } from './helpers/signing.js';

const dockerfile = readFileSync(join(projectRoot, 'Dockerfile'), 'utf8');
const compose = readFileSync(join(projectRoot, 'compose.yaml'), 'utf8');
const runtimeStage = dockerfile.slice(dockerfile.search(/^FROM .* AS runtime$/m));
const keys = keyPair();

/** The JSON-array command of an instruction line such as `CMD ["node", "dist/http.mjs"]`. */
function execForm(line: string | undefined): string[] {
  const json = line?.slice(line.indexOf('['));
  if (!json) throw new Error(`no exec-form command in ${line}`);
  return JSON.parse(json) as string[];
}

/** The final stage's COPY lines as [source, destination, from-stage]. */
function copies(): [string[], string, string | undefined][] {
  return [...runtimeStage.matchAll(/^COPY (--from=(\S+) )?(.+) (\S+)$/gm)].map((match) => {
    const sources = (match[3] ?? '').split(' ');
    return [sources, match[4] ?? '', match[2]];
  });
}

const interaction = (line: string) => JSON.stringify(interactionFor(line));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
}

function start(command: string[], cwd: string, env: NodeJS.ProcessEnv): Started {
  const [file = 'node', ...args] = command;
  // The container's `node` is the image's; here, the one running the tests.
  const child = spawn(file === 'node' ? process.execPath : file, args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    async waitFor(pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = pattern.exec(output);
        if (found) return found;
        if (child.exitCode !== null || Date.now() > deadline) {
          throw new Error(`not seen: ${pattern} (exit ${child.exitCode})\n${output}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

const baseEnv = () => ({
  ...envWithout(/^(DISCORD_|HOST$|PORT$|METRICS_PORT$|WCO_|LOG_LEVEL$|NODE_ENV$)/),
  NODE_ENV: 'production',
  WCO_SKIP_DOTENV: '1',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
});

describe('the container’s final stage, rebuilt as a folder', () => {
  const app = mkdtempSync(join(tmpdir(), 'wco-container-'));

  beforeAll(() => {
    // The files the final stage copies: from the build context, or (--from=build) what `npm run build` made.
    for (const [sources, destination, from] of copies()) {
      for (const source of sources) {
        const origin =
          from === 'build' ? join(projectRoot, source.replace(/^\/app\//, '')) : join(projectRoot, source);
        const target = destination.endsWith('/') ? join(app, destination, source) : join(app, destination);
        cpSync(origin, target, {
          recursive: true,
          // dist/ also holds what only the tests and benchmarks build here; the image's build stage makes none of it.
          filter: (path) => !/[\\/]dist[\\/](bench|tests|worker)([\\/]|$)/.test(path),
        });
      }
    }
    const install = /^RUN (npm ci --omit=dev[^&]*)/m.exec(runtimeStage)?.[1]?.trim();
    expect(install).toBeDefined();
    const [, ...npmArgs] = (install as string).split(/\s+/);
    execFileSync('npm', [...npmArgs, '--prefer-offline'], { cwd: app, stdio: 'ignore' });
    const prepare = /^RUN node (dist\/src\/cli\/validate-data\.js)$/m.exec(runtimeStage)?.[1];
    expect(prepare).toBeDefined();
    execFileSync(process.execPath, [prepare as string], { cwd: app, env: baseEnv(), stdio: 'ignore' });
  }, 120_000);

  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('holds no development dependency and no source code', () => {
    // The lockfile marks what only development needs (dev: true), transitive packages included.
    const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const devOnly = Object.entries(lock.packages).filter(([path, entry]) => path && entry.dev);
    expect(devOnly.map(([path]) => path)).toContain('node_modules/vitest');
    expect(devOnly.filter(([path]) => existsSync(join(app, path))).map(([path]) => path)).toEqual([]);
    expect(existsSync(join(app, 'node_modules', 'discord.js'))).toBe(true);
    expect(existsSync(join(app, 'src'))).toBe(false);
    expect(existsSync(join(app, 'data', 'partners.json'))).toBe(true);
    // The data checked at build and remembered with its index: starts read it back.
    expect(readdirSync(join(app, 'node_modules', '.cache', 'wco-partner-bot', 'prepared'))).toHaveLength(1);
  });

  it('runs as a non-root user with node as the command, and compose uses the same HTTP command', () => {
    expect(runtimeStage).toMatch(/^USER node$/m);
    const cmd = execForm(runtimeStage.match(/^CMD .*$/m)?.[0]);
    expect(cmd[0]).toBe('node');
    const composeCommands = [...compose.matchAll(/^\s+command: (\[.*\])$/gm)].map((m) =>
      JSON.parse(m[1] ?? '[]'),
    );
    expect(composeCommands).toContainEqual(cmd);
  });

  it('the HTTP command answers /healthz, the HEALTHCHECK probe and signed interactions, and exits 0 on SIGTERM', async () => {
    const cmd = execForm(runtimeStage.match(/^CMD .*$/m)?.[0]);
    const http = start(cmd, app, { ...baseEnv(), PORT: '0', DISCORD_PUBLIC_KEY: keys.publicKeyHex });
    try {
      const url = (await http.waitFor(/"url":"(http:\/\/[^"]+)"/))[1] as string;
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

      const probe = execForm(/HEALTHCHECK[^\n]*\\\n\s*(CMD .*)$/m.exec(runtimeStage)?.[1]);
      const healthy = start(probe, app, { ...baseEnv(), PORT: new URL(url).port });
      expect(await healthy.exited).toBe(0);

      const answer = await postSigned(url, interaction('/mou year:2003'), keys.privateKey);
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('INTERPOL');
      expect((await fetch(`${url}/metrics`)).status).toBe(200);

      http.child.kill('SIGTERM');
      expect(await http.exited).toBe(0);
    } finally {
      http.child.kill('SIGKILL');
    }
  }, 30_000);

  it('the HEALTHCHECK probe fails when nothing answers', async () => {
    const probe = execForm(/HEALTHCHECK[^\n]*\\\n\s*(CMD .*)$/m.exec(runtimeStage)?.[1]);
    // Port 9 (discard) on loopback: nothing listens there.
    expect(await start(probe, app, { ...baseEnv(), PORT: '9' }).exited).toBe(1);
  });

  it('compose’s gateway command logs in to the Discord stand-in, answers, and exits 0 on SIGTERM', async () => {
    const gatewayCommand = [...compose.matchAll(/^\s+command: (\[.*\])$/gm)]
      .map((m) => JSON.parse(m[1] ?? '[]') as string[])
      .find((command) => command.some((part) => part.includes('start')));
    expect(gatewayCommand).toBeDefined();
    const token = 'MTI5MDAwMDAwMDAwMDAwMDAwMQ.GabcDe.containerTestSecretPartOfTheToken';
    const standIn = await startDiscordStandIn({ token });
    const bot = start(gatewayCommand as string[], app, {
      ...baseEnv(),
      DISCORD_TOKEN: token,
      DISCORD_API_URL: standIn.apiUrl,
    });
    try {
      await bot.waitFor(/connected to the gateway/, 30_000);
      const handle = standIn.dispatchInteraction(
        standIn.chatInputInteraction({ commandName: 'partner', options: { who: 'interpol' } }),
      );
      const callback = await handle.waitForCallback(10_000);
      expect(JSON.stringify(callback.body)).toContain('INTERPOL');
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(bot.output()).not.toContain('containerTestSecretPartOfTheToken');
    } finally {
      bot.child.kill('SIGKILL');
      await standIn.close();
    }
  }, 60_000);
});
