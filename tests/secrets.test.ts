/**
 * Secrets stay out of every log line and error message. Each mode runs as its npm script runs it (a child
 * process, `node scripts/run.mjs <entry>`) with a known fake bot token in DISCORD_TOKEN, at LOG_LEVEL=trace
 * so that everything that could be logged is, and through its failure paths too: the HTTP endpoint, the
 * gateway bot on the local Discord stand-in (callbacks refused and failing), the playground, ask, deploy
 * (accepted and refused token), the HTTP endpoint with a malformed public key, the gateway bot with a token
 * the stand-in refuses, and a token written with its "Bot " prefix. In all the output of all of them: never
 * the token, nor a part of it that is secret, nor `Bot <token>` (the Authorization header), nor the token of
 * any interaction (it lets anyone answer in the bot's name for 15 minutes).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  type DiscordStandIn,
  type InteractionHandle,
  startDiscordStandIn,
} from './discord-stand-in/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The secret part of a bot token is its last part (an HMAC); the first is the bot's user id in base64. */
const tokenSecret = 'secretsTestHmacPartOfTheToken-MustNeverShow';
const token = `MTI5MDAwMDAwMDAwMDAwMDAwMQ.GsEcRt.${tokenSecret}`;
const refusedSecret = 'refusedTokenHmacPartWhichDiscordRejects_x';
const refusedToken = `MTI5MDAwMDAwMDAwMDAwMDAwMQ.GsEcRt.${refusedSecret}`;
const runTimeoutMs = 40_000;

interface Output {
  mode: string;
  stdout: string;
  stderr: string;
}

const outputs: Output[] = [];
/** Interaction tokens that went to a bot during these tests. */
const interactionTokens: string[] = [];
const children = new Set<ChildProcess>();
const standIns: DiscordStandIn[] = [];

