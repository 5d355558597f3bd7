import { ComponentType, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { embedsTotalLength, fitMessage } from '../src/cards/limits.js';
import { partnerCard } from '../src/cards/partner-card.js';
import { buildDataset } from '../src/data/dataset.js';
import { en } from '../src/i18n/index.js';
import { handleInteraction } from '../src/interactions/handle.js';
import {
  buildAutocompleteInteraction,
  buildBotMessage,
  buildChatInputInteraction,
  buildComponentInteraction,
} from '../src/transports/local/parse-command-line.js';
import {
  ask,
  click,
  clickablesOf,
  context,
  interactionFor,
  messageOf,
  owner,
  pageButton,
  someoneElse,
} from './helpers/bot.js';
import { interactionResponseSchema, messageDataSchema } from './helpers/response-schema.js';

const { dataset } = context;
const isEphemeral = (line: string) => ((messageOf(ask(line)).flags ?? 0) & MessageFlags.Ephemeral) !== 0;
const cardTitle = (line: string) => messageOf(ask(line)).embeds?.[0]?.title;
const fieldNames = (line: string) =>
  (messageOf(ask(line)).embeds?.[0]?.fields ?? []).map((field) => field.name);
const boldNames = (text: string | undefined) =>
  [...(text ?? '').matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1] ?? '');

