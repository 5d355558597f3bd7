import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { loadBotContext } from '../src/interactions/create-context.js';
import { markdownHtml } from '../src/screenshots/markdown.js';
import { fieldColumns, type Layout, messageHtml } from '../src/screenshots/message-html.js';
import { answerShot, replyHtml, shots } from '../src/screenshots/replies.js';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];

/** The elements named `tag` in `html`, as a browser would parse it. */
function elements(html: string, tag: string): Element[] {
  const found: Element[] = [];
  const visit = (node: Node) => {
    if ('tagName' in node && node.tagName === tag) found.push(node);
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parseFragment(html));
  return found;
}

function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (node.nodeName === 'br') return '\n';
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}

function attributes(element: Element | undefined): Record<string, string> {
  return Object.fromEntries((element?.attrs ?? []).map(({ name, value }) => [name, value]));
}

const options = (layout: Layout = 'laptop') => ({
  layout,
  author: { name: 'WCO Partners', avatar: 'data:image/png;base64,AA==' },
  timestamp: 'Today at 09:30',
});

describe('screenshots: payload → Discord message HTML', () => {
  it('maps an embed: title, colour, description, footer with its line breaks; every text escaped', () => {
    const data: APIInteractionResponseCallbackData = {
      embeds: [
        {
          title: 'The "WCO" & <friends>',
          color: 0x1f5fa8,
          description: 'Signed in 2003 <b>not bold</b> & "quoted"',
          footer: { text: 'Source: “WCO” & co\n† not stated' },
        },
      ],
    };
    const html = messageHtml(data, options());
    const [embed] = elements(html, 'discord-embed');
    expect(attributes(embed)).toMatchObject({ 'embed-title': 'The "WCO" & <friends>', color: '#1f5fa8' });
    expect(elements(html, 'b')).toEqual([]);
    expect(elements(html, 'strong')).toEqual([]);
    expect(text(elements(html, 'discord-embed-description')[0] as Element)).toBe(
      'Signed in 2003 <b>not bold</b> & "quoted"',
    );
    const [footer] = elements(html, 'discord-embed-footer');
    expect(text(footer as Element)).toBe('Source: “WCO” & co\n† not stated');
    // No embed timestamp: the footer shows none, and the message's time is the one given.
    expect(attributes(footer)).toEqual({ slot: 'footer', style: 'grid-column: 1/1' });
    expect(attributes(elements(html, 'discord-message')[0])).toMatchObject({ timestamp: 'Today at 09:30' });
  });

  it('draws Discord markdown: bold, italic, code, links, quotes, lists', () => {
    const html = markdownHtml(
      '**Bold** and *italic* `code` [WCO](https://www.wcoomd.org/?a=1&b=2)\n> a quote\n- one\n- **two**\n1. first',
    );
    expect(text(elements(html, 'strong')[0] as Element)).toBe('Bold');
    expect(text(elements(html, 'em')[0] as Element)).toBe('italic');
    expect(text(elements(html, 'discord-code')[0] as Element)).toBe('code');
    const [link] = elements(html, 'discord-link');
    expect(attributes(link)).toEqual({ href: 'https://www.wcoomd.org/?a=1&b=2' });
    expect(text(link as Element)).toBe('WCO');
    expect(text(elements(html, 'discord-quote')[0] as Element).trim()).toBe('a quote');
    const [list] = elements(html, 'discord-unordered-list');
    expect(elements(html, 'discord-list-item').map((item) => text(item))).toEqual(['one', 'two', 'first']);
    expect(list?.childNodes).toHaveLength(2);
    expect(elements(html, 'discord-ordered-list')).toHaveLength(1);
    // A bullet typed as text (•) is text, as on Discord.
    expect(text(parseFragment(markdownHtml('• 2003: MOU')))).toBe('• 2003: MOU');
  });

  it('puts up to three inline fields side by side on a laptop, a non-inline one on its own row', () => {
    const field = (inline: boolean) => ({ name: 'n', value: 'v', inline });
    const cases: [boolean[], string[]][] = [
      [
        [true, true, true],
        ['1/5', '5/9', '9/13'],
      ],
      [
        [true, true],
        ['1/7', '7/13'],
      ],
      [
        [true, true, true, true],
        ['1/5', '5/9', '9/13', '1/13'],
      ],
      [
        [true, false, true, true],
        ['1/13', '1/13', '1/7', '7/13'],
      ],
      [
        [false, false],
        ['1/13', '1/13'],
      ],
    ];
    for (const [inline, columns] of cases) {
      expect(fieldColumns(inline.map(field), 'laptop')).toEqual(columns);
      expect(fieldColumns(inline.map(field), 'phone')).toEqual(inline.map(() => '1/13'));
    }
    const data = { embeds: [{ fields: [field(true), { name: '**Name**', value: 'A *b*', inline: true }] }] };
    const laptop = elements(messageHtml(data, options('laptop')), 'discord-embed-field');
    expect(laptop.map(attributes)).toEqual([
      { 'field-title': 'n', inline: '', style: 'grid-column: 1/7' },
      { 'field-title': '**Name**', inline: '', style: 'grid-column: 7/13' },
    ]);
    expect(elements(messageHtml(data, options('phone')), 'discord-embed-field').map(attributes)).toEqual([
      { 'field-title': 'n', style: 'grid-column: 1/13' },
      { 'field-title': '**Name**', style: 'grid-column: 1/13' },
    ]);
    // A field's value is markdown; its name is drawn as written.
    expect(text(laptop[1] as Element)).toBe('A b');
    expect(elements(messageHtml(data, options('laptop')), 'em').map(text)).toEqual(['b']);
  });

  it('draws buttons (label, emoji, style, disabled, link) and string selects (placeholder, options)', () => {
    const data: APIInteractionResponseCallbackData = {
      components: [
        {
          type: 1,
          components: [
            {
              type: 3,
              custom_id: 'menu',
              placeholder: 'Open a partner’s "card"',
              options: [{ label: 'UNEP', value: 'unep', description: 'United Nations <Environment>' }],
            },
          ],
        },
        {
          type: 1,
          components: [
            { type: 2, style: 2, custom_id: 'a', label: '◀ Previous', disabled: true },
            { type: 2, style: 1, custom_id: 'b', label: 'Sources', emoji: { name: '📑' } },
            { type: 2, style: 4, custom_id: 'c', label: 'Delete' },
            { type: 2, style: 5, url: 'https://www.wcoomd.org/', label: 'WCO' },
          ],
        },
      ],
    };
    const html = messageHtml(data, options());
    const [menu] = elements(html, 'discord-string-select-menu');
    expect(attributes(menu)).toEqual({ placeholder: 'Open a partner’s "card"' });
    expect(attributes(elements(html, 'discord-string-select-menu-option')[0])).toEqual({
      label: 'UNEP',
      description: 'United Nations <Environment>',
    });
    const buttons = elements(html, 'discord-button');
    expect(buttons.map((button) => [attributes(button), text(button)])).toEqual([
      [{ type: 'secondary', disabled: '' }, '◀ Previous'],
      [{ type: 'primary' }, '📑 Sources'],
      [{ type: 'destructive' }, 'Delete'],
      [{ type: 'secondary', url: 'https://www.wcoomd.org/' }, 'WCO'],
    ]);
    // Every button sits directly in an action row, as the components require.
    expect(elements(html, 'discord-action-row').flatMap((row) => row.childNodes).length).toBe(5);
  });

  it('a real reply: the /partner card with its command above, Sources ephemeral, the timeline picture inlined', () => {
    const context = loadBotContext();
    const card = answerShot({ name: 'card', line: '/partner who:interpol' }, 'en', context);
    const sources = answerShot(
      { name: 's', line: '/partner who:interpol', clicks: ['Sources'] },
      'en',
      context,
    );
    const timeline = answerShot({ name: 't', line: '/mou view:timeline' }, 'fr', context);
    if (!card.ok || !sources.ok || !timeline.ok) throw new Error('the bot refused a reply');

    const cardHtml = replyHtml(card.response, {
      commandName: 'partner',
      clicked: false,
      language: 'en',
      layout: 'phone',
    });
    expect(attributes(elements(cardHtml, 'discord-command')[0])).toMatchObject({ command: '/partner' });
    expect(attributes(elements(cardHtml, 'discord-embed')[0])['embed-title']).toContain('INTERPOL');
    expect(elements(cardHtml, 'discord-button').map(text)).toContain('📑 Sources');
    expect('ephemeral' in attributes(elements(cardHtml, 'discord-message')[0])).toBe(false);

    const sourcesHtml = replyHtml(sources.response, {
      commandName: 'partner',
      clicked: true,
      language: 'en',
      layout: 'phone',
    });
    expect(elements(sourcesHtml, 'discord-command')).toEqual([]);
    expect('ephemeral' in attributes(elements(sourcesHtml, 'discord-message')[0])).toBe(true);
    expect(elements(sourcesHtml, 'discord-quote').length).toBeGreaterThan(0);

    const timelineHtml = replyHtml(timeline.response, {
      commandName: 'mou',
      clicked: false,
      language: 'fr',
      layout: 'laptop',
    });
    expect(attributes(elements(timelineHtml, 'discord-embed')[0]).image).toMatch(
      /^data:image\/png;base64,iVBORw0KGgo/,
    );
  });

  it('a real reply with no embed: /topic’s text and its menu of areas', () => {
    const shot = answerShot({ name: 'several', line: '/topic area:smuggling' }, 'fr', loadBotContext());
    if (!shot.ok) throw new Error('the bot refused a reply');
    const html = replyHtml(shot.response, {
      commandName: 'topic',
      clicked: false,
      language: 'fr',
      layout: 'phone',
    });
    expect(text(elements(html, 'discord-message')[0] as Element)).toContain('couvre 5 domaines d’action');
    expect(elements(html, 'discord-string-select-menu-option').map((o) => attributes(o).label)).toContain(
      'Tabac et cigarettes',
    );
  });

  it('a shot types the words of its language where they differ: the French smuggling shot asks « contrebande »', () => {
    const smuggling = shots.find((shot) => shot.name === 'topic-smuggling');
    if (!smuggling) throw new Error('no topic-smuggling shot');
    const said = (language: 'en' | 'fr') => {
      const shot = answerShot(smuggling, language, loadBotContext());
      if (!shot.ok || shot.response.type !== 4) throw new Error('the bot refused a reply');
      return String(shot.response.data?.content);
    };
    expect(said('fr')).toMatch(/^«\u202fcontrebande\u202f» couvre/u);
    expect(said('en')).toMatch(/^“smuggling” covers/u);
  });
});
