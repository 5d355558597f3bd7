/**
 * Start-up, each measured from just before spawn() in this process:
 * - HTTP mode: `node dist/http.mjs` (the bundled entry that `npm run http` and a deployment run) until GET /healthz
 *   answers 200, polled every 2 ms; also with 10,000 partners (`WCO_DATA_DIR` at a synthetic data folder): once
 *   as the first start of new data (every check, the index built, both remembered: src/data/prepared-cache.ts),
 *   then, as the target counts it, after `validate-data` (what CI or an image build runs before a deployment), so
 *   the start reads the validated data and its index back; and, between those runs, the floor under that figure:
 *   a bare Node process that only parses the same partners.json (json-floor.ts);
 * - playground: `node scripts/run.mjs start` (what `npm start` runs; dist/ is already built) fed
 *   `/mou year:2003` through a pipe, until the reply's text appears on its stdout;
 * - gateway: login → clientReady of the bot's client on the local stand-in, in process (no target).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPreparedDir, entryKey } from '../src/data/prepared-cache.js';
import { measureGatewayLogin } from './gateway.js';
import { keyPair } from './interactions.js';
import { childEnv, cpuMs, freePort, host, spawnChild, stopChild, waitFor200 } from './processes.js';
import { type BenchResult, median, ms, type Row, verdict } from './report.js';
import { writeSyntheticDataDir } from './synthetic.js';

const runs = 5;
const httpTargetMs = 500;
const largeDataset = 10_000;
const validateData = join(process.cwd(), 'dist', 'src', 'cli', 'validate-data.js');
const largeRuns = 2;
const largeTargetMs = 1_000;
const jsonFloor = join(process.cwd(), 'dist', 'bench', 'json-floor.js');
const playgroundTargetMs = 1_500;
const playgroundLine = '/mou year:2003\n';
/** Text of the reply to the line above (the card's title). */
const playgroundReply = 'Agreements signed in 2003';

interface Started {
  wallMs: number;
  /**
   * CPU time the child had used when it was ready: what the start-up costs, whatever else the machine runs.
   */
  cpuMs: number;
}

