/**
 * /ask (/demander) through the shared router: registration, the direct answer first and what backs it under
 * it, its buttons and menus, both languages, and replies Discord accepts for every question of the sets.
 */
import { InteractionResponseType, type Locale, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commandsByName } from '../../commands/index.js';
import { en, fr } from '../../src/i18n/index.js';
import { handleInteraction } from '../../src/interactions/handle.js';
import { contextFor } from '../../src/interactions/locale-context.js';
import { commandRegistrations } from '../../src/interactions/registration.js';
import { answerQuestion } from '../../src/questions/index.js';
import { decodeCustomId } from '../../src/toolkit/custom-id.js';
import { createLocalSession } from '../../src/transports/local/parse-command-line.js';
import { responseProblems } from '../helpers/arbitraries.js';
import { ask, click, clickablesOf, context, interactionFor, messageOf } from '../helpers/bot.js';

const french = createLocalSession({ locale: 'fr' as Locale });
const askLine = (question: string) => `/ask question:"${question}"`;

describe('/ask registration', () => {
  it('is registered like the other commands, in both languages, with one required question', () => {
    const registration = commandRegistrations().find((command) => command.name === 'ask');
    const partner = commandRegistrations().find((command) => command.name === 'partner');
    expect(registration?.name_localizations).toEqual({ fr: 'demander' });
    expect(registration?.contexts).toEqual(partner?.contexts);
    expect(registration?.integration_types).toEqual(partner?.integration_types);
    const [option] = registration && 'options' in registration ? (registration.options ?? []) : [];
    expect(option).toMatchObject({
      name: 'question',
      name_localizations: { fr: 'question' },
      required: true,
      type: 3,
    });
    expect(commandsByName.get('ask')).toBeDefined();
  });
});

