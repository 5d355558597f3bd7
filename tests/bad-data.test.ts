/**
 * A broken dataset stops every entry point before it serves anything. Each entry point runs as `npm run …`
 * runs it (`node scripts/run.mjs <entry>`, in a child process) with WCO_DATA_DIR pointing at a broken copy
 * of data/ (not JSON, a schema error, a semantic error the schema cannot see): each must exit non-zero with
 * the validator's message on stderr, print no answer, open no port, and never reach Discord.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataValidationError, loadDataset } from '../src/data/load.js';
import { dataDirVariable, defaultDataDir } from '../src/data/paths.js';
import { type DiscordStandIn, startDiscordStandIn } from './discord-stand-in/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const token = 'MTI5MDAwMDAwMDAwMDAwMDAwMQ.GabcDe.badDataSecretPartOfTheToken-NeverUsed';
/** Start-up takes well under a second; the margin is for a loaded machine. */
const runTimeoutMs = 30_000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];

/** The environment of a child: no Discord variables, no .env, no data folder of the developer's. */
function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(DISCORD_|WCO_|LOG_LEVEL$|HOST$|PORT$)/.test(key)) env[key] = value;
  }
  return { ...env, WCO_SKIP_DOTENV: '1', LOG_LEVEL: 'info', ...extra };
}

/** `node scripts/run.mjs <entry> ...args`; `whileRunning` is called every 20 ms until it exits. */
function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  { input, whileRunning }: { input?: string; whileRunning?: () => Promise<void> } = {},
): Promise<Run> {
  const child = spawn(process.execPath, [join(root, 'scripts', 'run.mjs'), ...args], {
    cwd: root,
    env,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  if (input !== undefined) child.stdin?.end(input);
  let polling = true;
  const poll = async () => {
    while (polling && whileRunning) {
      await whileRunning();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const polled = poll();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not exit in time\n${stdout}\n${stderr}`));
    }, runTimeoutMs);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      polling = false;
      polled.then(() => resolve({ code, signal, stdout, stderr }), reject);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A copy of data/ with partners.json replaced by what `edit` makes of it. */
function brokenCopy(edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wco-bad-data-'));
  tempDirs.push(dir);
  cpSync(defaultDataDir, dir, { recursive: true });
  const file = join(dir, 'partners.json');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

function editRecord(id: string, change: (partner: any) => void): (text: string) => string {
  return (text) => {
    const raw = JSON.parse(text);
    const partner = raw.partners.find((candidate: { id: string }) => candidate.id === id);
    if (!partner) throw new Error(`no partner ${id} in the data`);
    change(partner);
    return JSON.stringify(raw, null, 2);
  };
}

/** What the validator says about a copy: the message every entry point must print. */
function validatorMessage(dir: string): string {
  try {
    loadDataset({ partnersPath: join(dir, 'partners.json') });
  } catch (error) {
    if (error instanceof DataValidationError) return error.message;
    throw error;
  }
  throw new Error(`the copy in ${dir} is valid`);
}

const variants = [
  {
    name: 'not JSON (a truncated file)',
    edit: (text: string) => text.slice(0, Math.floor(text.length / 2)),
    detail: /partners\.json: \(file\): not valid JSON/,
  },
  {
    name: 'a schema error (an agreement type that does not exist)',
    edit: editRecord('interpol', (partner) => {
      partner.agreements[0].type = 'Treaty';
    }),
    detail: /record "interpol" at partners\[\d+\]\.agreements\[0\]\.type/,
  },
  {
    name: 'a semantic error (a date that is not a real date)',
    edit: editRecord('unep', (partner) => {
      partner.agreements[0].date = '2003-02-30';
    }),
    detail: /record "unep" at partners\[\d+\]\.agreements\[0\]\.date: 2003-02-30 is not a real date/,
  },
];

let standIn: DiscordStandIn;

beforeAll(async () => {
  standIn = await startDiscordStandIn({ token });
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await standIn?.close();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('WCO_DATA_DIR', () => {
  it('makes the entry points load that copy (a valid copy with an edited summary is what ask answers)', async () => {
    const dir = brokenCopy(
      editRecord('interpol', (partner) => {
        partner.summary = `${partner.summary} Loaded from the copy.`;
      }),
    );
    expect(() => validatorMessage(dir)).toThrow(/is valid/);
    const result = await run(['ask', '--json', '/partner who:interpol'], envWith({ [dataDirVariable]: dir }));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Loaded from the copy.');
  });
});

describe.each(variants)('partners.json with $name', ({ edit, detail }) => {
  let dir: string;
  let message: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    dir = brokenCopy(edit);
    message = validatorMessage(dir);
    expect(message).toMatch(/^Invalid data:\n {2}- /);
    expect(message).toMatch(detail);
    env = envWith({ [dataDirVariable]: dir });
  });

  /** Refused: non-zero exit, the validator's message on stderr, no answer on stdout. */
  function expectRefused(result: Run): void {
    expect(result.signal, result.stderr).toBeNull();
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toContain(message);
    expect(result.stdout).not.toMatch(/INTERPOL|International Criminal Police|listening|connected/);
  }

  it('npm run validate-data (WCO_DATA_DIR, and the same copy given as a path) exits 1 with it', async () => {
    const byEnv = await run(['validate-data'], env);
    expectRefused(byEnv);
    expect(byEnv.code).toBe(1);
    expect(byEnv.stderr.trim()).toBe(message);
    const byPath = await run(['validate-data', join(dir, 'partners.json')], envWith({}));
    expect(byPath.code).toBe(1);
    expect(byPath.stderr.trim()).toBe(message);
  });

  it('npm start (the playground, piped) answers nothing and exits 1', async () => {
    const result = await run(['start'], env, { input: '/partner who:interpol\n/help\n' });
    expectRefused(result);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
  });

  it('npm start with a token (the gateway bot) exits 1 without contacting Discord', async () => {
    const before = { requests: standIn.requests.length, connections: standIn.connectionEvents.length };
    const result = await run(
      ['start'],
      envWith({ [dataDirVariable]: dir, DISCORD_TOKEN: token, DISCORD_API_URL: standIn.apiUrl }),
    );
    expectRefused(result);
    expect(result.code).toBe(1);
    expect(standIn.requests.length).toBe(before.requests);
    expect(standIn.connectionEvents.length).toBe(before.connections);
  });

  it('npm run http exits 1, and /healthz never answers', async () => {
    const port = await freePort();
    const answered: number[] = [];
    let probes = 0;
    const result = await run(
      ['http'],
      envWith({
        [dataDirVariable]: dir,
        DISCORD_PUBLIC_KEY: 'ab'.repeat(32),
        HOST: '127.0.0.1',
        PORT: String(port),
      }),
      {
        whileRunning: async () => {
          probes += 1;
          try {
            const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
              signal: AbortSignal.timeout(1_000),
            });
            answered.push(response.status);
          } catch {
            // Connection refused: nothing listens, as it should be.
          }
        },
      },
    );
    expectRefused(result);
    expect(result.code).toBe(1);
    expect(probes).toBeGreaterThan(0);
    expect(answered).toEqual([]);
    // And the port stays closed after the exit.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('npm run ask prints no answer and exits 1', async () => {
    const result = await run(['ask', '/partner who:interpol'], env);
    expectRefused(result);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
  });
});