describe('/partner', () => {
  it.each([
    ['/partner who:interpol', 'International Criminal Police Organization (INTERPOL)'],
    ['/partner who:WHO', 'World Health Organization (WHO)'],
    ['/partner who:who', 'World Health Organization (WHO)'],
    ['/partner who:OLAF', 'EU Authorities'],
    ['/partner who:IATA', 'International Civil Aviation Organization (ICAO)'],
    ['/partner who:interpl', 'International Criminal Police Organization (INTERPOL)'],
    ['/partner who:unodc', 'United Nations Office on Drugs and Crime (UNODC)'],
    ['/partner who:wco-regional-dog-training-centres', 'WCO Regional Dog Training Centres'],
    ['/partner who:"detector dogs"', 'WCO Regional Dog Training Centres'],
    ['/partner who:"sniffer dogs"', 'WCO Regional Dog Training Centres'],
    ['/partner who:ozone', 'United Nations Environment Programme (UNEP)'],
    ['/partner who:ODS', 'United Nations Environment Programme (UNEP)'],
    ['/partner who:MEA', 'United Nations Environment Programme (UNEP)'],
    ['/partner who:aviation', 'International Civil Aviation Organization (ICAO)'],
    ['/partner who:"passenger data"', 'International Civil Aviation Organization (ICAO)'],
    ['/partner who:"fake medicines"', 'World Health Organization (WHO)'],
    ['/partner who:"nuclear smuggling"', 'International Atomic Energy Agency (IAEA)'],
  ])('%s shows the card titled %j', (line, title) => {
    expect(cardTitle(line)).toBe(title);
  });

  const field = (line: string, name: string) =>
    messageOf(ask(line)).embeds?.[0]?.fields?.find((f) => f.name === name)?.value ?? '';

  // Each agreement is one line, dated with the source's precision; the parties are named only where they are
  // not simply the WCO and the partner (the dog centres' MOUs name each country's Customs).
  it.each([
    ['/partner who:emcdda', ['• 12 January 2007: MOU']],
    ['/partner who:who', ['• July 2002: MOU']],
    ['/partner who:interpol', ['• 2003: MOU']],
    ['/partner who:unodc', ['• November 1996: MOU', '• 18 March 2010: MOU']],
    ['/partner who:europol', ['• 2002: Co-operation Agreement', '• 2002: MOU']],
    [
      '/partner who:wco-regional-dog-training-centres',
      [
        '• MOU with Customs Control Committee, Ministry of Finance of the Republic of Kazakhstan',
        '• MOU with Customs Administration of the Czech Republic',
        '*Dates not stated in the source.*',
      ],
    ],
    ['/partner who:opcw', ['None stated in the source.']],
  ])('%s lists its agreements as %j', (line, agreements) => {
    expect(field(line, '📄 Agreements').split('\n')).toEqual(agreements);
  });

  it.each(dataset.partners.map((p) => p.id))('the %s card never says “Between WCO and …”', (id) => {
    expect(JSON.stringify(partnerCard(dataset.partnerById.get(id)!, dataset))).not.toContain('Between');
  });

  it('names the dog centres’ signatories once, under the agreements', () => {
    const line = '/partner who:wco-regional-dog-training-centres';
    expect(fieldNames(line)).not.toContain('🔗 Related bodies');
    expect(field(line, '📄 Agreements')).toContain('Customs Administration of the Czech Republic');
  });

  it.each([
    ['/partner who:seci-center', 'SECI Center'],
    ['/partner who:who', 'World Health Organization (WHO)'],
  ])('%s is titled %j (no acronym repeated)', (line, title) => {
    expect(cardTitle(line)).toBe(title);
  });

  it('does not call Annex 9 a programme, nor API the guidelines’ name', () => {
    const work = field('/partner who:icao', '🧭 Programmes, standards and initiatives').split('\n');
    expect(work).toEqual([
      '• WCO/IATA/ICAO Guidelines on Advance Passenger Information',
      '• Annex 9 to the Convention on International Civil Aviation-Facilitation',
    ]);
  });

  it('lists focus areas, programmes and the source on the card', () => {
    const card = messageOf(ask('/partner who:unodc')).embeds?.[0];
    expect(card?.fields?.find((f) => f.name === '🎯 Focus areas')?.value).toContain('Drugs');
    expect(card?.fields?.find((f) => f.name === '🧭 Programmes, standards and initiatives')?.value).toContain(
      'UNODC-WCO Container Control Programme',
    );
  });

  // A footer cites the source by its title, in words a reader understands: no file path, no sentence count.
  it.each([
    '/help',
    '/mou view:timeline',
    '/partner who:unodc',
    '/partner who:cites',
    '/mou year:2002',
    '/topic area:drugs',
  ])('%s: the footer names the source by its title, nothing a reader cannot use', (line) => {
    const footer = messageOf(ask(line)).embeds?.[0]?.footer?.text ?? '';
    expect(footer).toContain(`“${dataset.source.title}”`);
    expect(footer).not.toMatch(/\.txt|data\/|sentence/);
  });

  it('shows the corrected Czech place name', () => {
    const card = messageOf(ask('/partner who:Hermanice')).embeds?.[0];
    expect(card?.fields?.find((f) => f.name === '📍 Location')?.value).toContain('Heřmanice, Czech Republic');
  });

  it('is public by default and ephemeral with private:true', () => {
    expect(isEphemeral('/partner who:interpol')).toBe(false);
    expect(isEphemeral('/partner who:interpol private:true')).toBe(true);
  });

  it('never puts a † in a menu: the card explains it where it stands', () => {
    const options = (messageOf(ask('/topic area:drugs')).components ?? []).flatMap((row) =>
      'components' in row
        ? row.components.flatMap((c) => (c.type === ComponentType.StringSelect ? c.options : []))
        : [],
    );
    expect(options.find((o) => o.value === 'interpol')?.description).toBe(
      'International Criminal Police Organization',
    );
    expect(options.find((o) => o.value === 'incb')?.description).toBe(
      'International Narcotics Control Board',
    );
  });

  it('offers other close matches in a menu, and picking one shows that card', () => {
    const first = messageOf(ask('/partner who:cultural property'));
    const menu = clickablesOf(first).find((c) => c.componentType === ComponentType.StringSelect);
    expect(menu?.values.length).toBeGreaterThan(0);
    const shownId = menu?.values.find(
      (id) => !first.embeds?.[0]?.title?.includes(dataset.partnerById.get(id)?.name ?? '?'),
    );
    const picked = click(first, menu!, shownId);
    expect(picked.type).toBe(7);
    expect(messageOf(picked).embeds?.[0]?.title).toContain(dataset.partnerById.get(shownId!)?.name);
  });

  it('answers no match with a short private message', () => {
    const data = messageOf(ask('/partner who:qzxvqzxv'));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toMatch(/^No partner matches “qzxvqzxv”\./);
  });

  it.each(['nato', 'bold'])(
    'answers %s (matches nothing real) privately: no match, did you mean',
    (query) => {
      const data = messageOf(ask(`/partner who:${query}`));
      expect(data.flags).toBe(MessageFlags.Ephemeral);
      expect(data.embeds ?? []).toEqual([]);
      expect(data.content).toMatch(new RegExp(`^No partner matches “${query}”\\. Did you mean `));
    },
  );

  it('says why a card found through a subject matched, in the partner’s own words', () => {
    const data = messageOf(ask('/partner who:ozone'));
    expect(data.embeds?.[0]?.title).toContain('UNEP');
    expect(data.content).toMatch(/^Matched: .*Ozone Depleting Substances/);
    expect(messageOf(ask('/partner who:interpol')).content).toBeUndefined();
  });

  it('suggests partners for a near miss it cannot resolve', () => {
    // Queries too far off for a match but close to something; at least one must be in that band.
    const near = ['world custom', 'intrpoolx', 'unescco museum'].find(
      (query) =>
        context.partnerSearch.search(query).length === 0 && context.partnerSearch.suggest(query).length > 0,
    );
    expect(near).toBeDefined();
    const data = messageOf(ask(`/partner who:"${near}"`));
    expect(data.content).toContain('Did you mean');
    expect(clickablesOf(data)[0]?.values.length).toBeGreaterThan(0);
  });
});

