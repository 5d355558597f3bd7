/**
 * The layout rules of issue 24, on every partner, focus area and year of the real data, in both languages:
 * one phone screen per reply (Sources excepted), nothing said twice in a card, a † only where it is
 * explained, and a French reader gets the bot's own words in French.
 */
import type { APIEmbed, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { timelineYears } from '../src/cards/agreement-cards.js';
import { externalMark } from '../src/cards/style.js';
import type { Partner } from '../src/data/schema.js';
import { en, fr, type Messages } from '../src/i18n/index.js';
import { handleInteraction } from '../src/interactions/handle.js';
import {
  buildAutocompleteInteraction,
  createLocalSession,
} from '../src/transports/local/parse-command-line.js';
import { ask, click, context, messageOf, pageButton } from './helpers/bot.js';
import { descriptionLines, phoneHeight, phoneScreen } from './helpers/phone-screen.js';

const { dataset } = context;
const languages = [
  ['en', en, createLocalSession()],
  ['fr', fr, createLocalSession({ locale: 'fr' } as Parameters<typeof createLocalSession>[0])],
] as const;
const years = timelineYears(dataset).flatMap((group) => (group.year === null ? [] : [group.year]));

/** Every reply of one language that is meant to fit one phone screen, by name. */
function replies(session: (typeof languages)[number][2]): [string, APIInteractionResponseCallbackData][] {
  const run = (line: string) => messageOf(ask(line, session));
  const mou = run('/mou');
  const pages = [mou];
  for (let next = pageButton(mou, 1); next; next = pageButton(pages.at(-1)!, pages.length)) {
    pages.push(messageOf(click(pages.at(-1)!, next, undefined, session)));
  }
  return [
    ...dataset.partners.map((p): [string, APIInteractionResponseCallbackData] => [
      `/partner ${p.id}`,
      run(`/partner who:${p.id}`),
    ]),
    ...dataset.topics.map((t): [string, APIInteractionResponseCallbackData] => [
      `/topic ${t.slug}`,
      run(`/topic area:${t.slug}`),
    ]),
    ...years.map((y): [string, APIInteractionResponseCallbackData] => [`/mou ${y}`, run(`/mou year:${y}`)]),
    ...pages.map((page, i): [string, APIInteractionResponseCallbackData] => [`/mou page ${i + 1}`, page]),
    ['/mou view:timeline', run('/mou view:timeline')],
    ['/help', run('/help')],
  ];
}

const allText = (embed: APIEmbed) =>
  [
    embed.title ?? '',
    embed.description ?? '',
    ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]),
    embed.footer?.text ?? '',
  ].join('\n');

const optionTexts = (data: APIInteractionResponseCallbackData) =>
  (data.components ?? []).flatMap((row) =>
    'components' in row
      ? row.components.flatMap((c) =>
          c.type === 3
            ? [c.placeholder ?? '', ...c.options.flatMap((o) => [o.label, o.description ?? ''])]
            : ['label' in c ? (c.label ?? '') : ''],
        )
      : [],
  );

