/**
 * HTTP endpoint throughput with autocannon, on 127.0.0.1: the real entry point (`node scripts/run.mjs http`,
 * what `npm run http` runs) against a bare verify-and-PONG node:http server (the baseline), both child
 * processes, same connections and duration, one after the other. Every request is correctly signed: the
 * bodies are signed once up front and autocannon cycles through them.
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
import { type BenchResult, count, type Row, verdict } from './report.js';

export const load = { connections: 10, durationS: 8, warmupS: 2 } as const;
const minShareOfBaseline = 0.8;
const maxP99Ms = 20;

export interface EndpointChild {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

function collect(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (text.length < 20_000) text += chunk.toString('utf8');
  });
  return () => text;
}

/**
 * The real endpoint as `npm run http` starts it; logs (one JSON line per interaction at info) go to `stdout`.
 */
export async function startEndpoint(
  publicKeyHex: string,
  stdout: 'ignore' | number,
  logLevel = 'info',
): Promise<EndpointChild> {
  const port = await freePort();
  const child = spawnChild(process.execPath, ['scripts/run.mjs', 'http'], {
    env: childEnv({ DISCORD_PUBLIC_KEY: publicKeyHex, HOST: host, PORT: String(port), LOG_LEVEL: logLevel }),
    stdio: ['ignore', stdout, 'pipe'],
  });
  const stderr = collect(child);
  const url = `http://${host}:${port}`;
  await waitFor200(`${url}/healthz`, child, { everyMs: 10, timeoutMs: 60_000 }).catch((error: Error) => {
    throw new Error(`${error.message}\n${stderr()}`);
  });
  return { child, url, stderr };
}

