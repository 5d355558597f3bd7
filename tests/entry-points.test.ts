/**
 * Every entry point behind an npm script explains itself and refuses what it does not understand: `--help`
 * prints its usage (exit 0, nothing else); an unknown option or a stray argument is one line on stderr naming
 * the entry point, exit code 2. The long-running ones leave no server behind when npm is stopped, and
 * worker:dev does what its messages advise (--port).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envWithout, projectRoot, runToEnd } from './helpers/child-process.js';
import { keyPair } from './helpers/signing.js';

/** No configuration of the developer's: no DISCORD_*, no .env, nothing of ours. */
const cleanEnv = (): NodeJS.ProcessEnv => ({
  ...envWithout(/^(DISCORD_|WCO_|LOG_LEVEL$|SHARD|HOST$|PORT$|METRICS_)/),
  WCO_SKIP_DOTENV: '1',
});

const entryPoints = [
  { run: 'start', name: 'npm start', positionals: false },
  { run: 'http', name: 'npm run http', positionals: false },
  { run: 'worker-dev', name: 'npm run worker:dev', positionals: false },
  { run: 'worker-build', name: 'npm run worker:build', positionals: false },
  { run: 'start-sharded', name: 'npm run start:sharded', positionals: false },
  { run: 'deploy', name: 'npm run deploy', positionals: false },
  { run: 'ask', name: 'npm run ask', positionals: true },
  { run: 'validate-data', name: 'npm run validate-data', positionals: true },
  { run: 'gen-schema', name: 'npm run gen-schema', positionals: false },
  { run: 'source-check', name: 'npm run source:check', positionals: true },
];

describe.each(entryPoints)('$name', ({ run, name }) => {
  it('--help prints its usage and exits 0; -h too', async () => {
    for (const flag of ['--help', '-h']) {
      const result = await runToEnd([run, flag], cleanEnv());
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout.startsWith(`Usage: ${name}`)).toBe(true);
    }
  });

  it('refuses an unknown option in one line naming itself, exit code 2', async () => {
    for (const args of [['--bogus'], ['--port=1', '--bogus'], ['-z']]) {
      const result = await runToEnd([run, ...args], cleanEnv());
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^[^\n]+\n$/);
      expect(result.stderr).toContain(name);
    }
  });
});

describe.each(entryPoints.filter(({ positionals }) => !positionals))('$name', ({ run, name }) => {
  it('refuses a stray argument in one line, exit code 2', async () => {
    const result = await runToEnd([run, 'stray'], cleanEnv());
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `Unexpected argument "stray": ${name} -- --help lists the options\n`,
    });
  });
});

describe('npm run bench', () => {
  it('--help and an unknown option or benchmark, before any benchmark runs', async () => {
    // Compiled apart, so that the suite's dist/ is not rewritten while other tests run it.
    // Inside the project, so that its node_modules resolve.
    const cache = join(projectRoot, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const outDir = mkdtempSync(join(cache, 'wco-bench-help-'));
    execFileSync(
      process.execPath,
      [
        join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        join(projectRoot, 'bench', 'tsconfig.json'),
        '--outDir',
        outDir,
        '--tsBuildInfoFile',
        join(outDir, '.tsbuildinfo'),
      ],
      { cwd: projectRoot, stdio: 'pipe' },
    );
    const bench = (...args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [join(outDir, 'bench', 'run.js'), ...args], {
          env: cleanEnv(),
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
        });
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
        });
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const help = await bench('--help');
    expect(help.code).toBe(0);
    expect(help.stdout.startsWith('Usage: npm run bench')).toBe(true);
    expect(help.stderr).toBe('');
    for (const args of [['--bogus'], ['nosuchbench']]) {
      const refused = await bench(...args);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/^[^\n]*npm run bench[^\n]*\n$/);
    }
    rmSync(outDir, { recursive: true, force: true });
  }, 120_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('npm run worker:dev', () => {
  const keys = keyPair();

  it('--port picks the port it serves on', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [join(projectRoot, 'scripts', 'run.mjs'), 'worker-dev', '--port', String(port)],
      { cwd: projectRoot, env: { ...cleanEnv(), DISCORD_PUBLIC_KEY: keys.publicKeyHex, PORT: '1' } },
    );
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200, 45_000);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('on a busy port: one line naming itself and --port, exit 1, no stack trace', async () => {
    const port = await freePort();
    const taken = await listenOn(port);
    try {
      const result = await runToEnd(['worker-dev', '--port', String(port)], {
        ...cleanEnv(),
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `npm run worker:dev: cannot serve the Worker on 127.0.0.1:${port}: port ${port} is already in use (pass another with --port: npm run worker:dev -- --port ${port + 1})\n`,
      );
    } finally {
      taken.close();
    }
  }, 60_000);

  it('names the option a misspelled one most likely means', async () => {
    const result = await runToEnd(['worker-dev', '--prot', '9000'], cleanEnv());
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'Unknown option --prot (did you mean --port?): npm run worker:dev -- --help lists the options\n',
    });
  });

  it('refuses a --port that is not a port', async () => {
    const result = await runToEnd(['worker-dev', '--port', 'ninety'], cleanEnv());
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'npm run worker:dev: --port must be a number from 0 to 65535 (got "ninety")\n',
    });
  });

  it('without a key, names itself (not npm run http)', async () => {
    const result = await runToEnd(['worker-dev'], cleanEnv());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DISCORD_PUBLIC_KEY is required for npm run worker:dev');
    expect(result.stderr).not.toContain('npm run http');
  });
});

