/**
 * French (issue 14 part 4): the registrations' localisations follow Discord's naming rules, and every reply
 * (every command with representative inputs, and what each of their buttons and menus answers) comes in
 * both languages, with no English UI text left in the French ones and Discord's limits kept.
 */
import type {
  APIInteraction,
  APIInteractionResponse,
  APIInteractionResponseCallbackData,
  Locale,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { messageCommands } from '../commands/index.js';
import { discordLimits, embedsTotalLength } from '../src/cards/limits.js';
import { agreementsByYear } from '../src/data/agreements.js';
import { catalogueFor, catalogues, en, fr, type Messages } from '../src/i18n/index.js';
import { handleInteraction } from '../src/interactions/handle.js';
import { commandRegistrations } from '../src/interactions/registration.js';
import { timelineSvg } from '../src/render/timeline-svg.js';
import { buildMessageCommandInteraction } from '../src/transports/local/message-line.js';
import {
  buildBotMessage,
  buildComponentInteraction,
  createLocalSession,
  type LocalSession,
} from '../src/transports/local/parse-command-line.js';
import { responseProblems } from './helpers/arbitraries.js';
import { clickablesOf, context, interactionFor } from './helpers/bot.js';

// Discord's rule for chat-input command and option names (lower case where the script has case).
const chatInputName = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const isLowerCase = (name: string) => name === name.toLowerCase();

describe('registration localisations', () => {
  const registrations = commandRegistrations();
  const otherLocales = catalogues.filter((t) => t !== en).map((t) => t.locale);

  it('every command has a name (and a description, for slash commands) in every other language', () => {
    expect(otherLocales).toEqual(['fr']);
    for (const command of registrations) {
      for (const locale of otherLocales) {
        expect(command.name_localizations?.[locale as Locale], command.name).toBeTruthy();
        if (command.type !== 3)
          expect(command.description_localizations?.[locale as Locale], command.name).toBeTruthy();
      }
    }
  });

  const names: [string, string, boolean][] = registrations.flatMap((command) => {
    const chatInput = command.type !== 3;
    const own = [command.name, ...Object.values(command.name_localizations ?? {})];
    const options =
      'options' in command
        ? (command.options ?? []).flatMap((o) => [o.name, ...Object.values(o.name_localizations ?? {})])
        : [];
    return [...own, ...options].map((name): [string, string, boolean] => [
      command.name,
      String(name),
      chatInput,
    ]);
  });

  it.each(names)('/%s: the name "%s" is valid', (_command, name, chatInput) => {
    if (chatInput) {
      expect(name).toMatch(chatInputName);
      expect(isLowerCase(name)).toBe(true);
    } else {
      // Message commands: what people read, spaces and capitals allowed.
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(32);
    }
  });

  const descriptions: [string, string][] = registrations.flatMap((command) => {
    const own =
      'description' in command
        ? [command.description ?? '', ...Object.values(command.description_localizations ?? {})]
        : [];
    const options =
      'options' in command
        ? (command.options ?? []).flatMap((o) => [
            o.description,
            ...Object.values(o.description_localizations ?? {}),
            ...('choices' in o
              ? (o.choices ?? []).flatMap((c) => [c.name, ...Object.values(c.name_localizations ?? {})])
              : []),
          ])
        : [];
    return [...own, ...options].map((text): [string, string] => [command.name, String(text)]);
  });

  it.each(descriptions)('/%s: "%s" is 1–100 characters', (_command, text) => {
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(100);
  });

  it('a translated name differs from the English one (otherwise it is not translated)', () => {
    for (const command of registrations) expect(command.name_localizations?.fr).not.toBe(command.name);
  });
});

describe('choosing the language', () => {
  it.each([
    ['fr', fr],
    ['fr-CA', fr],
    ['en-US', en],
    ['en-GB', en],
    ['de', en],
    [undefined, en],
    [42, en],
  ])('locale %s → %s', (locale, expected) => {
    expect(catalogueFor(locale)).toBe(expected);
  });

  it.each([
    ['2007-01-12', '12 January 2007', '12 janvier 2007'],
    ['2002-07', 'July 2002', 'juillet 2002'],
    ['2003', '2003', '2003'],
    ['2005-08-01', '1 August 2005', '1er août 2005'],
  ])('the date %s keeps its precision: %s / %s', (date, english, french) => {
    expect(en.date(date)).toBe(english);
    expect(fr.date(date)).toBe(french);
  });
});

const sessions: Record<'en' | 'fr', LocalSession> = {
  en: createLocalSession(),
  fr: createLocalSession({ locale: 'fr' as Locale }),
};

interface Exchange {
  what: string;
  interaction: APIInteraction;
  response: APIInteractionResponse;
}

function answer(what: string, interaction: APIInteraction): Exchange {
  return { what, interaction, response: handleInteraction(interaction, context) };
}

function dataOf(response: APIInteractionResponse): APIInteractionResponseCallbackData | undefined {
  return response.type === 4 || response.type === 7 ? response.data : undefined;
}

/** Every click on a reply (the first value of each menu), answered as the same user. */
function clicksOn(exchange: Exchange, session: LocalSession): Exchange[] {
  const data = dataOf(exchange.response);
  if (!data) return [];
  const message = buildBotMessage(data, session, { commandName: 'test' });
  return clickablesOf(data).map((clickable) =>
    answer(
      `${exchange.what} → ${clickable.customId}`,
      buildComponentInteraction(
        {
          message,
          customId: clickable.customId,
          componentType: clickable.componentType,
          values: clickable.values.length ? [clickable.values[0] as string] : undefined,
        },
        session,
      ),
    ),
  );
}

const messageCommand = messageCommands[0];
const mentioning =
  'Following up on the UNODC–WCO Container Control Programme and the INTERPOL meeting: WHO, IATA and Europol ' +
  'join the money laundering and drugs sessions; dog training in Almaty as usual.';

/** The same command with its first option set to `value`, as a client bypassing Discord's checks could. */
function withFirstOption({ what, interaction }: Exchange, value: string | number): Exchange {
  const changed = structuredClone(interaction) as APIInteraction & {
    data: { options: { value: unknown }[] };
  };
  (changed.data.options[0] as { value: unknown }).value = value;
  return answer(`${what} (${JSON.stringify(value)} instead)`, changed);
}

/** Every reply the bot can give a user, two clicks deep, in the session's language. */
function everyReply(session: LocalSession): Exchange[] {
  const line = (text: string) => answer(text, interactionFor(text, session));
  const years = [...agreementsByYear(context.dataset).keys()].filter((y): y is number => y !== null);
  const first: Exchange[] = [
    ...context.dataset.partners.map((p) => line(`/partner who:${p.id}`)),
    ...context.dataset.partners.map((p) => line(`/partner who:${p.id} private:true`)),
    line('/partner who:money laundering'),
    line('/partner who:interpl'),
    line('/partner who:qqqqzzzz'),
    ...context.dataset.topics.map((t) => line(`/topic area:${t.slug}`)),
    line('/topic area:crime'),
    line('/topic area:qqqqzzzz'),
    ...years.map((year) => line(`/mou year:${year}`)),
    line('/mou year:1960'),
    withFirstOption(line('/mou year:2003'), 1800),
    withFirstOption(line('/partner who:interpol'), ' '),
    withFirstOption(line('/topic area:drugs'), ' '),
    line('/mou'),
    line('/mou view:timeline'),
    line('/help'),
  ];
  if (messageCommand) {
    for (const text of [mentioning, 'Lunch at noon?', 'A meeting in Geneva on drugs.']) {
      first.push(answer(`message "${text}"`, buildMessageCommandInteraction(messageCommand, text, session)));
    }
  }
  const unknown = structuredClone(first[0]?.interaction) as APIInteraction & { data: { name: string } };
  unknown.data.name = 'nosuchcommand';
  first.push(answer('unknown command', unknown));
  const second = first.flatMap((exchange) => clicksOn(exchange, session));
  const third = second
    .filter((exchange) => exchange.what.includes(':sources:') || exchange.what.includes(':open:'))
    .flatMap((exchange) => clicksOn(exchange, session));
  return [...first, ...second, ...third];
}

/** The texts of a reply a reader sees. */
function textsOf(response: APIInteractionResponse): string[] {
  const data = dataOf(response);
  if (!data) return [];
  const texts: string[] = [data.content ?? ''];
  for (const embed of data.embeds ?? []) {
    texts.push(embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '');
    for (const field of embed.fields ?? []) texts.push(field.name, field.value);
  }
  for (const row of data.components ?? []) {
    if (!('components' in row)) continue;
    for (const component of row.components) {
      if ('label' in component) texts.push(component.label ?? '');
      if ('placeholder' in component) texts.push(component.placeholder ?? '');
      if ('options' in component)
        for (const option of component.options ?? []) texts.push(option.label, option.description ?? '');
    }
  }
  for (const attachment of data.attachments ?? []) texts.push(attachment.description ?? '');
  return texts.filter(Boolean);
}

/** A private-use character: never in the catalogues' own texts. */
const hole = '\uE000';

/** What a catalogue entry renders to, with every argument left as a hole. */
function rendered(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  if (typeof entry === 'function') {
    const args = Array.from({ length: Math.max(entry.length, 1) }, () => hole);
    try {
      return [String(entry(...args))];
    } catch {
      return [String(entry(...args.map(() => [hole])))];
    }
  }
  if (entry && typeof entry === 'object') return Object.values(entry).flatMap(rendered);
  return [];
}

/** The fixed pieces of text of a catalogue (between the holes, line by line). */
function fragmentsOf(t: Messages): Set<string> {
  const { date: _date, commands: _commands, ...rest } = t;
  return new Set(
    Object.values(rest)
      .flatMap(rendered)
      .flatMap((text) => text.split(hole).flatMap((piece) => piece.split('\n')))
      .map((piece) => piece.trim())
      .filter((piece) => /[A-Za-z]{4}/.test(piece)),
  );
}

describe('every reply in both languages', () => {
  const english = everyReply(sessions.en);
  const french = everyReply(sessions.fr);
  const dataText = JSON.stringify(context.dataset).toLowerCase();
  // English UI texts: not the same in French (such as "📑 Sources"), not words the data itself uses.
  const frenchFragments = fragmentsOf(fr);
  const englishUi = [...fragmentsOf(en)].filter(
    (piece) => !frenchFragments.has(piece) && !dataText.includes(piece.toLowerCase()),
  );

  it('the same replies are made in both languages (one per input, clicks included)', () => {
    expect(french.length).toBe(english.length);
    expect(french.length).toBeGreaterThan(200);
    expect(french.map((e) => e.response.type)).toEqual(english.map((e) => e.response.type));
  });

  it('the English UI texts checked for are really used in the English replies', () => {
    const englishText = english.flatMap((e) => textsOf(e.response)).join('\n');
    const used = englishUi.filter((piece) => englishText.includes(piece));
    expect(englishUi.length).toBeGreaterThan(60);
    expect(used.length).toBeGreaterThan(40);
  });

  it('no English UI text is left in a French reply', () => {
    const leaks = french.flatMap((exchange) =>
      textsOf(exchange.response).flatMap((text) =>
        englishUi.filter((piece) => text.includes(piece)).map((piece) => `${exchange.what}: “${piece}”`),
      ),
    );
    expect(leaks).toEqual([]);
  });

  it('each French card says once that the quoted source text is in English', () => {
    for (const exchange of french) {
      for (const embed of dataOf(exchange.response)?.embeds ?? []) {
        if (!embed.footer) continue;
        const count = JSON.stringify(embed).split(fr.sourceInEnglish).length - 1;
        expect(count, exchange.what).toBe(1);
      }
    }
  });

  it.each([
    ['en', english],
    ['fr', french],
  ] as const)('every %s reply fits Discord’s limits and pings no one', (_language, exchanges) => {
    // The picture reply's image and attachments are outside the fuzz schema; its limits are checked below.
    const [picture, others] = [
      exchanges.filter((e) => e.what === '/mou view:timeline'),
      exchanges.filter((e) => e.what !== '/mou view:timeline'),
    ];
    const problems = others.flatMap((e) => responseProblems(e.interaction, e.response, []));
    expect(problems).toEqual([]);
    expect(picture).toHaveLength(1);
    const embeds = dataOf(picture[0]?.response as APIInteractionResponse)?.embeds ?? [];
    expect(embeds).toHaveLength(1);
    expect(embedsTotalLength(embeds)).toBeLessThanOrEqual(discordLimits.embedsTotal);
  });

  it('the timeline picture is drawn in French too', () => {
    const svg = timelineSvg(context.dataset, fr);
    const englishSvg = timelineSvg(context.dataset, en);
    expect(svg).toContain(fr.dateNotStated);
    expect(svg).toContain(fr.svgTitle(1993, 2012).slice(0, 10));
    for (const text of [en.dateKnownToThe, en.legendFocusArea, en.precisionYear, en.dateNotStated]) {
      expect(englishSvg).toContain(text);
      expect(svg).not.toContain(text);
    }
  });
});