async function startBaseline(publicKeyHex: string, verify: 'inline' | 'background'): Promise<EndpointChild> {
  const port = await freePort();
  const child = spawnChild(process.execPath, [join(projectRoot, 'dist', 'bench', 'baseline-server.js')], {
    env: childEnv({ DISCORD_PUBLIC_KEY: publicKeyHex, PORT: String(port), BASELINE_VERIFY: verify }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr = collect(child);
  const url = `http://${host}:${port}`;
  await waitFor200(`${url}/healthz`, child, { everyMs: 10 });
  return { child, url, stderr };
}

/** Sends each request once and checks the answer: 200 and the expected interaction response type. */
async function check(
  url: string,
  requests: readonly SignedRequest[],
  expectedType: number,
): Promise<string[]> {
  const problems: string[] = [];
  for (const request of requests) {
    const response = await fetch(`${url}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    const text = await response.text();
    const type = (() => {
      try {
        return (JSON.parse(text) as { type?: unknown }).type;
      } catch {
        return undefined;
      }
    })();
    if (response.status !== 200 || type !== expectedType) {
      problems.push(
        `${response.status} type ${String(type)} for ${request.body.slice(0, 80)}…: ${text.slice(0, 120)}`,
      );
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
 * One autocannon run: a warm-up, then the measured part, same connections. The server's CPU time is read from
 * /proc around the measured part: per request, it does not depend on what else the machine runs.
 */
export async function cannon(target: EndpointChild, requests: readonly SignedRequest[]): Promise<Measured> {
  const pid = target.child.pid ?? 0;
  const url = `${target.url}/interactions`;
  const options = { url, connections: load.connections, requests: [...requests], timeout: 5 };
  await autocannon({ ...options, duration: load.warmupS });
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({ ...options, duration: load.durationS });
  const cpuPerRequestUs = ((cpuMs(pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total);
  return { result, cpuPerRequestUs };
}

function describe({ result, cpuPerRequestUs }: Measured): string {
  const statuses = Object.entries(result.statusCodeStats)
    .map(([code, { count: n }]) => `${code}×${n}`)
    .join(', ');
  return (
    `${count(result.requests.total)} requests in ${result.duration.toFixed(1)} s (${statuses}); ` +
    `req/s per second min ${count(result.requests.min)} / median ${count(result.requests.p50)} / max ${count(result.requests.max)}; ` +
    `latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
    `non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}; ` +
    `server CPU ${Math.round(cpuPerRequestUs)} µs per request`
  );
}

function lineCount(path: string): number {
  try {
    return Number(execFileSync('wc', ['-l', path], { encoding: 'utf8' }).trim().split(/\s+/)[0]);
  } catch {
    return Number.NaN;
  }
}

export async function runHttpBench(): Promise<BenchResult> {
  const keys = keyPair();
  const commands = signedPartnerCommands(keys.privateKey);
  const autocompletes = signedPartnerAutocompletes(autocompleteQueries(), keys.privateKey);
  const rows: Row[] = [];
  const notes: string[] = [];
  const setting = `${load.connections} connections, ${load.durationS} s after ${load.warmupS} s warm-up`;
  notes.push(
    'http: server CPU µs per request (from /proc, independent of other load) — compare them to see what the ' +
      'endpoint adds to the baseline.',
  );

  /** The baseline server, loaded like the endpoint; 'inline' is the baseline the target is judged on. */
  const measureBaseline = async (verify: 'inline' | 'background'): Promise<Measured> => {
    const baseline = await startBaseline(keys.publicKeyHex, verify);
    try {
      const problems = await check(baseline.url, commands.slice(0, 3), 1);
      if (problems.length) throw new Error(`baseline answers wrongly: ${problems.join('; ')}`);
      return await cannon(baseline, commands);
    } finally {
      await stopChild(baseline.child);
    }
  };
  const base = await measureBaseline('inline');
  const baseRps = base.result.requests.p50;
  rows.push({
    bench: 'http',
    figure: `baseline: bare node:http, Ed25519 verify + PONG (${setting})`,
    median: `${count(baseRps)} req/s`,
    spread: `latency p99 ${base.result.latency.p99} ms`,
    target: '—',
    verdict: base.result.non2xx === 0 && base.result.errors === 0 ? 'info' : 'miss',
  });
  notes.push(`http baseline: ${describe(base)}.`);
  const backgroundBase = await measureBaseline('background');
  const backgroundRps = backgroundBase.result.requests.p50;
  rows.push({
    bench: 'http',
    figure: 'baseline, verifying on the thread pool as the endpoint does (same load; for comparison only)',
    median: `${count(backgroundRps)} req/s`,
    spread: `latency p99 ${backgroundBase.result.latency.p99} ms`,
    target: '—',
    verdict: 'info',
  });
  notes.push(`http baseline verifying on the thread pool: ${describe(backgroundBase)}.`);

  const logDir = mkdtempSync(join(tmpdir(), 'wco-bench-'));
  const logPath = join(logDir, 'http.log');
  const logFd = openSync(logPath, 'w');
  const endpoint = await startEndpoint(keys.publicKeyHex, logFd);
  try {
    const problems = [
      ...(await check(endpoint.url, commands, 4)),
      ...(await check(endpoint.url, autocompletes, 8)),
    ];
    if (problems.length) {
      notes.push(
        `http: ${problems.length} requests answered wrongly before the load: ${problems.slice(0, 3).join('; ')}.`,
      );
    }
    const runs: [string, SignedRequest[]][] = [
      [`signed /partner commands (${commands.length} bodies)`, commands],
      [`signed /partner autocomplete (${autocompletes.length} bodies)`, autocompletes],
    ];
    for (const [label, requests] of runs) {
      const measured = await cannon(endpoint, requests);
      const { result } = measured;
      const rps = result.requests.p50;
      const share = rps / baseRps;
      const clean = result.non2xx === 0 && result.errors === 0 && result.timeouts === 0;
      rows.push({
        bench: 'http',
        figure: `${label}, real endpoint, LOG_LEVEL=info`,
        median: `${count(rps)} req/s = ${(share * 100).toFixed(0)} % of baseline (${((rps / backgroundRps) * 100).toFixed(0)} % of the thread-pool one)`,
        spread: `latency p99 ${result.latency.p99} ms`,
        target: `≥ ${minShareOfBaseline * 100} % of baseline, p99 ≤ ${maxP99Ms} ms, 0 non-2xx`,
        verdict: verdict(share >= minShareOfBaseline && result.latency.p99 <= maxP99Ms && clean),
      });
      notes.push(`http ${label}: ${describe(measured)}.`);
    }
  } finally {
    await stopChild(endpoint.child);
    closeSync(logFd);
    notes.push(
      `http: the endpoint wrote ${count(lineCount(logPath))} log lines (stdout to a file) during the run.`,
    );
    rmSync(logDir, { recursive: true, force: true });
  }
  return { rows, notes };
}
