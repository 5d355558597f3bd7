/**
 * /mou view:timeline: the picture itself (SVG drawn from the data, PNG rendered from it) and how each
 * transport delivers it, against the local Discord stand-in.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, Events } from 'discord.js';
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { allAgreements, councilDecisions } from '../src/data/agreements.js';
import { loadBotContext } from '../src/interactions/create-context.js';
import { handleInteraction } from '../src/interactions/handle.js';
import { timelinePng } from '../src/render/timeline-png.js';
import { timelineModel, timelineSize, timelineSvg } from '../src/render/timeline-svg.js';
import { filesOf } from '../src/toolkit/files.js';
import { createGatewayBot } from '../src/transports/gateway/bot.js';
import { startHttpServer } from '../src/transports/http/server.js';
import {
  type DiscordStandIn,
  type RecordedRequest,
  standInClientOptions,
  startDiscordStandIn,
} from './discord-stand-in/index.js';
import { capturedLogger } from './helpers/captured-logger.js';
import { envWithoutDiscord, runToEnd } from './helpers/child-process.js';
import { httpEndpointWithStandIn } from './helpers/http-with-stand-in.js';
import { keyPair, signedHeaders } from './helpers/signing.js';

const context = loadBotContext();
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const editRoute = 'PATCH /webhooks/:appId/:token/messages/:messageId';

/** Checks the PNG signature and reads width and height from the IHDR chunk, which must come first. */
function pngDimensions(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(pngSignature);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');
}

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('the timeline picture', () => {
  const svg = timelineSvg(context.dataset);

  it('labels every dated agreement once per agreement, with its partner and type', () => {
    const dated = allAgreements(context.dataset).filter((entry) => entry.agreement.date !== null);
    expect(dated.length).toBeGreaterThan(10);
    const expected = new Map<string, number>();
    for (const { partner, agreement } of dated) {
      const type = agreement.type === 'MOU' ? 'MOU' : 'Co-operation agreement';
      const label = `${partner.acronym ?? partner.name} · ${type}`;
      expected.set(label, (expected.get(label) ?? 0) + 1);
    }
    for (const [label, count] of expected) {
      expect(occurrences(svg, `>${escapeXml(label)}</text>`), label).toBe(count);
    }
  });

  it('lists the undated agreements aside and keeps every year of the data on the axis', () => {
    const model = timelineModel(context.dataset);
    const undated = allAgreements(context.dataset).filter((entry) => entry.agreement.date === null);
    expect(model.undated).toHaveLength(undated.length);
    for (const { partner } of undated) expect(svg).toContain(escapeXml(partner.name));
    for (const item of model.items) {
      expect(item.from).toBeGreaterThanOrEqual(model.firstYear);
      expect(item.to).toBeLessThanOrEqual(model.lastYear + 1);
    }
    // The date's precision decides the drawing: a year-only date spans its whole year, a day is a point.
    const cites = model.items.find((item) => item.partner === 'CITES');
    expect(cites).toMatchObject({ precision: 'year', from: 1996, to: 1997 });
    const iaea = model.items.find((item) => item.partner === 'IAEA');
    expect(iaea?.precision).toBe('day');
    expect(iaea?.from).toBe(iaea?.to);
  });

  it('draws a month-precision date as a solid bar over that month', () => {
    // The real data dates no agreement to the month: CITES's first one is given one here.
    const partners = context.dataset.partners.map((partner) =>
      partner.id !== 'cites'
        ? partner
        : {
            ...partner,
            agreements: partner.agreements.map((a, i) => (i === 0 ? { ...a, date: '2002-07' } : a)),
          },
    );
    const dataset = { ...context.dataset, partners };
    const model = timelineModel(dataset);
    const july = model.items.find((item) => item.partner === 'CITES' && item.precision === 'month');
    expect(july?.from).toBeCloseTo(2002 + 6 / 12);
    expect(july?.to).toBeCloseTo(2002 + 7 / 12);
    // Month bars are solid and 14 px high, year bars pale and 12 px: one more solid bar than in the real picture.
    const solid = /<rect [^>]*height="14" rx="7" fill="[^"]+" fill-opacity="1"/g;
    expect(timelineSvg(dataset).match(solid)?.length).toBe((svg.match(solid)?.length ?? 0) + 1);
  });

  it('spans, in its title, the first to the last thing it draws, not a founding date', () => {
    const model = timelineModel(context.dataset);
    const dates = [
      ...allAgreements(context.dataset).flatMap(({ agreement }) => (agreement.date ? [agreement.date] : [])),
      ...councilDecisions(context.dataset).map(({ milestone }) => milestone.date),
    ].sort();
    const first = Number(dates[0]?.slice(0, 4));
    const last = Number(dates.at(-1)?.slice(0, 4));
    expect([model.firstYear, model.lastYear]).toEqual([first, last]);
    expect(svg).toContain(`WCO agreements, ${first}–${last}`);
    const response = handleInteraction(mouTimelineInteraction(), context);
    const data = (response as { data: APIInteractionResponseCallbackData }).data;
    expect(data.embeds?.[0]?.title).toBe(`WCO agreements timeline, ${first}–${last}`);
  });

  it('draws and lists the OSCE Council decision in French too (its label is translated)', () => {
    const french = context.french;
    if (!french) throw new Error('no French context');
    const decisions = (dataset: typeof context.dataset) =>
      councilDecisions(dataset).map(({ partner, milestone }) => `${partner.id} ${milestone.date}`);
    expect(decisions(context.dataset)).toEqual(['osce 2005-07']);
    expect(decisions(french.dataset)).toEqual(decisions(context.dataset));
    expect(timelineSvg(french.dataset, french.t)).toContain('Décision du Conseil');
  });

  it('cites the source by its title, not a repository path', () => {
    expect(svg).toContain(escapeXml(`Source: “${context.dataset.source.title}”`));
    expect(svg).not.toMatch(/data\/source|\.txt/);
  });

  it('uses no text smaller than 14 px', () => {
    const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((match) => Number(match[1]));
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
  });

  it('renders to a valid PNG of the intended size, rendered once per dataset', () => {
    const png = timelinePng(context.dataset);
    expect(pngDimensions(png)).toEqual(timelineSize);
    expect(timelinePng(context.dataset)).toBe(png);
  });

  it('is what /mou view:timeline carries, with the embed pointing at the attachment', () => {
    const interaction = mouTimelineInteraction();
    const response = handleInteraction(interaction, context);
    const files = filesOf(response);
    expect(files?.map((file) => file.name)).toEqual(['timeline.png']);
    const data = (response as { data: APIInteractionResponseCallbackData }).data;
    expect(data.embeds?.[0]?.image?.url).toBe('attachment://timeline.png');
    expect(files?.[0]?.fallback.embeds?.[0]?.title).toBe('WCO agreements timeline');
  });
});