/** A child process as an npm script runs it: its output, and its exit. */
class Run {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly mode: string,
    args: string[],
    env: Record<string, string>,
    input?: string,
  ) {
    const base: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (!/^(DISCORD_|WCO_|LOG_LEVEL$|HOST$|PORT$|SHARD)/.test(key)) base[key] = value;
    }
    this.child = spawn(process.execPath, [join(root, 'scripts', 'run.mjs'), ...args], {
      cwd: root,
      env: { ...base, WCO_SKIP_DOTENV: '1', LOG_LEVEL: 'trace', ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    children.add(this.child);
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString();
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    if (input !== undefined) this.child.stdin?.end(input);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), runTimeoutMs);
    this.exited = new Promise((resolve) =>
      this.child.once('close', (code, signal) => {
        clearTimeout(timer);
        children.delete(this.child);
        outputs.push({ mode: this.mode, stdout: this.stdout, stderr: this.stderr });
        resolve({ code, signal });
      }),
    );
  }

  /** Waits until stdout or stderr matches. */
  async waitFor(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = pattern.exec(this.stdout + this.stderr);
      if (found) return found;
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`${this.mode} exited before printing ${pattern}\n${this.stdout}\n${this.stderr}`);
      }
      if (Date.now() > deadline)
        throw new Error(`${this.mode}: no ${pattern}\n${this.stdout}\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

async function standIn(options: { token: string }): Promise<DiscordStandIn> {
  const started = await startDiscordStandIn(options);
  standIns.push(started);
  return started;
}

/** Nothing secret in one output. */
function expectClean({ mode, stdout, stderr }: Output): void {
  const text = stdout + stderr;
  for (const [what, secret] of [
    ['the token', token],
    ['the secret part of the token', tokenSecret],
    ['the Authorization header value', `Bot ${token}`],
    ['the refused token', refusedToken],
    ['the secret part of the refused token', refusedSecret],
  ] as const) {
    expect(text.includes(secret), `${mode} printed ${what}`).toBe(false);
  }
  for (const interactionToken of interactionTokens) {
    expect(text.includes(interactionToken), `${mode} printed an interaction token`).toBe(false);
  }
  // Tokens are long base64url strings; nothing shaped like one under another name either.
  expect(text).not.toMatch(/[\w-]{24,}\.[\w-]{6}\.[\w-]{27,}/);
}

afterEach(() => {
  // Checked as soon as each run is over, so a failure names the mode.
  for (const output of outputs.splice(0)) expectClean(output);
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const started of standIns) await started.close();
});

describe('no secret in any output', { timeout: 60_000 }, () => {
  it('npm run http: signed and refused requests, an Authorization header sent to it, then SIGTERM', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
    const run = new Run('http', ['http'], {
      DISCORD_TOKEN: token,
      DISCORD_PUBLIC_KEY: publicKeyHex,
      HOST: '127.0.0.1',
      PORT: '0',
    });
    const url = (await run.waitFor(/"url":"(http:\/\/[^"]+)"/))[1];
    const probe = await standIn({ token });
    const payloads = [
      probe.chatInputInteraction({ commandName: 'partner', options: { who: 'interpol' } }),
      probe.chatInputInteraction({ commandName: 'mou', options: { year: 2003 } }),
      probe.autocompleteInteraction({ commandName: 'partner', options: { who: 'int' }, focused: 'who' }),
      probe.componentInteraction({ customId: 'v1:not:a:real:id', componentType: 2 }),
    ];
    for (const payload of payloads) {
      interactionTokens.push(payload.token);
      const body = JSON.stringify(payload);
      const timestamp = `${Math.floor(Date.now() / 1000)}`;
      const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
      const headers = {
        'content-type': 'application/json',
        'x-signature-ed25519': signature,
        'x-signature-timestamp': timestamp,
        authorization: `Bot ${token}`,
      };
      expect((await fetch(`${url}/interactions`, { method: 'POST', headers, body })).status).toBe(200);
      // The same body, not signed: refused, and logged as refused.
      const refused = await fetch(`${url}/interactions`, {
        method: 'POST',
        headers: { ...headers, 'x-signature-ed25519': 'ab'.repeat(64) },
        body,
      });
      expect(refused.status).toBe(401);
    }
    // Signed, but not an interaction, with a token field in it.
    const notInteraction = JSON.stringify({ token: interactionTokens[0], type: 99 });
    const timestamp = `${Math.floor(Date.now() / 1000)}`;
    const response = await fetch(`${url}/interactions`, {
      method: 'POST',
      headers: {
        'x-signature-ed25519': sign(null, Buffer.from(timestamp + notInteraction), privateKey).toString(
          'hex',
        ),
        'x-signature-timestamp': timestamp,
      },
      body: notInteraction,
    });
    expect(response.status).toBe(400);
    await fetch(`${url}/nowhere`, { headers: { authorization: `Bot ${token}` } });
    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
    // It did log: every interaction, and the refusals.
    expect(run.stdout.match(/"msg":"interaction"/g)).toHaveLength(4);
    expect(run.stdout).toMatch(
      /"rejected":\{[^}]*"401 invalid request signature":\d+.*"msg":"\d+ requests refused"/,
    );
  });

  it('npm start with the token: the gateway bot on the stand-in, with refused and failing callbacks', async () => {
    const discord = await standIn({ token });
    const run = new Run('gateway', ['start'], { DISCORD_TOKEN: token, DISCORD_API_URL: discord.apiUrl });
    await run.waitFor(/connected to the gateway/);
    const send = (who: string): InteractionHandle => {
      const handle = discord.dispatchInteraction(
        discord.chatInputInteraction({ commandName: 'partner', options: { who } }),
      );
      interactionTokens.push(handle.token);
      return handle;
    };
    await send('interpol').waitForCallback(10_000);
    const autocomplete = discord.dispatchInteraction(
      discord.autocompleteInteraction({ commandName: 'partner', options: { who: 'in' }, focused: 'who' }),
    );
    interactionTokens.push(autocomplete.token);
    await autocomplete.waitForCallback(10_000);
    // Refused (400): logged as a failed callback, then the apology.
    const refused = send('unep');
    discord.injectRestFault({ path: `/interactions/${refused.id}/:token/callback`, status: 400 });
    await refused.waitForCallback(10_000);
    // Failing for good (503 for every retry of the answer and of the apology): logged twice.
    const failing = send('who');
    discord.injectRestFault({ path: `/interactions/${failing.id}/:token/callback`, status: 503, times: 8 });
    await run.waitFor(/apology failed too/);
    // A gateway fault while at it.
    discord.closeWithCode(4000);
    await run.waitFor(/gateway session resumed/);
    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
    // The token was used (REST and IDENTIFY) and the failures were logged, with their URLs left out.
    expect(discord.requests.some((r) => r.headers.authorization === `Bot ${token}`)).toBe(true);
    expect(run.stdout).toContain('interaction callback failed');
    expect(run.stdout).not.toContain('/callback');
  });

  it('npm start -- --playground with the token set, piped', async () => {
    const run = new Run(
      'playground',
      ['start', '--playground'],
      { DISCORD_TOKEN: token },
      ['/partner who:interpol', '/mou year:2003', '/nonsense', '/partner', ''].join('\n'),
    );
    expect((await run.exited).code).not.toBeNull();
    expect(run.stdout).toContain('INTERPOL');
  });

  it('npm run ask with the token set, in text and --json', async () => {
    const text = new Run('ask', ['ask', '/partner who:interpol'], { DISCORD_TOKEN: token });
    expect((await text.exited).code).toBe(0);
    const json = new Run('ask --json', ['ask', '--json', '/mou year:2003'], { DISCORD_TOKEN: token });
    expect((await json.exited).code).toBe(0);
    expect(JSON.parse(json.stdout).type).toBe(4);
    const bad = new Run('ask (bad line)', ['ask', '/partner who:'], { DISCORD_TOKEN: token });
    expect((await bad.exited).code).toBe(2);
  });

  it('npm run deploy against the stand-in, accepted and with a token it refuses', async () => {
    const discord = await standIn({ token });
    const env = {
      DISCORD_TOKEN: token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
    };
    const accepted = new Run('deploy', ['deploy'], env);
    expect((await accepted.exited).code, accepted.stderr).toBe(0);
    expect(discord.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    const refused = new Run('deploy (refused token)', ['deploy'], { ...env, DISCORD_TOKEN: refusedToken });
    expect((await refused.exited).code).toBe(1);
    expect(refused.stderr).toContain('Discord rejected DISCORD_TOKEN (401 Unauthorized)');
    expect(discord.requests.some((r) => r.headers.authorization === `Bot ${refusedToken}`)).toBe(true);
  });

  it('npm run http with a malformed public key refuses to start', async () => {
    for (const publicKey of ['not-a-key', 'ab'.repeat(31), `${'ab'.repeat(32)}zz`]) {
      const run = new Run(`http (public key ${publicKey.length} chars)`, ['http'], {
        DISCORD_TOKEN: token,
        DISCORD_PUBLIC_KEY: publicKey,
        PORT: '0',
      });
      expect((await run.exited).code).toBe(1);
      expect(run.stderr).toContain('DISCORD_PUBLIC_KEY must be 64 hexadecimal characters');
      expect(run.stderr).not.toContain(publicKey);
    }
  });

  it('npm start with a token the stand-in refuses exits 1', async () => {
    const discord = await standIn({ token });
    const run = new Run('gateway (refused token)', ['start'], {
      DISCORD_TOKEN: refusedToken,
      DISCORD_API_URL: discord.apiUrl,
    });
    expect((await run.exited).code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/could not log in|token/i);
    expect(discord.requests.some((r) => r.headers.authorization === `Bot ${refusedToken}`)).toBe(true);
  });

  it('a token written with its "Bot " prefix, or malformed, is refused without being echoed', async () => {
    for (const [label, value] of [
      ['with the Bot prefix', `Bot ${token}`],
      ['with a line break', `${token}\nextra`],
      ['with a fourth part', `${token}.${tokenSecret}`],
    ] as const) {
      const gateway = new Run(`start (token ${label})`, ['start'], { DISCORD_TOKEN: value });
      expect((await gateway.exited).code).toBe(1);
      expect(gateway.stderr).toMatch(/DISCORD_TOKEN/);
      const deploy = new Run(`deploy (token ${label})`, ['deploy'], {
        DISCORD_TOKEN: value,
        DISCORD_APPLICATION_ID: '1290000000000000001',
        DISCORD_API_URL: 'http://127.0.0.1:9/api',
      });
      expect((await deploy.exited).code).toBe(1);
      expect(deploy.stderr).toMatch(/DISCORD_TOKEN/);
    }
  });
});
