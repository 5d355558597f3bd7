/**
 * The message command "WCO partners in this message": what it answers through the shared handler, and
 * the same answers over the signed HTTP endpoint.
 */
import type {
  APIEmbed,
  APIInteractionResponse,
  APIMessageApplicationCommandInteraction,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageCommands } from '../commands/index.js';
import { nothingFound } from '../commands/message.js';
import { discordLimits } from '../src/cards/limits.js';
import { handleInteraction } from '../src/interactions/handle.js';
import { commandRegistrations } from '../src/interactions/registration.js';
import { type RunningHttpServer, startHttpServer } from '../src/transports/http/server.js';
import {
  buildMessageCommandInteraction,
  messageLineText,
  parseLine,
} from '../src/transports/local/message-line.js';
import {
  buildBotMessage,
  buildComponentInteraction,
  createLocalSession,
} from '../src/transports/local/parse-command-line.js';
import { click, clickablesOf, context, messageOf, owner } from './helpers/bot.js';
import { capturedLogger } from './helpers/captured-logger.js';
import { keyPair, signedHeaders } from './helpers/signing.js';

const [command] = messageCommands;
if (!command) throw new Error('no message command');

function onMessage(content: string, embeds: APIEmbed[] = []): APIMessageApplicationCommandInteraction {
  const interaction = buildMessageCommandInteraction(command as NonNullable<typeof command>, content, owner);
  const target = interaction.data.resolved.messages[interaction.data.target_id];
  if (target) target.embeds = embeds;
  return interaction;
}

function answer(interaction: unknown): APIInteractionResponse {
  return handleInteraction(interaction as APIMessageApplicationCommandInteraction, context);
}

describe('message command through the shared handler', () => {
  it('answers privately, one line per partner with the words that refer to it, and a menu of them', () => {
    const data = messageOf(answer(onMessage('Call with OLAF at 10, then the Container Control Programme')));
    expect(data.flags).toBe(64);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const lines = (data.content ?? '').split('\n');
    expect(lines).toContain('• **UNODC**: the message names “Container Control Programme” (its programme)');
    // OLAF is named as a body each of them works with, not as belonging to either.
    expect(lines).toContain('• **Europol**: the message names “OLAF” (a body it works with)');
    expect(lines).toContain('• **EU Authorities**: the message names “OLAF” (a body it works with)');
    const [menu] = clickablesOf(data);
    expect(menu?.values.sort()).toEqual(['eu-authorities', 'europol', 'unodc']);
  });

  it.each(['who wants coffee? it is safe to call the api now', '', '   '])(
    'says no partner is mentioned in %j',
    (content) => {
      const data = messageOf(answer(onMessage(content)));
      expect(data.flags).toBe(64);
      expect(data.content?.split('\n')[0]).toBe(nothingFound);
      expect(data.components ?? []).toEqual([]);
    },
  );

  it('names the focus areas a message mentions even when it names no partner', () => {
    const data = messageOf(answer(onMessage('Big seizure of narcotics and counterfeit medicines today')));
    expect(data.content).toContain(nothingFound);
    expect(data.content).not.toContain('`');
    // Each area is a button to click, not a command to copy.
    const buttons = clickablesOf(data);
    const labels = (data.components ?? []).flatMap((row) =>
      'components' in row ? row.components.map((c) => ('label' in c ? c.label : undefined)) : [],
    );
    expect(labels).toEqual(['🎯 Drugs (“narcotics”)', '🎯 Public health (“counterfeit medicines”)']);
    const opened = messageOf(click(data, buttons[0]!));
    expect(opened.flags).toBe(64);
    expect(opened.embeds?.[0]?.title).toBe('Focus area: Drugs');
  });

  it('reads the texts of the message’s embeds as well as its content', () => {
    const data = messageOf(
      answer(
        onMessage('see below', [
          {
            title: 'Weekly digest',
            description: 'Nothing new',
            fields: [{ name: 'Partners', value: 'ICOM, WIPO' }],
          },
          { footer: { text: 'Shared by the INCB desk' } },
        ]),
      ),
    );
    const [menu] = clickablesOf(data);
    expect(menu?.values.sort()).toEqual(['icom', 'incb', 'wipo']);
  });

  it('reads nothing from a malformed or missing target message, and says so', () => {
    const interaction = onMessage('INTERPOL');
    const broken = { ...interaction, data: { ...interaction.data, target_id: '1290000000000000999' } };
    expect(messageOf(answer(broken)).content).toBe(nothingFound);
    const noResolved = { ...interaction, data: { ...interaction.data, resolved: {} } };
    expect(messageOf(answer(noResolved)).content).toBe(nothingFound);
  });

  it('opens a card from the menu, keeping the list and the menu to open the others', () => {
    const data = messageOf(answer(onMessage('IAEA and OPCW met the WHO team')));
    const [menu] = clickablesOf(data);
    if (!menu) throw new Error('no menu');
    const opened = click(data, menu, 'opcw');
    expect(opened.type).toBe(7);
    const card = messageOf(opened);
    expect(card.embeds?.[0]?.title).toContain('Organization for the Prohibition of Chemical Weapons');
    // The list is rebuilt from the dataset (the clicked message is the client's copy): the same partners,
    // each line without the words that matched.
    expect(card.content).toBe(
      (data.content ?? '')
        .split('\n')
        .map((line) => line.replace(/^(• \*\*[^*]+\*\*).*$/, '$1'))
        .join('\n'),
    );
    expect(clickablesOf(card)[0]?.values).toEqual(menu.values);
  });

  it('fits Discord’s limits on a message naming every partner', () => {
    const every = context.dataset.partners
      .map((partner) => `${partner.name} (${partner.acronym ?? ''})`)
      .join('; ');
    const data = messageOf(answer(onMessage(every.repeat(3).slice(0, 4000))));
    expect(data.content?.length).toBeLessThanOrEqual(discordLimits.content);
    expect(clickablesOf(data)[0]?.values.length).toBe(context.dataset.partners.length);
  });

  it('is registered as a message command usable in servers and DMs', () => {
    const registration = commandRegistrations().find((entry) => entry.name === command.data.name);
    expect(registration).toMatchObject({ type: 3, integration_types: [0, 1], contexts: [0, 1, 2] });
    expect(registration).not.toHaveProperty('description');
  });

  it('is typed in the playground and npm run ask as /message "text"', () => {
    expect(messageLineText('/message "OLAF and Europol"')).toBe('OLAF and Europol');
    expect(messageLineText('/message OLAF and Europol')).toBe('OLAF and Europol');
    const parsed = parseLine('/message “INTERPOL today”', [], createLocalSession());
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.interaction.data).toMatchObject({ type: 3, name: command.data.name });
    expect(messageOf(answer(parsed.interaction)).content).toContain('**INTERPOL**');
    expect(parseLine('/message', [], createLocalSession())).toMatchObject({ ok: false });
  });
});