describe('/mou', () => {
  const partnersIn = (year: number) =>
    boldNames(messageOf(ask(`/mou year:${year}`)).embeds?.[0]?.description);

  it.each([
    [1996, ['CITES', 'UNODC']],
    [1998, ['IAEA']],
    [2000, ['ICOM', 'UNESCO']],
    [2002, ['Europol', 'WHO']],
    [2003, ['INTERPOL', 'UNEP']],
    [2005, ['OSCE', 'SECI']],
    [2007, ['EMCDDA']],
    [2010, ['UNODC']],
    [2011, ['ICAO']],
    [2012, ['INCB']],
  ])('/mou year:%i lists %j', (year, expected) => {
    expect(partnersIn(year).sort()).toEqual(expected);
  });

  // The focus areas of a line are those the agreement's own sentences name, or none, labelled as such.
  it.each([
    [2002, '• **WHO**: MOU, July 2002'],
    [
      2002,
      '• **Europol**: Co-operation Agreement and MOU (focus areas: Organised crime, Tobacco and cigarettes)',
    ],
    [1996, '• **UNODC**: MOU, November 1996'],
    // A date of a year alone is the title's year: not said again.
    [1996, '• **CITES**: MOU (focus area: Wildlife and endangered species)'],
    [2010, '• **UNODC**: MOU, 18 March 2010'],
    [1998, '• **IAEA**: MOU, 13 May 1998 (focus area: Nuclear and radioactive material)'],
    [2007, '• **EMCDDA**: MOU, 12 January 2007 (focus area: Drugs)'],
    [2005, '• **OSCE**: Council decision, July 2005'],
  ])('/mou year:%i has the line %j', (year, line) => {
    const description = messageOf(ask(`/mou year:${year}`)).embeds?.[0]?.description ?? '';
    expect(description.split('\n')).toContain(line);
  });

  it.each([1996, 2002, 2003, 2010])(
    '/mou year:%i does not repeat its year after a date of the year alone',
    (year) => {
      const description = messageOf(ask(`/mou year:${year}`)).embeds?.[0]?.description ?? '';
      expect(description).toMatch(/^• /u);
      expect(description).not.toMatch(new RegExp(`, ${year}(?:$| \\()`, 'mu'));
    },
  );

  it('the timeline’s “Date not stated” lines do not repeat it', () => {
    let data = messageOf(ask('/mou'));
    for (let page = 0; !data.embeds?.[0]?.description?.includes('Date not stated'); page++) {
      const next = clickablesOf(data).find((c) => c.customId.endsWith(`:page:${owner.user.id}:${page + 1}`))!;
      data = messageOf(click(data, next));
    }
    const undated = data.embeds?.[0]?.description?.split('**Date not stated**\n')[1] ?? '';
    expect(undated.split('\n')).toEqual([
      '• **WCO Regional Dog Training Centres (Customs Control Committee, Ministry of Finance of the Republic of Kazakhstan)**: MOU',
      '• **WCO Regional Dog Training Centres (Customs Administration of the Czech Republic)**: MOU',
    ]);
  });

  it.each([
    [1999, 'Nearest years with agreements: 1998 and 2000'],
    [2020, 'Nearest year with agreements: 2012'],
    [1950, 'Nearest year with agreements: 1996'],
  ])('a year without agreements (%i) says so and names the nearest', (year, nearest) => {
    const data = messageOf(ask(`/mou year:${year}`));
    expect(data.content).toContain(`No agreement in the source was signed in ${year}.`);
    expect(data.content).toContain(nearest);
  });

  it('pages through the whole timeline, every agreement and Council decision exactly once', () => {
    let data = messageOf(ask('/mou'));
    const seen: string[] = [];
    for (let page = 0; page < 10; page++) {
      seen.push(
        ...boldNames(data.embeds?.[0]?.description).filter((name) => !/^\d{4}$|^Date not stated$/.test(name)),
      );
      const next = clickablesOf(data).find(
        (c) => c.customId.includes(':page:') && c.customId.endsWith(`:${page + 1}`),
      );
      if (!next || next.disabled) break;
      data = messageOf(click(data, next));
    }
    // One line per partner and date (Europol's two 2002 agreements share one), and the OSCE's decision.
    const expected = dataset.partners.flatMap((p) => [
      ...new Set(p.agreements.map((a) => `${p.acronym ?? p.name}|${a.date}|${a.parties.join()}`)),
    ]);
    expect(seen).toHaveLength(expected.length + 1);
    expect(new Set(seen.map((name) => name.replace(/ \(.*\)$/, '')))).toEqual(
      new Set([
        ...dataset.partners.filter((p) => p.agreements.length).map((p) => p.acronym ?? p.name),
        'OSCE',
      ]),
    );
  });

  it('declares a sensible year range', () => {
    const year = commands.find((c) => c.data.name === 'mou')?.data.options?.[0];
    expect(year).toMatchObject({ name: 'year', min_value: 1950, max_value: 2100 });
  });
});

