/** The buttons every partner card carries: Sources (privately), and Share in channel on private answers. */
import { describe, expect, it } from 'vitest';
import { discordLimits, embedsTotalLength } from '../src/cards/limits.js';
import { partnerCard, quotesOf } from '../src/cards/partner-card.js';
import { sourceEntries, sourcesCard } from '../src/cards/sources-card.js';
import type { Partner } from '../src/data/schema.js';
import { createLocalSession } from '../src/transports/local/parse-command-line.js';
import {
  ask,
  type Clickable,
  click,
  clickablesOf,
  context,
  messageOf,
  owner,
  someoneElse,
} from './helpers/bot.js';

const ephemeral = 64;
const { partners } = context.dataset;
const unescapeMarkdown = (text: string) => text.replace(/\\(.)/g, '$1');

function button(data: Parameters<typeof clickablesOf>[0], action: string): Clickable | undefined {
  return clickablesOf(data).find((c) => c.customId.startsWith(`v1:card:${action}:`));
}

/** Every page of a partner's sources, as the Sources button and its page buttons show them. */
function allSourcePages(partner: Partner) {
  const card = messageOf(ask(`/partner who:${partner.id}`));
  const sources = button(card, 'sources');
  if (!sources) throw new Error(`no Sources button on ${partner.id}`);
  const first = click(card, sources);
  expect(first.type).toBe(4);
  const pages = [messageOf(first)];
  for (;;) {
    const next = clickablesOf(pages.at(-1) ?? {}).find(
      (c) => c.customId.includes('sources-page') && !c.disabled && c.customId.endsWith(`:${pages.length}`),
    );
    if (!next) return pages;
    pages.push(messageOf(click(pages.at(-1) ?? {}, next)));
  }
}

describe('Sources', () => {
  it.each(partners.map((p) => [p.id, p] as const))(
    '%s: every sentence the card rests on, quoted, privately',
    (_id, partner) => {
      const pages = allSourcePages(partner);
      const text = unescapeMarkdown(pages.map((page) => page.embeds?.[0]?.description ?? '').join('\n'));
      const quotes = quotesOf(partner);
      for (const quote of quotes) expect(text).toContain(quote.replace(/\s+/g, ' '));
      for (const page of pages) {
        expect(page.flags).toBe(ephemeral);
        expect(page.embeds?.[0]?.description?.length).toBeLessThanOrEqual(discordLimits.embedDescription);
        expect(embedsTotalLength(page.embeds)).toBeLessThanOrEqual(discordLimits.embedsTotal);
      }
      const externals = pages.at(-1)?.embeds?.[0]?.fields?.[0]?.value ?? '';
      for (const fact of partner.external)
        expect(unescapeMarkdown(externals)).toContain(`† ${fact.value}: ${fact.note}`);
      if (!partner.external.length) expect(pages.at(-1)?.embeds?.[0]?.fields ?? []).toEqual([]);
    },
  );

  it('pages a long list of sentences, each page within the limits, no sentence cut or lost', () => {
    const base = partners[0] as Partner;
    const provenance = Array.from(
      { length: 40 },
      (_, i) => `Sentence number ${i} of a long source: ${'words '.repeat(30)}end.`,
    );
    const long: Partner = { ...base, provenance };
    const first = sourcesCard(long, context.dataset, 0);
    expect(first.pageCount).toBeGreaterThan(1);
    const all = Array.from(
      { length: first.pageCount },
      (_, page) => sourcesCard(long, context.dataset, page).card,
    );
    for (const card of all) expect(embedsTotalLength([card])).toBeLessThanOrEqual(discordLimits.embedsTotal);
    const text = all.map((card) => card.description).join('\n');
    for (const sentence of provenance) expect(text).toContain(sentence.replace(/\s+/g, ' ').trim());
    expect(sourceEntries(long, context.dataset).length).toBeGreaterThanOrEqual(40);
    expect(sourcesCard(long, context.dataset, 99).page).toBe(first.pageCount - 1);
  });
});

describe('Share in channel', () => {
  it('is on a private answer, not on a public one', () => {
    expect(button(messageOf(ask('/partner who:interpol private:true')), 'share')).toBeDefined();
    expect(button(messageOf(ask('/partner who:interpol')), 'share')).toBeUndefined();
  });

  it('is not offered in a DM with the bot', () => {
    const dm = createLocalSession({ guildId: null });
    expect(button(messageOf(ask('/partner who:interpol private:true', dm)), 'sources')).toBeDefined();
    expect(button(messageOf(ask('/partner who:interpol private:true', dm)), 'share')).toBeUndefined();
  });

  it('is on the private copy a colleague gets, in the colleague’s name', () => {
    const list = messageOf(ask('/mou year:2003'));
    const [menu] = clickablesOf(list);
    if (!menu) throw new Error('no menu');
    const copy = messageOf(click(list, menu, 'unep', someoneElse));
    expect(copy.flags).toBe(ephemeral);
    const share = button(copy, 'share');
    expect(share?.customId).toContain(`:${someoneElse.user.id}:`);
  });

  it('posts the same card publicly, naming who shared it without pinging', () => {
    const privateCard = messageOf(ask('/partner who:wipo private:true', someoneElse));
    const share = button(privateCard, 'share');
    if (!share) throw new Error('no Share button');
    const shared = click(privateCard, share, undefined, someoneElse);
    expect(shared.type).toBe(4);
    const data = messageOf(shared);
    expect(data.flags ?? 0).toBe(0);
    expect(data.content).toBe(`Shared by <@${someoneElse.user.id}>`);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const wipo = context.dataset.partnerById.get('wipo') as Partner;
    expect(data.embeds).toEqual([partnerCard(wipo, context.dataset)]);
    expect(button(data, 'sources')).toBeDefined();
    expect(button(data, 'share')).toBeUndefined();
    expect(owner.user.id).not.toBe(someoneElse.user.id);
  });
});
