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
    const french = 'L’OMD et l’ICOM ont signé un protocole d’accord (MOU) le 1er janvier 2000.';
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
    expect(help.stdout).toContain('--click LABEL');
    // The message command, which no slash command reaches, is named with an example that runs.
    const example = /\/message "[^"]+"/u.exec(help.stdout)?.[0] ?? '';
    expect(example).not.toBe('');
    const mentions = await ask(example);
    expect(mentions.code).toBe(0);
    expect(mentions.stdout).toContain('WCO partners in this message');
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

  it("--click follows a button by its label words: the card's Sources shows the quotes", async () => {
    const { code, stdout, stderr } = await ask('/partner who:interpol', '--click', 'Sources');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Sources: International Criminal Police Organization');
    expect(stdout).toContain('The two Secretariats signed a Memorandum of Understanding in 2003.');
    // The card itself (its fields, its numbered button) is not printed: only the reply the click brings.
    expect(stdout).not.toContain('📄 Agreements');
    expect(stdout).not.toContain('[1] 📑 Sources');
  });

  it('--click picks a menu option by its value, and clicks on, one after the other', async () => {
    const unep = await ask('/mou year:2003', '--click=unep');
    expect(unep.code).toBe(0);
    expect(unep.stdout).toContain('United Nations Environment Programme (UNEP)');

    const [second, back] = await Promise.all([
      ask('/mou', '--click', 'next'),
      ask('/mou', '--click', 'Next', '--click', 'previous'),
    ]);
    expect(second.stdout).toMatch(/Page 2 of \d/);
    expect(back.stdout).toMatch(/Page 1 of \d/);
  });

  it('--click that matches nothing, or several, says so with the choices and exits 2', async () => {
    const none = await ask('/partner who:interpol', '--click', 'Bogus');
    expect({ code: none.code, stdout: none.stdout }).toEqual({ code: 2, stdout: '' });
    expect(none.stderr).toBe(
      'No button or menu option of the reply to /partner matches "Bogus". Its choices: 📑 Sources (button).\n',
    );

    const several = await ask('/mou', '--click', 'UN');
    expect(several.code).toBe(2);
    expect(several.stderr).toContain(
      '"UN" matches several choices of the reply to /mou: UNODC (menu: unodc), ',
    );
    expect(several.stderr).toContain('UNEP (menu: unep)');

    const nothing = await ask('/help', '--click', 'Sources');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('the reply to /help has no buttons or menus');
  });

  it('--click with --json prints the payload of the reply the click brings', async () => {
    const { code, stdout } = await ask('/partner who:interpol', '--click', 'Sources', '--json');
    expect(code).toBe(0);
    const payload = JSON.parse(stdout);
    expect(payload.type).toBe(4);
    expect(payload.data.flags & 64).toBe(64);
    expect(payload.data.embeds[0].title).toContain('Sources');
  });

  it('each --click follows the command before it; replies are labelled with their clicks', async () => {
    const { code, stdout, stderr } = await ask(
      '/partner who:interpol',
      '--click',
      'Sources',
      '/mou year:2003',
      '--click',
      'unep',
      '/help',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const sections = stdout.split(/^── /m).filter(Boolean);
    expect(sections.map((section) => section.split(' ─')[0])).toEqual([
      '/partner who:interpol --click "Sources"',
      '/mou year:2003 --click "unep"',
      '/help',
    ]);
    expect(sections[1]).toContain('United Nations Environment Programme');
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
