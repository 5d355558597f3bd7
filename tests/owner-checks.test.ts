/**
 * The owner rule (SECURITY.md): only the person who ran a command changes its message; anyone else's click,
 * even one forged with a valid custom_id, gets a private copy or a new message, never an update (type 7) of
 * the owner's. Every component handler in the registry is reached through the bot's own replies, so a new
 * handler is covered as soon as a reply offers it (and the test fails until one does).
 */
import type { APIInteractionResponse, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { componentHandlersByName, messageCommands } from '../commands/index.js';
import { handleInteraction } from '../src/interactions/handle.js';
import type { BotContext } from '../src/toolkit/command.js';
import { decodeCustomId } from '../src/toolkit/custom-id.js';
import { buildMessageCommandInteraction } from '../src/transports/local/message-line.js';
import {
  buildBotMessage,
  buildComponentInteraction,
  type LocalSession,
} from '../src/transports/local/parse-command-line.js';
import {
  type Clickable,
  clickablesOf,
  interactionFor,
  owner,
  context as realContext,
  someoneElse,
} from './helpers/bot.js';

/** The dataset with one partner whose sources fill several pages (no real partner's do yet), so that
 * the Sources page buttons are offered too. */
function withLongSources(base: BotContext): BotContext {
  const [first] = base.dataset.partners;
  if (!first) throw new Error('no partners');
  const long = {
    ...first,
    provenance: Array.from(
      { length: 40 },
      (_, i) => `Sentence ${i} of a long source: ${'words '.repeat(30)}end.`,
    ),
  };
  const partners = base.dataset.partners.map((partner) => (partner.id === long.id ? long : partner));
  const partnerById = new Map([...base.dataset.partnerById, [long.id, long]]);
  return { ...base, dataset: { ...base.dataset, partners, partnerById } };
}
const context = withLongSources(realContext);

/** Replies that between them offer every kind of button and menu the bot has. */
const startingLines = [
  '/partner who:interpol',
  '/partner who:customs',
  '/partner who:wrld helth',
  '/mou',
  '/mou year:2003',
  '/mou year:1999',
  '/topic area:cultural-property',
  '/topic area:drugs',
  '/topic area:smugglng',
  '/help',
  // A partner answer of /ask: its card button.
  '/ask question:"when did the WCO sign with ICOM?"',
];
const mentionTexts = ['Call with OLAF, Europol and INTERPOL at 10', 'CITES and ivory', 'ICOM and museums'];

interface Offered {
  /** The message the component is on, as the owner's client holds it. */
  message: APIInteractionResponseCallbackData;
  clickable: Clickable;
}

const messageOf = (response: APIInteractionResponse): APIInteractionResponseCallbackData | undefined =>
  response.type === InteractionResponseType.ChannelMessageWithSource ||
  response.type === InteractionResponseType.UpdateMessage
    ? response.data
    : undefined;

function clickOn({ message, clickable }: Offered, value: string | undefined, session: LocalSession) {
  return handleInteraction(
    buildComponentInteraction(
      {
        message: buildBotMessage(message, owner, { commandName: 'test' }),
        customId: clickable.customId,
        componentType: clickable.componentType,
        values: clickable.values.length ? [value ?? clickable.values[0] ?? ''] : undefined,
      },
      session,
    ),
    context,
  );
}

/** `command:action` → the first few components found with it, by following the owner's clicks. */
function everyOfferedComponent(): Map<string, Offered[]> {
  const [mentions] = messageCommands;
  if (!mentions) throw new Error('no message command');
  const replies = [
    ...startingLines.map((line) => handleInteraction(interactionFor(line), context)),
    ...mentionTexts.map((text) =>
      handleInteraction(buildMessageCommandInteraction(mentions, text, owner), context),
    ),
  ];
  const found = new Map<string, Offered[]>();
  const clicked = new Set<string>();
  let frontier = replies.flatMap((reply) => {
    const message = messageOf(reply);
    return message ? [message] : [];
  });
  for (let depth = 0; depth < 4 && frontier.length; depth++) {
    const next: APIInteractionResponseCallbackData[] = [];
    for (const message of frontier) {
      for (const clickable of clickablesOf(message)) {
        const decoded = decodeCustomId(clickable.customId);
        if (clickable.disabled || clicked.has(clickable.customId) || decoded?.ownerId !== owner.user.id)
          continue;
        clicked.add(clickable.customId);
        const key = `${decoded.command}:${decoded.action}`;
        const seen = found.get(key) ?? [];
        if (seen.length < 3) found.set(key, [...seen, { message, clickable }]);
        // Every option of a menu: some partners' cards offer more (a second page of sources) than others.
        for (const value of clickable.values.length ? clickable.values : [undefined]) {
          const answer = messageOf(clickOn({ message, clickable }, value, owner));
          if (answer) next.push(answer);
        }
      }
    }
    frontier = next;
  }
  return found;
}

const offered = everyOfferedComponent();
const registered = [...componentHandlersByName].flatMap(([name, handlers]) =>
  Object.keys(handlers ?? {}).map((action) => `${name}:${action}`),
);

describe('a click by someone other than the owner', () => {
  it('reaches every component handler of the registry through the bot’s own replies', () => {
    expect(registered.length).toBeGreaterThan(5);
    expect(registered.filter((key) => !offered.has(key))).toEqual([]);
  });

  it.each(registered)('%s: never updates the owner’s message', (key) => {
    const components = offered.get(key) ?? [];
    expect(components.length).toBeGreaterThan(0);
    for (const component of components) {
      for (const value of component.clickable.values.length ? component.clickable.values : [undefined]) {
        const answer = clickOn(component, value, someoneElse);
        expect(answer.type, `${component.clickable.customId} ${value ?? ''}`).not.toBe(
          InteractionResponseType.UpdateMessage,
        );
        expect(answer.type).not.toBe(InteractionResponseType.DeferredMessageUpdate);
        const data = messageOf(answer);
        // A private copy names the colleague as owner of its buttons and menus, never the owner.
        if (data && ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0) {
          for (const clickable of clickablesOf(data)) {
            expect(decodeCustomId(clickable.customId)?.ownerId).not.toBe(owner.user.id);
          }
        }
      }
    }
  });

  it('the owner’s own clicks still update the message in place (the control)', () => {
    const updating = registered.filter((key) =>
      (offered.get(key) ?? []).some(
        (component) => clickOn(component, undefined, owner).type === InteractionResponseType.UpdateMessage,
      ),
    );
    expect(updating).toEqual(expect.arrayContaining(['card:sources-page', 'mentions:open']));
  });
});

describe('a partner picked from the “WCO partners in this message” list', () => {
  it('rebuilds the list’s text from the dataset instead of copying the client’s copy of the message', () => {
    const [component] = offered.get('mentions:open') ?? [];
    if (!component) throw new Error('no mentions menu offered');
    const forged = {
      ...component,
      message: { ...component.message, content: '@everyone forged text https://evil.example' },
    };
    const data = messageOf(clickOn(forged, 'europol', owner));
    expect(data?.content).toBeDefined();
    expect(data?.content).not.toContain('forged');
    expect(data?.content).not.toContain('evil.example');
    expect(data?.content).toContain('Europol');
  });
});