/** `script`: the endpoint's bundle, or the floor under it (json-floor.ts). */
async function httpStartup(
  publicKeyHex: string,
  dataDir?: string,
  script = 'dist/http.mjs',
): Promise<Started> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnChild(process.execPath, [script], {
    env: childEnv({
      DISCORD_PUBLIC_KEY: publicKeyHex,
      HOST: host,
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...(dataDir ? { WCO_DATA_DIR: dataDir } : {}),
    }),
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  try {
    const answered = await waitFor200(`http://${host}:${port}/healthz`, child, {
      everyMs: 2,
      timeoutMs: dataDir ? 120_000 : 20_000,
    });
    return { wallMs: answered - started, cpuMs: child.pid ? cpuMs(child.pid) : Number.NaN };
  } finally {
    await stopChild(child);
  }
}

function playgroundStartup(): Promise<Started> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawnChild(process.execPath, ['scripts/run.mjs', 'start'], {
      env: childEnv({ LOG_LEVEL: 'info' }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let done = false;
    const timer = setTimeout(() => finish(new Error('no reply within 20 s')), 20_000);
    const finish = (outcome: Started | Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void stopChild(child).then(() => {
        if (!(outcome instanceof Error)) resolve(outcome);
        else
          reject(
            new Error(`${outcome.message}\nstdout: ${stdout.slice(0, 500)}\nstderr: ${stderr.slice(0, 500)}`),
          );
      });
    };
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes(playgroundReply) && !done) {
        const wallMs = performance.now() - started;
        finish({ wallMs, cpuMs: child.pid ? cpuMs(child.pid) : Number.NaN });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('exit', (code) => finish(new Error(`playground exited (${code}) before replying`)));
    child.stdin?.end(playgroundLine);
  });
}

function row(figure: string, times: readonly number[], target?: number): Row {
  const middle = median(times);
  return {
    bench: 'startup',
    figure,
    median: ms(middle),
    spread: `min ${ms(Math.min(...times))} / max ${ms(Math.max(...times))}`,
    target: target ? `median ≤ ${target.toLocaleString('en-US')} ms` : '— (reported)',
    verdict: target ? verdict(middle <= target) : 'info',
  };
}

export async function runStartupBench(): Promise<BenchResult> {
  const { publicKeyHex } = keyPair();
  // One untimed run of each first: fills the OS file cache, and lets scripts/run.mjs compile if sources changed.
  await httpStartup(publicKeyHex);
  await playgroundStartup();
  const http: Started[] = [];
  for (let run = 0; run < runs; run++) http.push(await httpStartup(publicKeyHex));
  const playground: Started[] = [];
  for (let run = 0; run < runs; run++) playground.push(await playgroundStartup());
  // 10,000 partners: the data folder is written once, before the timed runs (no untimed run: each takes long).
  const largeDir = mkdtempSync(join(tmpdir(), 'wco-bench-data-'));
  /** Its prepared-cache entry: made by the runs below, deleted before and after them. */
  const largeEntry = () =>
    join(
      defaultPreparedDir,
      `${entryKey(readFileSync(join(largeDir, 'partners.json')), readFileSync(join(largeDir, 'topics.json')))}.json`,
    );
  const large: Started[] = [];
  const floor: Started[] = [];
  let firstStart: Started | undefined;
  try {
    writeSyntheticDataDir(largeDir, largeDataset);
    rmSync(largeEntry(), { force: true }); // left by an earlier run (same seed, same bytes)
    firstStart = await httpStartup(publicKeyHex, largeDir);
    execFileSync(process.execPath, [validateData, join(largeDir, 'partners.json')], { stdio: 'ignore' });
    for (let run = 0; run < largeRuns; run++) {
      large.push(await httpStartup(publicKeyHex, largeDir));
      floor.push(await httpStartup(publicKeyHex, largeDir, jsonFloor));
    }
  } finally {
    if (existsSync(join(largeDir, 'partners.json'))) rmSync(largeEntry(), { force: true });
    rmSync(largeDir, { recursive: true, force: true });
  }
  const gateway = await measureGatewayLogin(runs);
  const list = (times: readonly number[]) => times.map((time) => Math.round(time)).join(', ');
  const wall = (runs: readonly Started[]) => runs.map((run) => run.wallMs);
  const cpu = (runs: readonly Started[]) => runs.map((run) => run.cpuMs);
  return {
    rows: [
      row(`HTTP mode: spawn \`node dist/http.mjs\` → /healthz 200 (${runs} runs)`, wall(http), httpTargetMs),
      row(
        `HTTP mode, ${largeDataset.toLocaleString('en-US')} partners (WCO_DATA_DIR, validate-data run before: read back): spawn → /healthz 200 (${largeRuns} runs)`,
        wall(large),
        largeTargetMs,
      ),
      row(
        `floor under it: spawn a bare Node that only parses that partners.json, then answers 200 (bench/json-floor.ts; ${largeRuns} runs)`,
        wall(floor),
      ),
      row(
        `HTTP mode, ${largeDataset.toLocaleString('en-US')} partners, first start of that data (checked, indexed, remembered; 1 run)`,
        firstStart ? [firstStart.wallMs] : [],
      ),
      row(
        `playground: spawn \`node scripts/run.mjs start\`, piped \`/mou year:2003\` → reply on stdout (${runs} runs)`,
        wall(playground),
        playgroundTargetMs,
      ),
      row(
        `gateway: login → clientReady on the stand-in, in process (${runs} logins, fresh client each)`,
        gateway,
      ),
    ],
    notes: [
      `startup, wall ms per run — HTTP: ${list(wall(http))}; HTTP with ${largeDataset.toLocaleString('en-US')} partners: ` +
        `${list(wall(large))} (child CPU at ready: ${list(cpu(large))}; the bare JSON floor: ${list(wall(floor))}); playground: ${list(wall(playground))}; ` +
        `gateway login: ${list(gateway)} (the first in-process login also loads what discord.js loads lazily).`,
      `startup, CPU ms (user + system) the child had used when ready, median — HTTP: ${Math.round(median(cpu(http)))} ` +
        `(${list(cpu(http))}); playground: ${Math.round(median(cpu(playground)))} (${list(cpu(playground))}). ` +
        'Wall time well above CPU time means the child waited for a core (other load on the machine).',
    ],
  };
}