describe.each(languages)('in %s', (_language, t, session) => {
  const all = replies(session);

  it.each(all)('%s fits one phone screen (600 px at 400 px wide)', (_name, data) => {
    expect(phoneHeight(data)).toBeLessThanOrEqual(phoneScreen);
  });

  it('/mou lists the Council decision the picture shows, and has more than one page', () => {
    const pages = all.filter(([name]) => name.startsWith('/mou page'));
    expect(pages.length).toBeGreaterThan(1);
    const listed = pages.flatMap(([, data]) => (data.embeds ?? []).map((embed) => embed.description ?? ''));
    expect(listed.join('\n')).toContain(t.councilDecision);
  });

  it('keeps /help to 1,400 characters, starting with what to type first', () => {
    const card = messageOf(ask('/help', session)).embeds?.[0];
    const length =
      (card?.title?.length ?? 0) + (card?.description?.length ?? 0) + (card?.footer?.text.length ?? 0);
    expect(length).toBeLessThanOrEqual(1400);
    expect(card?.description?.split('\n')[0]).toContain(
      `/${t.commands.partner.name} ${t.commands.partner.whoName}:`,
    );
    expect(card?.description).toContain(`/${t.commands.mou.name} ${t.commands.mou.viewName}:`);
    for (const example of t.askExamples) expect(card?.description).toContain(example);
  });

  // A command wrapped at its space ("/partenaire" | "qui:interpol") cannot be read or copied as one: each starts
  // its own line and fits on it, so the line breaks, if any, fall in the words after it.
  it('starts each /help line that shows a command with it, short enough for one phone line', () => {
    const description = messageOf(ask('/help', session)).embeds?.[0]?.description ?? '';
    const commandLines = description.split('\n').filter((line) => line.includes('`'));
    expect(commandLines.length).toBeGreaterThanOrEqual(5);
    for (const line of commandLines) {
      const [command, ...others] = line.match(/`[^`]+`/g) ?? [];
      expect(line.startsWith(command ?? '-'), line).toBe(true);
      expect(others, line).toEqual([]);
      expect(descriptionLines(command ?? ''), line).toBe(1);
    }
  });

  it.each(all)(
    '%s: no † in a title, a menu or a button, and every † explained under the card',
    (_name, data) => {
      for (const embed of data.embeds ?? []) {
        expect(embed.title ?? '').not.toContain(externalMark);
        const marked = [embed.description ?? '', ...(embed.fields ?? []).map((f) => f.value)].some((text) =>
          text.includes(externalMark),
        );
        expect(/^†/m.test(embed.footer?.text ?? ''), embed.footer?.text).toBe(marked);
      }
      for (const text of optionTexts(data)) expect(text).not.toContain(externalMark);
      expect(data.content ?? '').not.toContain(externalMark);
    },
  );

  it.each(all)('%s: no line said twice', (_name, data) => {
    for (const embed of data.embeds ?? []) {
      const lines = allText(embed)
        .split('\n')
        .map((line) => line.replace(/^[•\s]+/, '').trim())
        .filter(Boolean);
      expect(lines.length - new Set(lines).size, allText(embed)).toBe(0);
    }
  });

  it.each(all)('%s: the bot’s own words are in the reader’s language', (_name, data) => {
    const other = t === en ? fr : en;
    const ownWords = (m: Messages) =>
      [
        m.agreementsField,
        m.milestonesField,
        m.focusAreasField,
        m.programmesField,
        m.relatedBodiesField,
        m.locationField,
        m.aliasesField,
        m.noAgreement,
        m.externalFooter,
        m.externalName,
        m.openCard,
        m.helpTitle,
        m.timelineTitle,
      ].filter((word) => !Object.values(t).includes(word));
    const text = [...(data.embeds ?? []).map(allText), data.content ?? '', ...optionTexts(data)].join('\n');
    for (const word of ownWords(other)) expect(text).not.toContain(word);
    if (t.sourceInEnglish) {
      for (const embed of data.embeds ?? []) expect(embed.footer?.text).toContain(t.sourceInEnglish);
    }
  });

  // What a partner card says once: each fact in the field that holds it, and the description what they don't.
  describe.each(dataset.partners.map((p): [string, Partner] => [p.id, p]))('the %s card', (_id, partner) => {
    const card = messageOf(ask(`/partner who:${partner.id}`, session)).embeds?.[0] as APIEmbed;
    const description = (card.description ?? '').toLowerCase();
    const contains = (text: string) =>
      new RegExp(
        `(^|[^\\p{L}\\p{N}])${text.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`,
        'u',
      ).test(description);

    it('does not say in its description what its fields say', () => {
      const dated = [...partner.agreements, ...partner.milestones].flatMap((item) =>
        item.date ? [item.date.slice(0, 4)] : [],
      );
      const named = [
        ...partner.programmes.flatMap((p) => [p.name, p.acronym ?? '']),
        ...partner.relatedBodies.flatMap((b) => [b.name, b.acronym ?? '']),
        ...partner.locations.map((l) => l.place.split(',')[0] ?? ''),
        ...partner.aliases,
        ...(partner.acronym ? [partner.name] : []),
      ].filter((name) => name.length > 1);
      for (const text of [...dated, ...named]) expect(contains(text), text).toBe(false);
      // One area word can be what the description is about ("information on drugs"); a list of them is the
      // Focus areas field said again.
      const labels = partner.focusAreas.map((f) => dataset.topicBySlug.get(f.topic)?.label ?? f.topic);
      expect(labels.filter(contains).length, labels.join()).toBeLessThanOrEqual(1);
    });

    it('names each programme, related body, place and alias once', () => {
      const text = allText(card);
      const once = [
        ...partner.programmes.map((p) => p.name),
        ...partner.relatedBodies.map((b) => b.name),
        ...partner.locations.map((l) => l.place),
      ];
      for (const name of once) expect(text.split(name).length - 1, name).toBeLessThanOrEqual(1);
      for (const alias of partner.aliases) expect(card.title).not.toBe(alias);
      const aliasField = card.fields?.find((f) => f.name === t.aliasesField)?.value ?? '';
      for (const word of (card.title ?? '').split(' ')) {
        if (aliasField) expect(aliasField.replace(externalMark, '')).not.toBe(word);
      }
    });
  });
});

describe('autocomplete and the message command carry no †', () => {
  it.each(dataset.partners.map((p) => p.id))('%s', (id) => {
    const partner = dataset.partnerById.get(id) as Partner;
    const spec = commands.find((c) => c.data.name === 'partner')!;
    const response = handleInteraction(
      buildAutocompleteInteraction(spec, [], { name: 'who', value: partner.acronym ?? partner.name }),
      context,
    );
    const choices = response.type === 8 ? (response.data.choices ?? []) : [];
    for (const choice of choices) expect(choice.name).not.toContain(externalMark);
  });
});