describe('/ask replies', () => {
  it('opens with the answer, then a button to the partner card and its Sources button', () => {
    const data = messageOf(ask(askLine('When did the WCO sign with the IAEA?')));
    expect(data.content).toBe('The WCO and IAEA signed an MOU on 13 May 1998.');
    // The card is a click away: under the answer it would not fit a phone screen (tests/ask-layout.test.ts).
    expect(data.embeds ?? []).toHaveLength(0);
    const [card, sources] = clickablesOf(data);
    expect(decodeCustomId(card?.customId ?? '')).toMatchObject({ command: 'partner', action: 'card' });
    // The card comes as a message only the clicker sees: the answer stays in the channel as it was.
    const opened = click(data, card as never);
    expect(opened.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(messageOf(opened).flags).toBe(MessageFlags.Ephemeral);
    expect(messageOf(opened).embeds?.[0]?.title).toContain('International Atomic Energy Agency');
    expect(decodeCustomId(sources?.customId ?? '')).toMatchObject({ command: 'card', action: 'sources' });
    const sourcesReply = messageOf(click(data, sources as never));
    expect(sourcesReply.embeds?.[0]?.description ?? '').toContain('13 May 1998');
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers in the reader’s language, whatever the question’s', () => {
    const data = messageOf(
      handleInteraction(interactionFor(askLine('when did the wco sign with unesco'), french), context),
    );
    expect(data.content).toBe('L’OMD et l’UNESCO ont signé un protocole d’accord (MOU) le 26 octobre 2000.');
  });

  it('backs a subject with the focus area card, whose menu opens a partner card', () => {
    const data = messageOf(ask(askLine('which partners help with nuclear smuggling')));
    expect(data.content).toMatch(/IAEA/);
    expect(data.embeds?.[0]?.title).toMatch(/Nuclear and radioactive material/);
    const [menu] = clickablesOf(data);
    const opened = messageOf(click(data, menu as never, 'iaea'));
    expect(opened.embeds?.[0]?.title).toContain('International Atomic Energy Agency');
  });

  it('backs a period with a menu of the partners whose agreements the answer lists', () => {
    const data = messageOf(ask(askLine('which agreements were signed in 2003?')));
    expect(data.content).toMatch(/^2 agreements were signed in 2003: INTERPOL \(MOU\) and UNEP \(MOU\)/);
    expect(data.embeds ?? []).toHaveLength(0);
    const [menu] = clickablesOf(data);
    expect(menu?.values.sort()).toEqual(['interpol', 'unep']);
    expect(messageOf(click(data, menu as never, 'unep')).embeds?.[0]?.title).toContain('UNEP');
  });

  it('compares two partners with a card button and a Sources button for each', () => {
    const data = messageOf(ask(askLine('what do WHO and INTERPOL both work on')));
    expect(data.embeds ?? []).toHaveLength(0);
    expect(
      clickablesOf(data).map((button) => {
        const decoded = decodeCustomId(button.customId);
        return `${decoded?.action} ${decoded?.args[0]}`;
      }),
    ).toEqual(['card who', 'sources who', 'card interpol', 'sources interpol']);
  });

  it('says an unknown organisation is not a partner, with no card', () => {
    const data = messageOf(ask(askLine('is the IMF a partner?')));
    expect(data.content).toMatch(/not one of the 20 partners in the source/);
    expect(data.embeds ?? []).toHaveLength(0);
    expect(clickablesOf(data)).toHaveLength(0);
  });

  it('answers anything else privately with how to ask and three examples', () => {
    const response = ask(askLine('hello there'));
    const data = messageOf(response);
    expect(data.flags).toBe(64);
    expect(data.content?.match(/“[^”]+”/g)).toHaveLength(3);
  });

  it('answers each example it gives, in both languages', () => {
    for (const t of [en, fr]) {
      for (const example of t.askExamples) {
        const answer = answerQuestion(
          example,
          contextFor(context, t).questions(),
          t.locale === 'fr' ? 'fr' : 'en',
        );
        expect(answer.kind, example).not.toBe('howToAsk');
        expect(answer.partners.length, example).toBeGreaterThan(0);
      }
    }
  });

  it('gives every question of the sets a reply Discord accepts, in both languages', () => {
    const questions = [
      'how many MOUs',
      'which partners never signed anything',
      'agreements in the 2000s',
      'what is DG Justice',
      'who covers terrorist financing',
      'compare CITES and UNEP',
      'which MOUs are undated',
      '?'.repeat(200),
      '@everyone <@123> when did the wco sign with who',
      'x '.repeat(100).trim(),
    ];
    for (const session of [undefined, french]) {
      for (const question of questions) {
        const interaction = interactionFor(askLine(question.replaceAll('"', '')), session);
        const problems = responseProblems(interaction, handleInteraction(interaction, context), []);
        expect(problems, question).toEqual([]);
      }
    }
  });

  it('names each focus area of an answer on its own (in French, each in its « »), never several as one', () => {
    const asked = (question: string, session?: typeof french) =>
      String(messageOf(ask(askLine(question), session)).content);
    expect(asked('qui travaille sur les armes et les drogues', french)).toMatch(
      /dans les domaines « Armes chimiques », « Armes légères et de petit calibre » et « Drogues »/u,
    );
    expect(asked('qui travaille sur les drogues', french)).toMatch(/dans le domaine « Drogues »/u);
    expect(asked('who works on weapons')).toMatch(
      /work in the focus areas “Chemical weapons” and “Small arms and light weapons”:/,
    );
    // A word several areas share, as /topic reads it: all of them.
    expect(asked('who works on smuggling')).toMatch(
      /^\d+ partners work in the focus areas “Drugs”, .*“Tobacco and cigarettes”:/u,
    );
    expect(asked('qui travaille sur la contrebande', french)).toMatch(
      /^\d+ partenaires travaillent dans les domaines «\u202fArmes légères/u,
    );
    expect(asked('quels protocoles n’ont pas de date', french)).toMatch(
      /^2 protocoles d’accord n’ont pas de date/u,
    );
  });

  it('a year’s agreements do not repeat the year for an agreement dated by its year alone', () => {
    for (const [line, session] of [
      ['which agreements were signed in 2003', undefined],
      ['quels accords en 2003', french],
    ] as const) {
      const content = String(messageOf(ask(askLine(line), session)).content);
      expect(content.match(/2003/gu), content).toHaveLength(1);
    }
    // A fuller date than the one asked still says something.
    expect(String(messageOf(ask(askLine('which agreements were signed in 2000'))).content)).toContain(
      '1 January 2000',
    );
  });
});
