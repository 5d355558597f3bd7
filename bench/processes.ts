/**
 * Child processes for the benchmarks: every child is registered, and all of them are killed when the run
 * ends, fails, is interrupted or takes too long. Loopback only.
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (dist/bench/processes.js → ../..). */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const host = '127.0.0.1';

const children = new Set<ChildProcess>();

/** Spawns a child that is killed at the end of the run whatever happens. */
export function spawnChild(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { cwd: projectRoot, ...options });
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.once('error', () => children.delete(child));
  return child;
}

/** The environment for a child: the bench's own, without anything from a developer's .env or a bot token. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, WCO_SKIP_DOTENV: '1', ...extra };
  delete env.DISCORD_TOKEN;
  delete env.NODE_OPTIONS;
  return env;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export function stopChild(child: ChildProcess, graceMs = 2_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    children.delete(child);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      children.delete(child);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Kills every child still running (synchronously: also usable from an 'exit' handler). */
export function killAllChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}

let installed = false;
/** Kills the children on exit, on SIGINT/SIGTERM, on an uncaught error and after `watchdogMs`. */
export function installCleanup(watchdogMs: number): void {
  if (installed) return;
  installed = true;
  process.once('exit', killAllChildren);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAllChildren();
      process.stderr.write(`\nbench: ${signal}, children killed\n`);
      process.exit(130);
    });
  }
  process.once('uncaughtException', (error) => {
    killAllChildren();
    process.stderr.write(`bench: ${error.stack ?? String(error)}\n`);
    process.exit(1);
  });
  const watchdog = setTimeout(() => {
    killAllChildren();
    process.stderr.write(`bench: still running after ${watchdogMs / 1000} s, aborted\n`);
    process.exit(1);
  }, watchdogMs);
  watchdog.unref();
}

/** A free TCP port on 127.0.0.1 (the OS picks it; released just before the child binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** One GET; resolves with the status code, or 0 when the connection fails (not listening yet). */
export function httpStatus(url: string, timeoutMs = 1_000): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', () => resolve(0));
    req.once('timeout', () => {
      req.destroy();
      resolve(0);
    });
    req.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `url` every `everyMs` until it answers 200; rejects when the child exits first or after `timeoutMs`.
 * Resolves with performance.now() at the moment the 200 arrived.
 */
export async function waitFor200(
  url: string,
  child: ChildProcess,
  { everyMs = 2, timeoutMs = 15_000 }: { everyMs?: number; timeoutMs?: number } = {},
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`child exited (${child.exitCode ?? child.signalCode}) before ${url} answered 200`);
    }
    if ((await httpStatus(url, 500)) === 200) return performance.now();
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

/** Resident set size of a process in MB, read from /proc/<pid>/status (VmRSS, in kB). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat (clock ticks of 10 ms).
 */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks * 10;
}

export { sleep };
