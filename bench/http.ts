/**
 * HTTP endpoint throughput and latency with autocannon, on 127.0.0.1, beside the two servers it is judged
 * against (bench/baseline-server.ts, child processes like it): the peer, express with Discord's
 * `discord-interactions` verifyKeyMiddleware answering with the same router, and the floor, a bare
 * node:http verify + PONG. Rounds are interleaved (the order turns each round), each figure is the median of
 * the rounds with their spread. Every request is correctly signed, just before each run.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import {
  autocompleteQueries,
  keyPair,
  type SignedRequest,
  signedPartnerAutocompletes,
  signedPartnerCommands,
} from './interactions.js';
import {
  childEnv,
  cpuMs,
  freePort,
  host,
  projectRoot,
  spawnChild,
  stopChild,
  waitFor200,
} from './processes.js';
import { type BenchResult, count, median, type Row, verdict } from './report.js';

export const load = { connections: 10, durationS: 5, warmupS: 1, rounds: 3, offeredRate: 2_000 } as const;
const maxP99Ms = 20;

export const httpHowMeasured = `autocannon on 127.0.0.1, ${load.rounds} interleaved rounds (the order of the servers turns each round), each run ${load.durationS} s after a ${load.warmupS} s warm-up on the same connections; figures are the median of the rounds, the spread their min–max.
  Three child processes, started once: the real endpoint (\`node scripts/run.mjs http\`, what \`npm run http\` runs, at
  LOG_LEVEL=info with stdout to a file); the peer, what a user would pick instead: express with Discord's
  \`discord-interactions\` package and its \`verifyKeyMiddleware\` (WebCrypto), answering with the same router, so the
  same reply (\`bench/baseline-server.ts\`, BASELINE=peer); and the floor, a bare \`node:http\` server that verifies
  with \`node:crypto\` and answers PONG (BASELINE=floor). Bodies are Discord-shaped /partner commands and
  autocomplete keystrokes (the stand-in's builders), signed with a fresh key just before each run (the endpoint
  refuses timestamps older than 5 minutes); each is sent once and its answer checked before the load.
  *Throughput*: closed loop, ${load.connections} connections, autocannon's mean requests/s; target: the endpoint's ≥ the peer's.
  *Latency*: ${load.offeredRate.toLocaleString('en-US')} requests/s offered (autocannon overallRate, ${load.connections * 2} connections), p99 (1 ms resolution);
  target ≤ ${maxP99Ms} ms. The server's CPU time per request (user + system, all threads, from \`/proc/<pid>/stat\`
  around the measured part) is in the notes: unlike requests/s it hardly depends on what else the machine runs.`;

export interface EndpointChild {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

async function startChild(args: string[], env: Record<string, string>, stdout: 'ignore' | number) {
  const port = await freePort();
  const child = spawnChild(process.execPath, args, {
    env: childEnv({ ...env, HOST: host, PORT: String(port) }),
    stdio: ['ignore', stdout, 'pipe'],
  });
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (text.length < 20_000) text += chunk.toString('utf8');
  });
  const url = `http://${host}:${port}`;
  await waitFor200(`${url}/healthz`, child, { everyMs: 10, timeoutMs: 60_000 }).catch((error: Error) => {
    throw new Error(`${error.message}\n${text}`);
  });
  return { child, url, stderr: () => text };
}

/** The real endpoint as `npm run http` starts it; logs (one JSON line per interaction at info) go to `stdout`. */
export function startEndpoint(
  publicKeyHex: string,
  stdout: 'ignore' | number,
  logLevel = 'info',
): Promise<EndpointChild> {
  return startChild(
    ['scripts/run.mjs', 'http'],
    { DISCORD_PUBLIC_KEY: publicKeyHex, LOG_LEVEL: logLevel },
    stdout,
  );
}

function startBaseline(publicKeyHex: string, kind: 'floor' | 'peer'): Promise<EndpointChild> {
  const script = join(projectRoot, 'dist', 'bench', 'baseline-server.js');
  return startChild([script], { DISCORD_PUBLIC_KEY: publicKeyHex, BASELINE: kind }, 'ignore');
}

