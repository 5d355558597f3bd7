import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { envWithoutDiscord, type Finished, projectRoot, runToEnd } from './helpers/child-process.js';

/** `npm run ask -- ...`, without Discord credentials or the developer's .env. */
function ask(...args: string[]): Promise<Finished> {
  return runToEnd(['ask', '--', ...args], envWithoutDiscord());
}

describe('npm run ask', () => {
  it('prints the reply as plain text (a typo still finds INTERPOL)', async () => {
    const { code, stdout, stderr } = await ask('/partner who:interpl');
    expect(code).toBe(0);
    expect(stdout).toContain('International Criminal Police Organization');
    expect(stdout).toContain('INTERPOL');
    expect(stdout).not.toContain('\x1b[');
    expect(stderr).toBe('');
  });

  it('answers a question in words: /ask and /demander, each in either locale', async () => {
    const english = 'The WCO and ICOM signed an MOU on 1 January 2000.';
    const french = 'L’OMD et ICOM ont signé un protocole d’accord (MOU) le 1er janvier 2000.';
    const cases = [
      { args: ['/ask question:"when did the WCO sign with ICOM?"'], first: english },
      { args: ['/demander question:"when did the WCO sign with ICOM?"'], first: english },
      { args: ['/ask', 'question:"when did the WCO sign with ICOM?"', '--locale', 'fr'], first: french },
      { args: ['/demander question:"when did the WCO sign with ICOM?"', '--locale', 'fr'], first: french },
    ];
    for (const { args, first } of cases) {
      const { code, stdout, stderr } = await ask(...args);
      expect(stderr, args.join(' ')).toBe('');
      expect(code).toBe(0);
      expect(stdout.split('\n')[0], args.join(' ')).toBe(first);
    }
  });

  it('accepts the command split over several arguments', async () => {
    const { code, stdout } = await ask('/mou', 'year:2003');
    expect(code).toBe(0);
    expect(stdout).toContain('UNEP');
  });

  it('answers several commands one after the other, each under its own label, never joined into one', async () => {
    const { code, stdout, stderr } = await ask('/mou year:2003', '/help');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const sections = stdout.split(/^── /m).filter(Boolean);
    expect(sections.map((section) => section.split(' ─')[0])).toEqual(['/mou year:2003', '/help']);
    expect(sections[0]).toContain('UNEP');
    expect(sections[1]).toContain('view:timeline');

    const json = await ask('/mou year:2003', '/help', '--json');
    expect(JSON.parse(json.stdout)).toHaveLength(2);

    // A bad one among them: the others are answered, the bad one named on stderr, exit 2.
    const mixed = await ask('/mou', 'year:2003', '/hep');
    expect(mixed.code).toBe(2);
    expect(mixed.stdout).toContain('── /mou year:2003 ');
    expect(mixed.stderr).toContain('/hep\n  Unknown command /hep. Did you mean /help?');
  });

  it('refuses unknown options in one line with exit 2, and prints its usage with --help', async () => {
    const cases = [
      {
        args: ['/help', '--bogus'],
        code: 2,
        stderr: 'Unknown option --bogus: npm run ask -- --help lists the options\n',
      },
      { args: ['/help', '--locale', 'xx'], code: 2, stderr: '--locale must be en or fr (got "xx")\n' },
      {
        args: ['/help', '--out'],
        code: 2,
        stderr: '--out needs a value: npm run ask -- --help lists the options\n',
      },
    ];
    for (const { args, code, stderr } of cases) {
      const result = await ask(...args);
      expect({ code: result.code, stderr: result.stderr, stdout: result.stdout }).toEqual({
        code,
        stderr,
        stdout: '',
      });
    }
    const help = await ask('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run ask');
    expect((await ask('/help', '--locale', 'fr')).code).toBe(0);
  });

  it.each([
    [['--locale', 'fr', '/mou year:2003'], 'Accords signés en 2003'],
    [['/mou year:2003', '--locale', 'fr'], 'Accords signés en 2003'],
    [['--locale', 'en', '/mou year:2003'], 'Agreements signed in 2003'],
  ])('%j: replies in the language of --locale', async (args, title) => {
    const { code, stdout } = await ask(...args);
    expect(code).toBe(0);
    expect(stdout).toContain(title);
  });

  it('--json prints the exact interaction response payload', async () => {
    const { code, stdout } = await ask('/mou year:2003', '--json');
    expect(code).toBe(0);
    const payload = JSON.parse(stdout);
    expect(payload.type).toBe(4);
    expect(payload.data.allowed_mentions.parse).toEqual([]);
    expect(payload.data.embeds[0].title).toContain('2003');
    expect(stdout).toContain('\n  "type": 4');
  });

  it('through npm as the README writes it (`npm run --silent ask -- … --json`), stdout is JSON only', async () => {
    // Without --silent npm 11 prints its "> wco-partner-bot@… ask" banner on stdout, which no JSON parser takes.
    const child = spawn('npm', ['run', '--silent', 'ask', '--', '/mou year:2003', '--json'], {
      cwd: projectRoot,
      env: envWithoutDiscord(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).type).toBe(4);
  });

  it('exits 2 with the message on stderr when the line cannot be parsed', async () => {
    const bad = await ask('/partner whom:interpol');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('/partner has no option "whom"');

    const empty = await ask();
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('Usage: npm run ask');
  });
});