describe('message command over the signed HTTP endpoint', () => {
  const keys = keyPair();
  const { logger } = capturedLogger();
  let server: RunningHttpServer;

  beforeAll(async () => {
    server = await startHttpServer({
      context,
      publicKeyHex: keys.publicKeyHex,
      host: '127.0.0.1',
      port: 0,
      logger,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  async function post(payload: unknown, sign = true) {
    const body = JSON.stringify(payload);
    const headers = sign ? signedHeaders(body, keys.privateKey) : signedHeaders(body, keyPair().privateKey);
    const response = await fetch(`${server.url}/interactions`, { method: 'POST', headers, body });
    return { status: response.status, text: await response.text() };
  }

  it('answers the message command in the HTTP response, privately, pinging no one', async () => {
    const response = await post(
      onMessage('<@123456789012345678> WHO and UNESCO at the cultural heritage panel'),
    );
    expect(response.status).toBe(200);
    const data = messageOf(JSON.parse(response.text));
    expect(data.flags).toBe(64);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(clickablesOf(data)[0]?.values.sort()).toEqual(['unesco', 'who']);
  });

  it('answers in French when the user’s Discord is in French (locale fr), and in English otherwise', async () => {
    const [french, english] = await Promise.all(
      ['fr', 'en-US'].map(async (locale) => {
        const response = await post({ ...onMessage('CITES and ivory'), locale });
        expect(response.status).toBe(200);
        return messageOf(JSON.parse(response.text)).content ?? '';
      }),
    );
    expect(french).toContain('Partenaires de l’OMD dans ce message');
    // The words found are quoted in the reader's quotation marks.
    expect(french).toContain('«\u202fCITES\u202f»');
    expect(french).not.toMatch(/[“”]/u);
    expect(english).toContain('“CITES”');
    expect(english).toContain('WCO partners in this message');
    expect(english).not.toContain('OMD');
  });

  it('answers a pick in its menu over HTTP', async () => {
    const first = messageOf(JSON.parse((await post(onMessage('CITES and ivory'))).text));
    const [menu] = clickablesOf(first);
    if (!menu) throw new Error('no menu');
    const pick = buildComponentInteraction(
      {
        message: buildBotMessage(first, owner),
        customId: menu.customId,
        componentType: menu.componentType,
        values: ['cites'],
      },
      owner,
    );
    const response = await post(pick);
    expect(response.status).toBe(200);
    expect(messageOf(JSON.parse(response.text)).embeds?.[0]?.title).toContain('CITES');
  });

  it('answers the card’s Sources and Share in channel buttons over HTTP', async () => {
    const list = messageOf(JSON.parse((await post(onMessage('ICOM and museums'))).text));
    const [menu] = clickablesOf(list);
    if (!menu) throw new Error('no menu');
    const clickOn = (data: typeof list, clickable: NonNullable<typeof menu>, values?: string[]) =>
      buildComponentInteraction(
        {
          message: buildBotMessage(data, owner),
          customId: clickable.customId,
          componentType: clickable.componentType,
          values,
        },
        owner,
      );
    const card = messageOf(JSON.parse((await post(clickOn(list, menu, ['icom']))).text));
    const find = (action: string) =>
      clickablesOf(card).find((c) => c.customId.startsWith(`v1:card:${action}:`));
    const [sources, share] = [find('sources'), find('share')];
    if (!sources || !share) throw new Error('the private card lacks Sources or Share');

    const quoted = messageOf(JSON.parse((await post(clickOn(card, sources))).text));
    expect(quoted.flags).toBe(64);
    expect(quoted.embeds?.[0]?.title).toContain('Sources');
    const shared = messageOf(JSON.parse((await post(clickOn(card, share))).text));
    expect(shared.flags ?? 0).toBe(0);
    expect(shared.content).toBe(`Shared by <@${owner.user.id}>`);
    expect(shared.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers "nothing found" over HTTP', async () => {
    const data = messageOf(JSON.parse((await post(onMessage('lunch at noon?'))).text));
    expect(data.content).toBe(nothingFound);
  });

  it('refuses a message command signed with another key', async () => {
    expect((await post(onMessage('INTERPOL'), false)).status).toBe(401);
  });

  it('refuses a message command whose resolved message has the wrong shape', async () => {
    const interaction = onMessage('INTERPOL');
    const forged = {
      ...interaction,
      data: {
        ...interaction.data,
        resolved: { messages: { [interaction.data.target_id]: { content: 42 } } },
      },
    };
    expect((await post(forged)).status).toBe(400);
  });
});