/** `/mou view:timeline` as Discord sends it, for the handler alone. */
function mouTimelineInteraction() {
  return {
    id: '1290000000000000101',
    application_id: '1290000000000000001',
    type: 2,
    token: 'picture-token',
    version: 1,
    locale: 'en-US',
    user: { id: '1290000000000000042', username: 'analyst', discriminator: '0', global_name: null },
    data: {
      id: '1290000000000000102',
      name: 'mou',
      type: 1,
      options: [{ name: 'view', type: 3, value: 'timeline' }],
    },
  } as unknown as Parameters<typeof handleInteraction>[0];
}

function expectPictureEdit(request: RecordedRequest): void {
  const [file] = request.files;
  expect(file?.filename).toBe('timeline.png');
  expect(pngDimensions(file?.data as Buffer)).toEqual(timelineSize);
  const body = request.body as APIInteractionResponseCallbackData;
  expect(body.embeds?.[0]?.image?.url).toBe('attachment://timeline.png');
  expect(body.allowed_mentions).toEqual({ parse: [] });
}

describe('over the HTTP endpoint: deferred, then the original message edited with the file', () => {
  const endpoint = httpEndpointWithStandIn(context);

  async function askForPicture() {
    const payload = endpoint.standIn.chatInputInteraction({
      commandName: 'mou',
      options: { view: 'timeline' },
    });
    // Discord applies the endpoint's answer before it accepts edits of the original message; the stand-in
    // is told the same answer first, so the edit cannot race it.
    await endpoint.standIn.answeredOverHttp(payload, '{"type":5}');
    expect(await endpoint.send(payload)).toBe('{"type":5}');
    return payload;
  }

  it('answers type 5 and PATCHes @original with payload_json and files[0] (a valid PNG)', async () => {
    const payload = await askForPicture();
    const edit = await endpoint.standIn.waitForRequest(
      (r) => r.route === editRoute && r.params.token === payload.token && r.status === 200,
    );
    expect(edit.params).toMatchObject({ appId: payload.application_id, messageId: '@original' });
    expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(edit.headers.authorization).toBeUndefined();
    expectPictureEdit(edit);
    const original = endpoint.standIn.rest.requests.filter((r) => r.params.token === payload.token);
    expect(original.map((r) => r.route)).toEqual(['POST /interactions/:id/:token/callback', editRoute]);
    const linesAbout = (msg: string) =>
      endpoint.lines.filter((line) => line.msg === msg && JSON.stringify(line).includes(payload.id));
    await vi.waitFor(() => expect(linesAbout('reply file delivered')).toHaveLength(1));
    expect(linesAbout('reply file delivered')[0]).toMatchObject({ files: ['timeline.png'] });
    expect(linesAbout('interaction')).toEqual([expect.objectContaining({ responseType: 5, outcome: 'ok' })]);
  });

  it('logs a failed upload and edits the message to the text timeline instead', async () => {
    const fault = endpoint.standIn.injectRestFault({
      method: 'PATCH',
      path: '/webhooks/:appId/:token/messages/:id',
      status: 500,
    });
    const payload = await askForPicture();
    const fallback = await endpoint.standIn.waitForRequest(
      (r) => r.route === editRoute && r.params.token === payload.token && r.status === 200,
    );
    expect(fault.hits).toHaveLength(1);
    expect(fallback.files).toEqual([]);
    const body = fallback.body as APIInteractionResponseCallbackData;
    expect(body.embeds?.[0]?.title).toBe('WCO agreements timeline');
    expect(body.attachments).toEqual([]);
    expect(
      endpoint.lines.some((line) => line.msg === 'sending the reply file failed; sending the text instead'),
    ).toBe(true);
  });
});

