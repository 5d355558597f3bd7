/**
 * Start-up, each measured from just before spawn() in this process:
 * - HTTP mode: `node dist/http.mjs` (the bundled entry that `npm run http` and a deployment run), real data, until
 *   GET /healthz answers 200, polled every 2 ms (target);
 * - playground (reported): `node scripts/run.mjs start` (what `npm start` runs; dist/ is already built) fed
 *   `/mou year:2003` through a pipe, until the reply's text appears on its stdout;
 * - gateway: login → clientReady of the bot's client on the local stand-in, in process (no target).
 */
import { measureGatewayLogin } from './gateway.js';
import { keyPair } from './interactions.js';
import { childEnv, cpuMs, freePort, host, spawnChild, stopChild, waitFor200 } from './processes.js';
import { type BenchResult, median, ms, type Row, verdict } from './report.js';

const runs = 7;
const httpTargetMs = 300;
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

async function httpStartup(publicKeyHex: string): Promise<Started> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnChild(process.execPath, ['dist/http.mjs'], {
    env: childEnv({
      DISCORD_PUBLIC_KEY: publicKeyHex,
      HOST: host,
      PORT: String(port),
      LOG_LEVEL: 'info',
    }),
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  try {
    const answered = await waitFor200(`http://${host}:${port}/healthz`, child, {
      everyMs: 2,
      timeoutMs: 20_000,
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
  // Interleaved, so that other load on the machine falls on both alike.
  const http: Started[] = [];
  const playground: Started[] = [];
  for (let run = 0; run < runs; run++) {
    http.push(await httpStartup(publicKeyHex));
    playground.push(await playgroundStartup());
  }
  const gateway = await measureGatewayLogin(runs);
  const list = (times: readonly number[]) => times.map((time) => Math.round(time)).join(', ');
  const wall = (runs: readonly Started[]) => runs.map((run) => run.wallMs);
  const cpu = (runs: readonly Started[]) => runs.map((run) => run.cpuMs);
  return {
    rows: [
      row(
        `HTTP mode, real data: spawn \`node dist/http.mjs\` → /healthz 200 (${runs} runs)`,
        wall(http),
        httpTargetMs,
      ),
      row(
        `playground: spawn \`node scripts/run.mjs start\`, piped \`/mou year:2003\` → reply on stdout (${runs} runs)`,
        wall(playground),
      ),
      row(
        `gateway: login → clientReady on the stand-in, in process (${runs} logins, fresh client each)`,
        gateway,
      ),
    ],
    notes: [
      `startup, wall ms per run — HTTP: ${list(wall(http))}; playground: ${list(wall(playground))}; gateway login: ` +
        `${list(gateway)} (the first in-process login also loads what discord.js loads lazily).`,
      `startup, CPU ms (user + system) the child had used when ready, median — HTTP: ${Math.round(median(cpu(http)))} ` +
        `(${list(cpu(http))}); playground: ${Math.round(median(cpu(playground)))} (${list(cpu(playground))}). ` +
        'Wall time well above CPU time means the child waited for a core (other load on the machine).',
    ],
  };
}