/** Sends each request once; the problems (not 200 with the expected interaction response type). */
async function check(
  url: string,
  requests: readonly SignedRequest[],
  expectedType: number,
): Promise<string[]> {
  const problems: string[] = [];
  for (const request of requests) {
    const response = await fetch(`${url}${request.path}`, request);
    const text = await response.text();
    const type = /^\{"type":(\d+)/.exec(text)?.[1];
    if (response.status !== 200 || Number(type) !== expectedType) {
      problems.push(`${response.status} ${text.slice(0, 120)} for ${request.body.slice(0, 80)}…`);
    }
  }
  return problems;
}

export interface Measured {
  result: Result;
  /** CPU time (user + system) the server used per answered request during the measured part, in µs. */
  cpuPerRequestUs: number;
}

/**
 * One autocannon run: a warm-up, then the measured part, same connections; closed loop, or `rate` requests/s
 * offered. The server's CPU time is read from /proc around the measured part.
 */
export async function cannon(
  target: EndpointChild,
  requests: readonly SignedRequest[],
  rate?: number,
): Promise<Measured> {
  const pid = target.child.pid ?? 0;
  const options = {
    url: `${target.url}/interactions`,
    connections: rate ? load.connections * 2 : load.connections,
    requests: [...requests],
    timeout: 5,
    ...(rate ? { overallRate: rate } : {}),
  };
  await autocannon({ ...options, duration: load.warmupS });
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({ ...options, duration: load.durationS });
  const cpuPerRequestUs = ((cpuMs(pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total);
  return { result, cpuPerRequestUs };
}

function clean(result: Result): boolean {
  return result.non2xx === 0 && result.errors === 0 && result.timeouts === 0;
}

function lineCount(path: string): number {
  try {
    return Number(execFileSync('wc', ['-l', path], { encoding: 'utf8' }).trim().split(/\s+/)[0]);
  } catch {
    return Number.NaN;
  }
}

interface Series {
  label: string;
  runs: Measured[];
}

const rps = ({ result }: Measured) => result.requests.average;
const p99 = ({ result }: Measured) => result.latency.p99;
const spreadOf = (values: number[], unit: string) =>
  `min ${count(Math.min(...values))} / max ${count(Math.max(...values))}${unit}`;

export async function runHttpBench(): Promise<BenchResult> {
  const keys = keyPair();
  const commands = () => signedPartnerCommands(keys.privateKey);
  const autocompletes = () => signedPartnerAutocompletes(autocompleteQueries(), keys.privateKey);
  const notes: string[] = [];
  const logDir = mkdtempSync(join(tmpdir(), 'wco-bench-'));
  const logPath = join(logDir, 'http.log');
  const logFd = openSync(logPath, 'w');
  const endpoint = await startEndpoint(keys.publicKeyHex, logFd);
  const peer = await startBaseline(keys.publicKeyHex, 'peer');
  const floor = await startBaseline(keys.publicKeyHex, 'floor');
  const series = {
    endpoint: { label: 'endpoint, signed /partner commands', runs: [] } as Series,
    autocomplete: { label: 'endpoint, signed /partner autocomplete', runs: [] } as Series,
    peer: { label: 'peer (express + discord-interactions), same commands', runs: [] } as Series,
    floor: { label: 'floor (bare node:http, verify + PONG)', runs: [] } as Series,
    endpointRate: { label: `endpoint at ${load.offeredRate} req/s offered`, runs: [] } as Series,
    peerRate: { label: `peer at ${load.offeredRate} req/s offered`, runs: [] } as Series,
  };
  try {
    const problems = [
      ...(await check(endpoint.url, commands(), 4)),
      ...(await check(endpoint.url, autocompletes(), 8)),
      ...(await check(peer.url, commands(), 4)),
      ...(await check(floor.url, commands().slice(0, 3), 1)),
    ];
    if (problems.length)
      throw new Error(`answered wrongly before the load: ${problems.slice(0, 3).join('; ')}`);
    const runs: [Series, EndpointChild, () => SignedRequest[], number?][] = [
      [series.endpoint, endpoint, commands],
      [series.peer, peer, commands],
      [series.floor, floor, commands],
      [series.autocomplete, endpoint, autocompletes],
      [series.endpointRate, endpoint, commands, load.offeredRate],
      [series.peerRate, peer, commands, load.offeredRate],
    ];
    for (let round = 0; round < load.rounds; round++) {
      const turned = [...runs.slice(round % runs.length), ...runs.slice(0, round % runs.length)];
      for (const [into, target, requests, rate] of turned)
        into.runs.push(await cannon(target, requests(), rate));
    }
  } finally {
    await Promise.all([endpoint, peer, floor].map(({ child }) => stopChild(child)));
    closeSync(logFd);
    notes.push(
      `http: the endpoint wrote ${count(lineCount(logPath))} log lines (stdout to a file) during the run.`,
    );
    rmSync(logDir, { recursive: true, force: true });
  }

  for (const { label, runs } of Object.values(series)) {
    const perRun = runs.map(
      (run) =>
        `${count(rps(run))} req/s, p99 ${p99(run)} ms, ${Math.round(run.cpuPerRequestUs)} µs CPU/request` +
        (clean(run.result) ? '' : `, non-2xx ${run.result.non2xx}, errors ${run.result.errors}`),
    );
    notes.push(`http ${label}, per round: ${perRun.join('; ')}.`);
  }
  const throughput = (s: Series) => median(s.runs.map(rps));
  const allClean = Object.values(series).every((s) => s.runs.every((run) => clean(run.result)));
  const row = (s: Series, figure: string, target: string, ok?: boolean): Row => ({
    bench: 'http',
    figure,
    median: `${count(throughput(s))} req/s`,
    spread: `${spreadOf(s.runs.map(rps), ' req/s')}; p99 ${median(s.runs.map(p99))} ms`,
    target,
    verdict: ok === undefined ? 'info' : verdict(ok && allClean),
  });
  const ours = throughput(series.endpoint);
  const peerRps = throughput(series.peer);
  const rateP99 = median(series.endpointRate.runs.map(p99));
  return {
    rows: [
      row(series.floor, 'floor: bare node:http, Ed25519 verify + PONG (closed loop, 10 connections)', '—'),
      row(
        series.peer,
        'peer: express + discord-interactions verifyKeyMiddleware, signed /partner commands',
        '—',
      ),
      row(
        series.endpoint,
        `signed /partner commands, real endpoint, LOG_LEVEL=info (${count((ours / peerRps) * 100)} % of the peer)`,
        '≥ the peer’s req/s, 0 non-2xx',
        ours >= peerRps,
      ),
      row(series.autocomplete, 'signed /partner autocomplete, real endpoint, LOG_LEVEL=info', '—'),
      {
        bench: 'http',
        figure: `latency at ${count(load.offeredRate)} signed /partner commands/s offered, real endpoint`,
        median: `p99 ${rateP99} ms`,
        spread: `${spreadOf(series.endpointRate.runs.map(p99), ' ms')}; peer p99 ${median(series.peerRate.runs.map(p99))} ms`,
        target: `p99 ≤ ${maxP99Ms} ms`,
        verdict: verdict(rateP99 <= maxP99Ms && series.endpointRate.runs.every((run) => clean(run.result))),
      },
    ],
    notes,
  };
}
