import { PassThrough } from 'node:stream';
import type { APIInteractionResponse, Locale } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { loadBotContext } from '../src/interactions/create-context.js';
import { handleInteraction } from '../src/interactions/handle.js';
import { complete, quoteValue } from '../src/transports/local/complete.js';
import { parseLine } from '../src/transports/local/message-line.js';
import {
  buildAutocompleteInteraction,
  buildBotMessage,
  buildComponentInteraction,
  createLocalSession,
  lexCommandLine,
  parseCommandLine,
} from '../src/transports/local/parse-command-line.js';
import { PlaygroundSession, runPlayground } from '../src/transports/local/playground.js';
import { displayWidth, listChoices, renderResponse, stripAnsi } from '../src/transports/local/render-text.js';
import { interactionFor } from './helpers/bot.js';
import { envWithoutDiscord, type Finished, runToEnd } from './helpers/child-process.js';

/** A terminal of `columns` for runPlayground: its input, its output, and all that was written to it. */
function fakeTerminal(columns: number) {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), { columns, isTTY: true });
  const terminal = { input, output, written: '' };
  output.on('data', (chunk: Buffer) => {
    terminal.written += chunk.toString();
  });
  return terminal;
}

const context = loadBotContext();
const session = createLocalSession();
const ansi = '\x1b[';

/** Runs `npm start` (scripts/run.mjs start) with piped stdin and no Discord credentials or .env. */
function runStart(input: string): Promise<Finished> {
  return runToEnd(['start'], envWithoutDiscord(), input);
}

const parsed = (line: string) => interactionFor(line, session);

function errorOf(line: string): string {
  const result = parseCommandLine(line, commands, session);
  if (result.ok) throw new Error(`expected ${line} not to parse`);
  return result.error;
}

function answer(line: string): APIInteractionResponse {
  return handleInteraction(parsed(line), context);
}