describe('/topic', () => {
  const partnersIn = (line: string) => boldNames(messageOf(ask(line)).embeds?.[0]?.description);

  it.each([
    ['cultural-property', ['ICOM', 'INTERPOL', 'UNESCO']],
    ['money-laundering', ['FATF']],
    ['nuclear-and-radioactive-material', ['IAEA']],
    ['wildlife', ['CITES']],
    ['drugs', ['EMCDDA', 'INCB', 'INTERPOL', 'UNODC']],
    ['tobacco', ['EU Authorities', 'Europol', 'INTERPOL', 'WHO']],
    ['detector-dogs', ['WCO Regional Dog Training Centres']],
    ['capacity-building', ['OSCE']],
    ['aviation', ['ICAO']],
    ['environment', ['INTERPOL', 'UNEP']],
    ['ozone-depleting-substances', ['UNEP']],
    ['green-customs', ['UNEP']],
  ])('/topic area:%s lists %j', (slug, expected) => {
    expect(partnersIn(`/topic area:${slug}`).sort()).toEqual(expected);
  });

  it('says in one line what each partner does in the area', () => {
    const description = messageOf(ask('/topic area:cultural-property')).embeds?.[0]?.description ?? '';
    expect(description).toContain(
      '• **INTERPOL**: Works with the WCO against trafficking of stolen cultural artifacts.',
    );
  });

  it.each([
    ['drug', 'Drugs'],
    ['dogs', 'Detector dogs'],
    ['sniffer dogs', 'Detector dogs'],
    ['aviation', 'Aviation and passenger data'],
    ['airport', 'Aviation and passenger data'],
    ['passenger data', 'Aviation and passenger data'],
    ['ozone', 'Ozone depleting substances'],
    ['MEA', 'Green Customs and environmental agreements'],
    ['fake medicines', 'Public health'],
    ['heritage', 'Cultural property'],
    ['copyright', 'Intellectual property'],
    ['patents', 'Intellectual property'],
    ['radiation', 'Nuclear and radioactive material'],
    ['terrorist financing', 'Counter-terrorism'],
    ['cigarette smuggling', 'Tobacco and cigarettes'],
    ['nuclear smuggling', 'Nuclear and radioactive material'],
  ])('/topic area:"%s" opens the %s card', (area, label) => {
    expect(messageOf(ask(`/topic area:"${area}"`)).embeds?.[0]?.title).toBe(`Focus area: ${label}`);
  });

  it('accepts a label typed in full', () => {
    expect(messageOf(ask('/topic area:"Cultural property"')).embeds?.[0]?.title).toBe(
      'Focus area: Cultural property',
    );
  });

  it.each([
    ['drug', 'Drugs'],
    ['aviaton', 'Aviation and passenger data'],
    ['tobaco', 'Tobacco and cigarettes'],
  ])('forgives a typo that can mean one area only: /topic area:%s opens %s', (area, label) => {
    expect(messageOf(ask(`/topic area:${area}`)).embeds?.[0]?.title).toBe(`Focus area: ${label}`);
  });

  it('answers a word several areas share with each of them to pick from, by label', () => {
    const data = messageOf(ask('/topic area:crime'));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toBe(en.topicsSharingWord('crime', 3));
    expect(clickablesOf(data)[0]?.values).toEqual(['environment', 'money-laundering', 'organized-crime']);
  });
});

