import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/ is built by tests/global-setup.ts; scripts/run.mjs would compile first if it were stale. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface LogLine {
  level?: number;
  msg?: string;
  [key: string]: unknown;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** process.env without the variables whose names match `configures`: the developer's own must not leak in. */
export function envWithout(configures: RegExp): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!configures.test(key)) env[key] = value;
  }
  return env;
}

/** No Discord credentials and no .env: what `npm start` and `npm run ask` see on a fresh checkout. */
export function envWithoutDiscord(): NodeJS.ProcessEnv {
  return { ...envWithout(/^DISCORD_/), WCO_SKIP_DOTENV: '1' };
}

/** `node scripts/run.mjs ...args` from the project root, as the npm scripts run it; stdout and stderr piped. */
export function spawnRunScript(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin: 'ignore' | 'pipe' = 'ignore',
): ChildProcess {
  return spawn(process.execPath, [join(projectRoot, 'scripts', 'run.mjs'), ...args], {
    cwd: projectRoot,
    env,
    stdio: [stdin, 'pipe', 'pipe'],
  });
}

/** Must be called right after spawning, before the child can exit. */
export function exitOf(child: ChildProcess): Promise<Exit> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/**
 * Turns output chunks into log lines: a line split over two chunks is kept until it is complete. JSON lines
 * are parsed; any other line becomes what `unparsed` makes of it.
 */
export function logLineReader(unparsed: (raw: string) => LogLine): (text: string) => LogLine[] {
  let partial = '';
  return (text) => {
    const parts = (partial + text).split('\n');
    partial = parts.pop() ?? '';
    const lines: LogLine[] = [];
    for (const raw of parts) {
      if (!raw.trim()) continue;
      try {
        lines.push(JSON.parse(raw) as LogLine);
      } catch {
        lines.push(unparsed(raw));
      }
    }
    return lines;
  };
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/run.mjs ...args` to its end, with `input` on stdin if given. */
export function runToEnd(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<Finished> {
  const child = spawnRunScript(args, env, input === undefined ? 'ignore' : 'pipe');
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  if (input !== undefined) child.stdin?.end(input);
  // 'close', not 'exit': only then has all of the output been read.
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The environment of a gateway bot child: its token and the stand-in's API, nothing of the developer's. */
export function gatewayBotEnv(token: string, apiUrl: string): NodeJS.ProcessEnv {
  return {
    ...envWithout(/^(DISCORD_|WCO_|LOG_LEVEL$|SHARD)/),
    DISCORD_TOKEN: token,
    DISCORD_API_URL: apiUrl,
    LOG_LEVEL: 'info',
    WCO_SKIP_DOTENV: '1',
  };
}

/** The bot in a child process, as `node scripts/run.mjs <command>` runs it: output, parsed log lines, exit. */
export class ChildBot extends EventEmitter {
  readonly child: ChildProcess;
  readonly lines: LogLine[] = [];
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;
  readonly #readLines = logLineReader((raw) => ({ msg: raw }));

  /** `command`: a scripts/run.mjs command, or `{ node: [...] }` for node run directly (as in production). */
  constructor(command: string | { node: string[] }, env: NodeJS.ProcessEnv) {
    super();
    this.child =
      typeof command === 'string'
        ? spawnRunScript([command], env)
        : spawn(process.execPath, command.node, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = exitOf(this.child);
    this.child.stdout?.on('data', (chunk: Buffer) => this.#onStdout(chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
  }

  #onStdout(text: string): void {
    this.stdout += text;
    for (const line of this.#readLines(text)) {
      this.lines.push(line);
      this.emit('line', line);
    }
  }

  /** The first log line from index `from` on that matches. */
  waitForLog(predicate: (line: LogLine) => boolean, from = 0, timeoutMs = 10_000): Promise<LogLine> {
    const found = this.lines.slice(from).find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onLine = (line: LogLine) => {
        if (!predicate(line)) return;
        cleanup();
        resolve(line);
      };
      const onExit = () => {
        cleanup();
        reject(new Error(`the bot exited while waiting for a log line\n${this.output()}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for a log line\n${this.output()}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off('line', onLine);
        this.child.off('exit', onExit);
      };
      this.on('line', onLine);
      this.child.once('exit', onExit);
    });
  }

  output(): string {
    return `--- stdout (last 3000 chars)\n${this.stdout.slice(-3000)}\n--- stderr\n${this.stderr.slice(-3000)}`;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