describe('npm start without a token: the playground, piped', () => {
  it('answers `echo "/mou year:2003" | npm start` with plain text and exits 0', async () => {
    const { code, stdout, stderr } = await runStart('/mou year:2003\n');
    expect(code).toBe(0);
    expect(stdout).toContain('INTERPOL');
    expect(stdout).toContain('UNEP');
    expect(stdout).not.toContain(ansi);
    expect(stdout).not.toContain('playground');
    expect(stderr).not.toContain('Invalid');
  });

  it('/help starts with what to type first', () => {
    const text = renderResponse(answer('/help'), { width: 200 });
    expect(text).toContain('│ /partner who:interpol to start:');
  });

  it('--help prints the modes, options and variables and exits 0; unknown options are refused with exit 2', async () => {
    const help = await runToEnd(['start', '--help'], envWithoutDiscord());
    expect(help.code).toBe(0);
    for (const part of ['Usage: npm start', '--playground', '--locale en|fr', 'DISCORD_TOKEN', 'LOG_LEVEL'])
      expect(help.stdout).toContain(part);
    const cases = [
      { args: ['--bogus'], message: 'Unknown option --bogus: npm start -- --help lists the options' },
      { args: ['-x'], message: 'Unknown option -x: npm start -- --help lists the options' },
      { args: ['--locale'], message: '--locale needs a value' },
      { args: ['--locale', 'de'], message: '--locale must be en or fr (got "de")' },
      { args: ['--playground=yes'], message: '--playground takes no value' },
    ];
    for (const { args, message } of cases) {
      const refused = await runToEnd(['start', ...args], envWithoutDiscord(), '/help\n');
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr.trim().split('\n')).toEqual([expect.stringContaining(message)]);
      expect(refused.stdout).toBe('');
    }
    const french = await runToEnd(['start', '--locale', 'fr'], envWithoutDiscord(), '/mou year:2003\n');
    expect(french.code).toBe(0);
    expect(french.stdout).toContain('Accords signés en 2003');
    expect(french.stdout).toContain('PNUE : ');
  });

  it('--playground opens even with a malformed DISCORD_TOKEN set', async () => {
    const { code, stdout } = await runToEnd(
      ['start', '--playground'],
      { ...envWithoutDiscord(), DISCORD_TOKEN: 'not a token' },
      '/mou year:2003\n',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('UNEP');
  });

  it('gives a friendly message for a bad line, answers the others, and exits 2', async () => {
    const { code, stdout, stderr } = await runStart('/bogus\n/partner who:interpol\n\n/mou year:abc\n');
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown command /bogus');
    expect(stderr).toContain('year must be a whole number');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toContain('INTERPOL');
  });

  it('ignores # comment lines and blank lines, and pages with n/p in a script', async () => {
    const { code, stdout, stderr } = await runStart(
      '# the timeline, then its second page and back\n\n/mou\nn\n  # indented comment\np\n',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const replies = stdout.split('(the message is updated)');
    expect(replies).toHaveLength(3);
    expect(replies[1]).toContain('Page 2');
    expect(replies[2]).toContain('Page 1');
  });

  it('answers words as a question, as in a DM; a misspelt command with options is still named, without a slash', async () => {
    const { code, stdout, stderr } = await runStart('hello\npartnr who:interpol\n');
    expect(code).toBe(2);
    expect(stdout).toContain('Ask me about the WCO’s partners');
    expect(stderr).toContain('Unknown command partnr. Did you mean /partner?');
    expect(stderr).not.toContain('/partnr');
  });

  it('Share in channel reads "Shared by @you", not a raw <@id> mention', async () => {
    const { code, stdout } = await runStart(
      '/partner who:interpol private:true\n# 2 is Share in channel\n2\n',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Shared by @you');
    expect(stdout).not.toMatch(/<@!?\d+>/);
  });

  it('picks a menu option by its number', async () => {
    const { code, stdout } = await runStart('/mou year:2003\n2\n');
    expect(code).toBe(0);
    expect(stdout).toContain('United Nations Environment Programme');
    expect(stdout).toContain('(the message is updated)');
  });
});

describe('PlaygroundSession', () => {
  const render = (response: APIInteractionResponse) => renderResponse(response);

  it('runs commands, picks choices, and leaves on /exit', () => {
    const playground = new PlaygroundSession(context, render);
    expect(playground.handleLine('')).toEqual({});
    expect(playground.handleLine('1').error).toMatch(/nothing to pick/);
    const timeline = playground.handleLine('/mou');
    expect(timeline.hasChoices).toBe(true);
    expect(timeline.reply).toMatch(/\[\d+\] Next ▶/);
    const next = /\[(\d+)\] Next ▶/.exec(timeline.reply ?? '')?.[1];
    const page2 = playground.handleLine(`#${next}`);
    expect(page2.reply).toContain('Page 2');
    expect(playground.handleLine('99').error).toMatch(/no choice 99/);
    expect(playground.handleLine('/exit').exit).toBe(true);
    expect(playground.handleLine('/nope').error).toMatch(/Unknown command \/nope/);
  });

  it.each([
    // A line in words is a question for /ask, in the playground's language, as a DM to the bot would be.
    ['who trains sniffer dogs?', session, /WCO Regional Dog Training Centres/],
    ['When did the WCO sign with UNESCO?', session, /26 October 2000/],
    [
      'quand l’OMD a-t-elle signé avec l’UNESCO ?',
      createLocalSession({ locale: 'fr' as Locale }),
      /26 octobre 2000/,
    ],
  ])('answers a question typed in words: %s', (line, where, answer) => {
    const playground = new PlaygroundSession(context, render, where);
    const { reply, error } = playground.handleLine(line);
    expect(error).toBeUndefined();
    expect(reply).toMatch(answer);
  });

  it.each([
    ['help', 'help'],
    ['partner who:interpol', 'partner'],
    ['/ask question:who trains sniffer dogs?', 'ask'],
  ])('still reads %s as a command', (line, command) => {
    const parsed = parseLine(line, commands, session);
    expect(parsed.ok && parsed.interaction.data.name).toBe(command);
  });

  it('turns pages with n/next and p/prev whatever number the buttons have', () => {
    const playground = new PlaygroundSession(context, render);
    expect(playground.handleLine('n').error).toMatch(/no pages/);
    const pageOf = (reply: string | undefined) => /Page (\d+)/.exec(reply ?? '')?.[1];
    const first = playground.handleLine('/mou');
    expect(pageOf(first.reply)).toBe('1');
    expect(playground.handleLine('p').error).toBe('This is the first page.');
    expect(pageOf(playground.handleLine('next').reply)).toBe('2');
    expect(playground.handleLine('N').error).toBe('This is the last page.');
    expect(pageOf(playground.handleLine('prev').reply)).toBe('1');
    expect(pageOf(playground.handleLine('N').reply)).toBe('2');
    expect(pageOf(playground.handleLine('p').reply)).toBe('1');
    let last = '1';
    for (let turns = 0; turns < 50; turns++) {
      const result = playground.handleLine('n');
      if (result.error) {
        expect(result.error).toBe('This is the last page.');
        break;
      }
      last = pageOf(result.reply) ?? last;
    }
    expect(Number(last)).toBe(2);
    // A comment is no pick, even when it starts with a number; `#2` is.
    for (const comment of ['# 1 is the first option', '# 2', '#', '#note']) {
      expect(playground.handleLine(comment), comment).toEqual({});
    }
    expect(playground.handleLine('#2').reply).toContain('(the message is updated)');
  });
});

describe('French command names, and the playground in French (--locale fr)', () => {
  const french = createLocalSession({ locale: 'fr' as Locale });
  const line = (text: string, where = french) => interactionFor(text, where);
  const error = (text: string, where = french) => {
    const result = parseCommandLine(text, commands, where);
    if (result.ok) throw new Error(`expected ${text} not to parse`);
    return result.error;
  };

  it.each([french, session])('takes the English and the French names in either locale (%#)', (where) => {
    for (const [typed, english] of [
      ['/accords année:2003', '/mou year:2003'],
      ['/thème domaine:drugs', '/topic area:drugs'],
      ['/partenaire qui:interpol privé:oui', '/partner who:interpol private:true'],
      ['/accords vue:liste', '/mou view:list'],
      ['/aide', '/help'],
      ['/ACCORDS Année:2003', '/mou year:2003'],
    ] as const) {
      // Discord sends the English names whatever the user's language: the payloads are the same.
      expect(line(typed, where).data, typed).toEqual(line(english, where).data);
    }
    expect(line('/mou année:2003 view:liste', where).data.options).toEqual([
      { name: 'year', type: 4, value: 2003 },
      { name: 'view', type: 3, value: 'list' },
    ]);
  });

  it.each([french, session])('every command /help shows can be typed as shown (%#)', (where) => {
    const help = JSON.stringify(handleInteraction(interactionFor('/help', where), loadBotContext()));
    const shown = [...help.matchAll(/`(\/[^`]+)`/gu)].map((match) => match[1] as string);
    const complete = shown.filter((typed) => !typed.endsWith(':'));
    expect(complete.length).toBeGreaterThan(4);
    for (const typed of complete) expect(parseCommandLine(typed, commands, where).ok, typed).toBe(true);
  });

  it('explains mistakes in French, naming the French commands and options', () => {
    expect(error('/aid')).toBe(
      'Commande inconnue : /aid. Vouliez-vous dire /aide ? Commandes : /partenaire, /accords, /thème, /demander, /aide.',
    );
    expect(error('/accords anne:2003')).toMatch(
      /^\/accords n’a pas d’option « anne »\. Vouliez-vous dire année \?/,
    );
    expect(error('/accords année:deux')).toBe('année doit être un nombre entier (reçu "deux").');
    expect(error('/accords vue:x')).toBe('vue doit être l’une des valeurs liste, chronologie (reçu "x").');
    expect(error('/partenaire')).toMatch(
      /^\/partenaire demande qui : .* Par exemple : \/partenaire qui:interpol$/,
    );
    // English stays English.
    expect(error('/aid', session)).toMatch(/^Unknown command \/aid\. Did you mean \/help\?/);
  });

  it('completes the French names in French, from either language’s start', () => {
    const fr = { session: french };
    expect(complete('/acc', context, fr)).toEqual([['/accords '], '/acc']);
    expect(complete('/mo', context, fr)).toEqual([['/accords '], '/mo']);
    expect(complete('/accords ', context, fr)).toEqual([['année:', 'vue:'], '']);
    expect(complete('/accords année:2003 ', context, fr)).toEqual([['vue:'], '']);
    expect(complete('/accords vue:lis', context, fr)).toEqual([['vue:liste '], 'vue:lis']);
    expect(complete('/partenaire qui:interp', context, fr)[0]).toContain('qui:interpol ');
  });

  it('the playground speaks French: its picks, pages and notes', () => {
    const playground = new PlaygroundSession(
      context,
      (response) => renderResponse(response, { locale: 'fr' }),
      french,
    );
    expect(playground.handleLine('1').error).toBe(
      'Il n’y a encore rien à choisir : lancez une commande dont la réponse a un menu ou des boutons.',
    );
    expect(playground.handleLine('/partenaire qui:unep privé:oui').reply).toMatch(
      /^\(vous seul voyez ceci\)/,
    );
    expect(playground.handleLine('n').error).toMatch(/^La dernière réponse n’a pas de pages/);
    playground.handleLine('/accords');
    expect(playground.handleLine('p').error).toBe('C’est la première page.');
    expect(playground.handleLine('n').reply).toContain('(le message est mis à jour)');
    expect(playground.handleLine('99').error).toMatch(
      /^Il n’y a pas de choix 99 : choisissez un numéro de 1 à \d+\.$/,
    );
  });

  it('`npm start -- --locale fr`, piped: French commands answered, French errors on stderr', async () => {
    const { code, stdout, stderr } = await runToEnd(
      ['start', '--locale', 'fr'],
      envWithoutDiscord(),
      '/accords année:2003\n/aide\n/accords année:deux\n',
    );
    expect(code).toBe(2);
    expect(stdout).toContain('Accords signés en 2003');
    expect(stdout).toContain('(vous seul voyez ceci)');
    expect(stderr).toBe('/accords année:deux\n  année doit être un nombre entier (reçu "deux").\n');
  });
});

describe('parseCommandLine', () => {
  it('builds a realistic chat-input interaction', () => {
    const interaction = parsed('/partner who:interpol');
    expect(interaction).toMatchObject({
      type: 2,
      version: 1,
      application_id: session.applicationId,
      channel_id: session.channelId,
      guild_id: session.guildId,
      locale: 'en-US',
      member: { user: { id: session.user.id } },
      data: { name: 'partner', type: 1, options: [{ name: 'who', type: 3, value: 'interpol' }] },
    });
    expect(interaction.id).toMatch(/^\d{17,20}$/);
    expect(interaction.data.id).toMatch(/^\d{17,20}$/);
    expect(interaction.token.length).toBeGreaterThan(20);
    expect(parsed('/partner who:x').token).not.toBe(interaction.token);
  });

  it('in a DM session, sets user instead of member and guild_id', () => {
    const dm = parseCommandLine('/help', commands, createLocalSession({ guildId: null }));
    if (!dm.ok) throw new Error(dm.error);
    expect(dm.interaction.user?.id).toBe(session.user.id);
    expect(dm.interaction.member).toBeUndefined();
    expect(dm.interaction.guild_id).toBeUndefined();
  });

  it('types options from the command registration: string 3, integer 4, boolean 5', () => {
    expect(parsed('/partner who:"world health" private:true').data.options).toEqual([
      { name: 'who', type: 3, value: 'world health' },
      { name: 'private', type: 5, value: true },
    ]);
    expect(parsed('/mou year:2003').data.options).toEqual([{ name: 'year', type: 4, value: 2003 }]);
    expect(parsed('/topic area:cultural-property').data.options).toEqual([
      { name: 'area', type: 3, value: 'cultural-property' },
    ]);
  });

  it('leaves options out when there are none, as Discord does', () => {
    expect(parsed('/mou').data.options).toBeUndefined();
    expect(parsed('/help').data).toMatchObject({ name: 'help', type: 1 });
  });

  it('accepts quotes, escapes, bare values with spaces, any order, and a missing slash', () => {
    expect(parsed('/partner who:"say \\"hi\\""').data.options?.[0]).toMatchObject({ value: 'say "hi"' });
    expect(parsed("/partner who:'world health'").data.options?.[0]).toMatchObject({ value: 'world health' });
    expect(parsed('/partner who:world health private:false').data.options).toEqual([
      { name: 'who', type: 3, value: 'world health' },
      { name: 'private', type: 5, value: false },
    ]);
    expect(parsed('/partner private:yes who:unep').data.options?.map((option) => option.name)).toEqual([
      'who',
      'private',
    ]);
    expect(parsed('partner who:unep').data.name).toBe('partner');
    expect(parsed('/partner interpol').data.options).toEqual([{ name: 'who', type: 3, value: 'interpol' }]);
    expect(parsed('/partner who:"unterminated').data.options?.[0]).toMatchObject({ value: 'unterminated' });
  });

  it('explains mistakes instead of throwing', () => {
    expect(errorOf('/partnr who:x')).toMatch(/Unknown command \/partnr\. Did you mean \/partner\?/);
    expect(errorOf('')).toMatch(/Type a command/);
    expect(errorOf('/partner whom:x')).toMatch(/no option "whom"\. Did you mean who\?/);
    expect(errorOf('/partner')).toMatch(/\/partner needs who.*For example: \/partner who:interpol/);
    expect(errorOf('/partner private:true')).toMatch(/needs who/);
    expect(errorOf('/mou year:two')).toMatch(/year must be a whole number \(got "two"\)/);
    expect(errorOf('/mou year:20.5')).toMatch(/whole number/);
    expect(errorOf('/mou year:1800')).toMatch(/year must be from 1950 to 2100/);
    expect(errorOf('/partner who:x private:maybe')).toMatch(/private must be true or false/);
    expect(errorOf('/partner who:x who:y')).toMatch(/given twice/);
    expect(errorOf('/partner who: private:true')).toMatch(/who needs a value/);
    expect(errorOf(`/partner who:${'x'.repeat(101)}`)).toMatch(/at most 100 characters/);
    expect(errorOf('/help extra')).toMatch(/takes no options/);
  });

  it('lexes positions for completion', () => {
    const lexed = lexCommandLine('/partner who:"world he');
    expect(lexed.command).toBe('partner');
    expect(lexed.items).toEqual([
      { name: 'who', value: 'world he', quoted: true, closed: false, start: 9, end: 22 },
    ]);
  });

  it('builds autocomplete (type 4, focused) and component (type 3, with message) payloads', () => {
    const partner = commands.find((command) => command.data.name === 'partner');
    if (!partner) throw new Error('no /partner');
    const autocomplete = buildAutocompleteInteraction(
      partner,
      [{ name: 'private', type: 5, value: true }],
      { name: 'who', value: 'inter' },
      session,
    );
    expect(autocomplete).toMatchObject({
      type: 4,
      data: {
        name: 'partner',
        options: [
          { name: 'private', type: 5, value: true },
          { name: 'who', type: 3, value: 'inter', focused: true },
        ],
      },
    });

    const reply = answer('/mou year:2003');
    if (reply.type !== 4) throw new Error('expected a message');
    const [choice] = listChoices(reply.data);
    if (!choice) throw new Error('no choice');
    const message = buildBotMessage(reply.data, session, { commandName: 'mou' });
    const click = buildComponentInteraction(
      {
        message,
        customId: choice.customId,
        componentType: choice.componentType,
        values: [choice.value ?? ''],
      },
      session,
    );
    expect(click).toMatchObject({
      type: 3,
      data: { custom_id: choice.customId, component_type: 3, values: ['interpol'] },
      message: { id: message.id, author: { bot: true }, components: reply.data.components },
    });
    const clicked = handleInteraction(click, context);
    expect(clicked.type).toBe(7);
  });
});

describe('complete (Tab)', () => {
  it('completes command names', () => {
    expect(complete('/pa', context)).toEqual([['/partner '], '/pa']);
    expect(complete('/', context)[0]).toEqual(['/partner ', '/mou ', '/topic ', '/ask ', '/help ']);
    expect(complete('', context)[0]).toHaveLength(5);
    expect(complete('/de', context)).toEqual([['/ask '], '/de']);
    expect(complete('/ex', context, { extraCommands: ['exit'] })).toEqual([['/exit '], '/ex']);
    expect(complete('/zzz', context)[0]).toEqual([]);
  });

  it('completes option names, leaving out the ones already given', () => {
    expect(complete('/partner ', context)).toEqual([['who:', 'private:'], '']);
    expect(complete('/partner w', context)).toEqual([['who:'], 'w']);
    expect(complete('/partner who:interpol ', context)).toEqual([['private:'], '']);
    expect(complete('/partner who:interpol pr', context)).toEqual([['private:'], 'pr']);
    expect(complete('/help ', context)).toEqual([[], '']);
  });

  it('completes values through the command’s own autocomplete handler', () => {
    const [completions, substring] = complete('/partner who:interp', context);
    expect(substring).toBe('who:interp');
    expect(completions).toContain('who:interpol ');

    // The same values the command's handler gives to Discord.
    const partner = commands.find((command) => command.data.name === 'partner');
    if (!partner?.autocomplete) throw new Error('no /partner autocomplete');
    const direct = partner.autocomplete(
      buildAutocompleteInteraction(partner, [], { name: 'who', value: 'interp' }, session),
      context,
    );
    const offered = direct.data.choices?.map((choice) => `who:${quoteValue(String(choice.value))} `);
    for (const completion of completions) expect(offered).toContain(completion);

    // Choices starting with the typed text win, so one Tab completes; a typo gets the fuzzy matches.
    expect(complete('/topic area:cult', context)).toEqual([['area:cultural-property '], 'area:cult']);
    expect(complete('/partner who:interpl', context)).toEqual([['who:interpol '], 'who:interpl']);
    expect(complete('/partner who:"world he', context)[1]).toBe('who:"world he');
  });

  it('lists partner names, as Discord shows them, when several match (not their ids)', () => {
    const [values, substring, labels] = complete('/partner who:un', context);
    expect(substring).toBe('who:un');
    expect(values.length).toBeGreaterThan(1);
    const names = new Set(context.dataset.partners.map((partner) => partner.name));
    const ids = new Set(context.dataset.partners.map((partner) => partner.id));
    expect(labels?.length).toBe(values.length);
    for (const label of labels ?? []) {
      expect(ids.has(label)).toBe(false);
      expect([...names].some((name) => label.includes(name))).toBe(true);
    }
    // One match: no list, its value is inserted.
    expect(complete('/partner who:interpl', context)[2]).toBeUndefined();
  });

  it('completes booleans, and quotes values with spaces', () => {
    expect(complete('/partner who:x private:t', context)).toEqual([['private:true '], 'private:t']);
    expect(quoteValue('interpol')).toBe('interpol');
    expect(quoteValue('world health')).toBe('"world health"');
    expect(quoteValue('say "hi"')).toBe('"say \\"hi\\""');
  });
});

describe('render-text', () => {
  it('plain mode: no ANSI, numbered choices, lines that fit 80 columns', () => {
    const text = renderResponse(answer('/mou year:2003'));
    expect(text).not.toContain(ansi);
    expect(text).toContain('Agreements signed in 2003');
    expect(text).toMatch(/\[1\] INTERPOL/);
    expect(text).toMatch(/\[2\] UNEP/);
    expect(text).not.toContain('**');
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('numbers buttons after menu options, and marks disabled ones', () => {
    const response = answer('/mou');
    const text = renderResponse(response);
    if (response.type !== 4) throw new Error('expected a message');
    const choices = listChoices(response.data);
    const next = choices.find((choice) => choice.kind === 'button');
    expect(next?.label).toBe('Next ▶');
    expect(text).toContain(`[${next?.number}] Next ▶`);
    expect(text).toContain('[-] ◀ Previous');
    expect(choices.map((choice) => choice.number)).toEqual(choices.map((_, index) => index + 1));
  });

  it('shows user mentions as @you (the local user) or @someone, never the raw <@id>', () => {
    const text = renderResponse(
      {
        type: 4,
        data: {
          content: `Shared by <@${session.user.id}> for <@!123456789012345678>`,
          allowed_mentions: { parse: [] },
        },
      },
      { you: session.user.id },
    );
    expect(text).toBe('Shared by @you for @someone');
  });

  it('marks ephemeral replies', () => {
    expect(renderResponse(answer('/partner who:unep private:true'))).toMatch(/^\(only you can see this\)/);
    expect(renderResponse(answer('/partner who:unep'))).not.toContain('only you can see this');
  });

  it('draws text-style emoji without VS16, so terminals that draw them one column wide keep boxes aligned', () => {
    const text = renderResponse(
      {
        type: 4,
        data: { embeds: [{ title: 'x', fields: [{ name: '🗓️ Milestones', value: '🏷️ tag 📄' }] }] },
      },
      { color: true, width: 60 },
    );
    expect(stripAnsi(text)).toContain('🗓  Milestones');
    expect(stripAnsi(text)).toContain('🏷  tag 📄');
    expect(text).not.toContain('\uFE0F');
  });

  it('re-reads the terminal width for every reply (after a resize)', async () => {
    const terminal = fakeTerminal(100);
    const { input, output } = terminal;
    const done = runPlayground({ context, input, output, errors: output, interactive: true, color: true });
    const boxWidths = () =>
      terminal.written
        .split(/\r?\n/)
        .map((line) => stripAnsi(line))
        .filter((line) => line.startsWith('╭'))
        .map((line) => displayWidth(line));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    input.write('/partner who:interpol\n');
    await settle();
    output.columns = 60;
    input.write('/partner who:interpol\n');
    await settle();
    input.end();
    await done;
    expect(boxWidths()).toEqual([100, 60]);
  });

  it.each(['en-US', 'fr'] as const)('the greeting’s example commands run as shown (%s)', async (locale) => {
    const terminal = fakeTerminal(200);
    const { input, output } = terminal;
    const where = createLocalSession({ locale: locale as Locale });
    const done = runPlayground({ context, input, output, errors: output, interactive: true, session: where });
    input.end();
    await done;
    const greeting = stripAnsi(terminal.written).split('\n').slice(0, 3).join(' ');
    const examples = greeting.match(/\/\S+(?: \S+:\S+)?/gu) ?? [];
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples.filter((typed) => !typed.startsWith('/message'))) {
      expect(parseCommandLine(example, commands, where).ok, example).toBe(true);
    }
    if (locale === 'fr') expect(greeting).toContain('/thème domaine:biens-culturels');
  });

  it('wraps the hint under a reply with choices to the terminal, in French too (no word cut at the edge)', async () => {
    const terminal = fakeTerminal(60);
    const { input, output } = terminal;
    const where = createLocalSession({ locale: 'fr' as Locale });
    const done = runPlayground({ context, input, output, errors: output, interactive: true, session: where });
    input.write('/accords\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    input.end();
    await done;
    const lines = stripAnsi(terminal.written).split(/\r?\n/u);
    expect(lines.some((line) => line.startsWith('Tapez un numéro'))).toBe(true);
    expect(lines.filter((line) => displayWidth(line) > 60)).toEqual([]);
  });

  it('Ctrl-C clears a half-typed line; on an empty prompt it leaves with exit code 130', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = Object.assign(new PassThrough(), { columns: 100, isTTY: true });
    output.resume();
    let code: number | undefined;
    const done = runPlayground({ context, input, output, errors: output, interactive: true }).then((exit) => {
      code = exit;
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    input.write('/partner who:inter');
    await settle();
    input.write('\x03');
    await settle();
    expect(code).toBeUndefined();
    input.write('\x03');
    await done;
    expect(code).toBe(130);
  });

  it('colour mode: ANSI boxes in the embed colour, every line the same width', () => {
    const text = renderResponse(answer('/partner who:interpol'), { color: true, width: 90 });
    expect(text).toContain(ansi);
    expect(text).toContain('╭');
    expect(text).toContain('38;2;');
    const boxLines = text.split('\n').filter((line) => /^[│╭╰]/.test(stripAnsi(line)));
    expect(boxLines.length).toBeGreaterThan(5);
    for (const line of boxLines) expect(displayWidth(line)).toBe(90);
  });

  it('wraps long text and unbreakable words to the width', () => {
    const text = renderResponse(
      {
        type: 4,
        data: {
          content: `${'word '.repeat(60)}${'x'.repeat(200)}`,
          embeds: [{ description: 'y'.repeat(300) }],
        },
      },
      { width: 60 },
    );
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  });

  it('renders markdown readably: bold, code, links and escapes', () => {
    const text = renderResponse({
      type: 4,
      data: { content: '**Bold** `code` [site](https://example.org) \\*not italic\\* <t:0:D>' },
    });
    expect(text).toBe('Bold code site (https://example.org) *not italic* 1970-01-01');
  });

  it('renders PONG, autocomplete suggestions and updates', () => {
    expect(renderResponse({ type: 1 })).toBe('PONG');
    expect(
      renderResponse({ type: 8, data: { choices: [{ name: 'INTERPOL', value: 'interpol' }] } }),
    ).toContain('INTERPOL');
    expect(renderResponse({ type: 7, data: { content: 'new' } })).toBe('(the message is updated)\nnew');
  });
});