describe('/help', () => {
  it('starts with what to type first, shows every way to ask, and where the data is from', () => {
    const card = messageOf(ask('/help')).embeds?.[0];
    const description = card?.description ?? '';
    expect(description.startsWith('`/partner who:interpol` **to start**')).toBe(true);
    for (const example of [
      '/partner who:interpol',
      '/ask question:',
      '/topic area:drugs',
      '/mou year:2003',
      '/mou view:timeline',
      'WCO partners in this message',
      ...en.askExamples,
    ]) {
      expect(description).toContain(example);
    }
    // The latest agreement of the data: INCB's MOU of 12 April 2012.
    expect(card?.footer?.text).toBe(
      `Data from the WCO page “${dataset.source.title}” (retrieved November 2026), latest agreement April 2012`,
    );
  });

  it('lists no focus-area slugs in code font', () => {
    const description = messageOf(ask('/help')).embeds?.[0]?.description ?? '';
    for (const topic of dataset.topics) expect(description).not.toContain(`\`${topic.slug}\``);
  });
});

describe('autocomplete', () => {
  const choicesFor = (command: string, option: string, value: string) => {
    const spec = commands.find((c) => c.data.name === command)!;
    const response = handleInteraction(
      buildAutocompleteInteraction(spec, [], { name: option, value }),
      context,
    );
    expect(response.type).toBe(8);
    return response.type === 8 ? (response.data.choices ?? []) : [];
  };

  it('offers partners A-Z for an empty value, at most 25', () => {
    const choices = choicesFor('partner', 'who', '');
    expect(choices.length).toBe(Math.min(25, dataset.partners.length));
    const names = choices.map((c) => dataset.partnerById.get(String(c.value))?.name ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('puts the best partner first and uses its id as the value', () => {
    expect(choicesFor('partner', 'who', 'interp')[0]).toEqual({
      name: 'INTERPOL: International Criminal Police Organization',
      value: 'interpol',
    });
  });

  it('completes focus areas by label and synonym, with the slug as value', () => {
    expect(choicesFor('topic', 'area', 'narcotics')[0]?.value).toBe('drugs');
    expect(choicesFor('topic', 'area', '').length).toBe(dataset.topics.length);
  });
});

describe('components', () => {
  const lines = ['/partner who:cultural property', '/mou', '/mou year:2003', '/topic area:cultural-property'];

  it.each(lines)('every button and menu of %s leads to a valid reply', (line) => {
    const data = messageOf(ask(line));
    const clickables = clickablesOf(data);
    expect(clickables.length).toBeGreaterThan(0);
    for (const clickable of clickables.filter((c) => !c.disabled)) {
      for (const value of clickable.values.length ? clickable.values : [undefined]) {
        const answer = click(data, clickable, value);
        expect(interactionResponseSchema.safeParse(answer).error).toBeUndefined();
        // A card's Sources button answers with a new private message; everything else updates in place.
        expect(answer.type).toBe(clickable.customId.startsWith('v1:card:') ? 4 : 7);
        // And one level deeper: the "Back" button of an opened card.
        for (const inner of clickablesOf(messageOf(answer)).filter(
          (c) => c.componentType === ComponentType.Button,
        )) {
          expect(interactionResponseSchema.safeParse(click(messageOf(answer), inner)).error).toBeUndefined();
        }
      }
    }
  });

  it('gives someone else their own private copy instead of changing the shared message', () => {
    const data = messageOf(ask('/mou'));
    const next = pageButton(data, 1)!;
    const answer = click(data, next, undefined, someoneElse);
    expect(answer.type).toBe(4);
    expect(messageOf(answer).flags).toBe(MessageFlags.Ephemeral);
  });

  it('a colleague’s private copy is theirs: its buttons update it instead of posting another copy', () => {
    const shared = messageOf(ask('/mou'));
    const toPage = (data: typeof shared, page: number) =>
      clickablesOf(data).find((c) => c.customId.includes(':page:') && c.customId.endsWith(`:${page}`))!;
    const copy = messageOf(click(shared, toPage(shared, 1), undefined, someoneElse));
    const colleague = someoneElse.user.id;
    expect(clickablesOf(copy).map((c) => c.customId.split(':')[3])).toEqual(
      clickablesOf(copy).map(() => colleague),
    );
    const paged = click(copy, toPage(copy, 0), undefined, someoneElse);
    expect(paged.type).toBe(7);
    expect(messageOf(paged).embeds?.[0]?.footer?.text).toMatch(/^Page 1 of/);
  });

  // An update replaces the message but Discord keeps any field it leaves out: the card must clear the text.
  it.each([
    ['/partner', ['world custom', 'intrpoolx', 'unescco museum'].map((q) => `/partner who:"${q}"`)],
    ['/topic', ['/topic area:crime', '/topic area:weapons']],
  ])('picking from the “Did you mean” menu of %s clears the old text', (_command, lines) => {
    // The first of these near misses that gets a menu (which ones do depends on the search's tolerance).
    const first = lines.map((line) => messageOf(ask(line))).find((data) => clickablesOf(data).length);
    expect(first?.content).toBeTruthy();
    if (!first) return;
    const menu = clickablesOf(first)[0]!;
    const picked = click(first, menu, menu.values[0]);
    expect(picked.type).toBe(7);
    expect(messageOf(picked).content).toBe('');
    expect(messageOf(picked).embeds?.length).toBe(1);
  });

  it.each([
    'nonsense',
    'v0:partner:open:1',
    'v1:partner:explode:1',
    'v1:ghost:open:1',
    'v1:mou:page:1:NaN',
    `v1:${'x'.repeat(200)}`,
  ])('answers an unknown or forged custom_id (%s) with a private notice', (customId) => {
    const interaction = buildComponentInteraction({
      message: buildBotMessage({ content: 'x' }, owner),
      customId,
      componentType: ComponentType.Button,
    });
    const data = messageOf(handleInteraction(interaction, context));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toMatch(/expired/);
  });
});

describe('every reply fits Discord’s limits and pings no one', () => {
  const spec = (name: string) => commands.find((c) => c.data.name === name)!;
  const raw = (command: string, name: string, type: 3 | 4, value: string | number) =>
    handleInteraction(buildChatInputInteraction(spec(command), [{ name, type, value } as never]), context);
  // Values Discord's client would refuse but a forged request can carry.
  const hostile: [label: string, response: () => unknown][] = [
    ['6,000 characters', () => raw('partner', 'who', 3, 'a'.repeat(6000))],
    ['mentions', () => raw('partner', 'who', 3, '@everyone <@123456789012345678> <@&123456789012345678>')],
    ['markdown', () => raw('partner', 'who', 3, '**bold** __under__ `code` [link](https://x.y) ||spoiler||')],
    ['control characters', () => raw('partner', 'who', 3, '\u0000\u0007\u001b[31m\u202e\u200b')],
    ['a mention as topic', () => raw('topic', 'area', 3, '@here')],
    ['3,000 emoji as topic', () => raw('topic', 'area', 3, '🙂'.repeat(3000))],
    ['year 0', () => raw('mou', 'year', 4, 0)],
    ['year 99999', () => raw('mou', 'year', 4, 99999)],
    ['a string as year', () => raw('mou', 'year', 3, '2003')],
  ];

  it.each(hostile)('a forged option (%s) gets a valid reply', (_label, response) => {
    expect(interactionResponseSchema.safeParse(response()).error).toBeUndefined();
  });

  it.each([...dataset.partners.map((p) => `/partner who:${p.id}`), '/mou', '/help'])('%s', (line) => {
    expect(interactionResponseSchema.safeParse(ask(line)).error).toBeUndefined();
  });

  it('never echoes a mention or markdown from the user unescaped', () => {
    const content = messageOf(ask('/partner who:"@everyone <@123456789012345678> **x**"')).content ?? '';
    expect(content).toContain('No partner matches');
    expect(content).not.toMatch(/(^|[^\\])@everyone|<@\d|(^|[^\\])\*\*x/);
  });

  it('a missing required option gets a clear private message', () => {
    const interaction = interactionFor('/partner who:x');
    if (interaction.type === 2 && 'options' in interaction.data) interaction.data.options = [];
    const data = messageOf(handleInteraction(interaction, context));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toContain('/partner who:interpol');
  });

  it('cuts a synthetic oversize record down to the limits, 6,000 characters in all', () => {
    const huge = structuredClone(dataset.partners.find((p) => p.id === 'unodc')!);
    huge.name = 'N'.repeat(300);
    huge.summary = 'S'.repeat(5000);
    huge.agreements = Array.from({ length: 40 }, () => ({
      ...huge.agreements[0]!,
      parties: ['WCO', 'P'.repeat(1200)],
    }));
    const oversized = buildDataset(
      { source: dataset.source, corrections: [], partners: [huge] },
      dataset.topics,
    );
    const raw = { embeds: [partnerCard(huge, oversized), partnerCard(huge, oversized)] };
    expect(embedsTotalLength(raw.embeds)).toBeGreaterThan(6000);
    const fitted = fitMessage(raw);
    expect(messageDataSchema.safeParse(fitted).error).toBeUndefined();
    expect(embedsTotalLength(fitted.embeds)).toBeLessThanOrEqual(6000);
    expect(fitted.embeds?.[0]?.title).toHaveLength(256);
  });

  it('the longest real card keeps all its fields', () => {
    const longest = [...dataset.partners].sort(
      (a, b) => embedsTotalLength([partnerCard(b, dataset)]) - embedsTotalLength([partnerCard(a, dataset)]),
    )[0]!;
    const card = messageOf(ask(`/partner who:${longest.id}`)).embeds?.[0];
    expect(card).toEqual(partnerCard(longest, dataset));
  });
});