describe('over an HTTP endpoint started without a REST base', () => {
  it('answers at once with the text timeline, sending nothing anywhere else', async () => {
    const keys = keyPair();
    const server = await startHttpServer({ context, publicKeyHex: keys.publicKeyHex });
    try {
      const body = JSON.stringify(mouTimelineInteraction());
      const response = await fetch(`${server.url}/interactions`, {
        method: 'POST',
        headers: signedHeaders(body, keys.privateKey),
        body,
      });
      const answer = (await response.json()) as { type: number; data: APIInteractionResponseCallbackData };
      expect(answer.type).toBe(4);
      expect(answer.data.embeds?.[0]?.title).toBe('WCO agreements timeline');
      expect(answer.data.attachments).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

describe('over the gateway: the callback carries the file', () => {
  const token = 'MTI5MDAwMDAwMDAwMDAwMDAwMQ.GabcDe.pictureTestSecretPart';
  let standIn: DiscordStandIn;
  let client: Client;

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token });
    const { logger } = capturedLogger();
    client = createGatewayBot({
      config: { token, apiUrl: standIn.apiUrl },
      context,
      logger,
      clientOptions: standInClientOptions(standIn.apiUrl),
    });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(token);
    await ready;
  });
  afterAll(async () => {
    await client?.destroy().catch(() => {});
    await standIn?.close();
  });

  it('posts the interaction callback as multipart with timeline.png attached', async () => {
    const handle = standIn.dispatchInteraction(
      standIn.chatInputInteraction({ commandName: 'mou', options: { view: 'timeline' } }),
    );
    const callback = await handle.waitForCallback();
    expect(callback.headers['content-type']).toMatch(/^multipart\/form-data/);
    const body = callback.body as { type: number; data: APIInteractionResponseCallbackData };
    expect(body.type).toBe(4);
    expectPictureEdit({ ...callback, body: body.data });
    expect(handle.original()?.attachments?.map((a) => a.filename)).toEqual(['timeline.png']);
  });
});

describe('npm run ask -- "/mou view:timeline" --out DIR', () => {
  it('writes DIR/timeline.png and says where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeline-ask-'));
    try {
      const { code, stdout } = await runToEnd(
        ['ask', '--', '/mou view:timeline', '--out', dir],
        envWithoutDiscord(),
      );
      expect(code).toBe(0);
      const path = join(dir, 'timeline.png');
      expect(stdout).toContain(`Picture saved to ${path}`);
      expect(pngDimensions(readFileSync(path))).toEqual(timelineSize);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