describe('configuration refused at start', () => {
  it.each([
    ['http', 'npm run http'],
    ['worker-dev', 'npm run worker:dev'],
    ['start-sharded', 'npm run start:sharded'],
    ['deploy', 'npm run deploy'],
  ])('%s names itself in what it requires', async (run, name) => {
    const result = await runToEnd([run], cleanEnv());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^ {2}- DISCORD_\\w+ is required for [^\\n]*${name}`, 'm'));
  });

  it('a misspelled DISCORD_PUBLIC_KEY is named (npm run http)', async () => {
    const result = await runToEnd(['http'], { ...cleanEnv(), DISCORD_PUBKEY: 'ab'.repeat(32) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DISCORD_PUBKEY is set instead: rename it DISCORD_PUBLIC_KEY');
  });

  it('DISCORD_API_URL over plain http to another machine (npm run http, npm run deploy)', async () => {
    const env = {
      ...cleanEnv(),
      DISCORD_PUBLIC_KEY: 'ab'.repeat(32),
      DISCORD_TOKEN: 'MTI5MDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789ABCD',
      DISCORD_APPLICATION_ID: '1290000000000000001',
      DISCORD_API_URL: 'http://discord.example.org/api',
      PORT: '0',
    };
    for (const run of ['http', 'deploy']) {
      const result = await runToEnd([run], env);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('DISCORD_API_URL must use https://');
    }
  });
});

/** The pids of `root`'s descendants, from `ps` (Linux and macOS). */
function descendantsOf(root: number): number[] {
  const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length) {
    const children = table.filter(([, ppid]) => frontier.includes(ppid ?? -1)).map(([pid]) => pid ?? -1);
    found.push(...children);
    frontier = children;
  }
  return found;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('no orphan servers: stopping npm stops what it started', () => {
  const keys = keyPair();
  const npm = (args: string[], env: NodeJS.ProcessEnv): ChildProcess =>
    spawn('npm', ['run', '--silent', ...args], { cwd: projectRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });

  it.each([
    ['http', [] as string[]],
    ['worker:dev', [] as string[]],
    ['start', ['--', '--playground']],
  ])(
    'kill <pid of npm run %s> leaves nothing running',
    async (script, extra) => {
      const port = await freePort();
      const child = npm([script, ...extra], {
        ...cleanEnv(),
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
        PORT: String(port),
      });
      let output = '';
      child.stdout?.on('data', (chunk) => {
        output += chunk;
      });
      child.stderr?.on('data', (chunk) => {
        output += chunk;
      });
      const pid = child.pid ?? -1;
      const running: number[] = [];
      try {
        if (script === 'start') {
          child.stdin?.write('/help\n'); // stdin stays open: the playground waits for the next line
          await waitFor(() => output.includes('/partner'), 45_000);
        } else {
          await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200, 45_000);
        }
        running.push(...descendantsOf(pid));
        expect(running.length).toBeGreaterThan(0);
        process.kill(pid, 'SIGTERM');
        await waitFor(() => !running.some(isAlive), 15_000).catch(() => {
          throw new Error(
            `still running after npm stopped: ${running.filter(isAlive).join(', ')}\n${output}`,
          );
        });
        if (script !== 'start') await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
      } finally {
        for (const orphan of [pid, ...running]) if (isAlive(orphan)) process.kill(orphan, 'SIGKILL');
      }
    },
    90_000,
  );
});
