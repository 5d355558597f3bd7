/**
 * Renders an interaction response as text for a terminal: plain (no ANSI, for pipes and `npm run ask`) or
 * coloured (each embed in a box drawn in its colour). Select-menu options and buttons become numbered
 * choices that listChoices() returns in the same order, so the playground can act on "pick 2".
 */

import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APIMessageTopLevelComponent,
  ButtonStyle,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
} from 'discord-api-types/payloads/v10';
import stringWidth from 'string-width';
import { catalogueFor } from '../../i18n/index.js';

export interface RenderOptions {
  /** ANSI colours and boxes. Default false. */
  color?: boolean;
  /** Columns to wrap to; default 80. Clamped to 40-120. */
  width?: number;
  /** The local user's id: a mention of it reads `@you`, any other user's `@someone`. */
  you?: string;
  /** The local user's Discord locale: the playground's own notes ("(only you can see this)") follow it. */
  locale?: string;
}

/** A numbered thing the reader can pick: one option of a select menu, or one button. */
export interface Choice {
  number: number;
  kind: 'option' | 'button';
  customId: string;
  componentType: ComponentType;
  label: string;
  /** For a select option: the value sent back when it is picked. */
  value?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Text measuring and wrapping
// ---------------------------------------------------------------------------------------------------------

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI SGR sequences (ESC [ … m) is the point.
const ansiPattern = /\x1b\[[0-9;]*m/g;
/** The same, captured, for split(). */
const ansiSplitter = new RegExp(`(${ansiPattern.source})`);

export function stripAnsi(text: string): string {
  return text.replace(ansiPattern, '');
}

/**
 * Columns the text takes in a terminal (ANSI codes take none; emoji and CJK take two), measured by
 * string-width rather than by hand-kept Unicode ranges.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

// A text-style emoji made colourful by VS16 (🗓️, 🏷️) is drawn one column wide by many terminals (tmux,
// xterm) and two by others; string-width counts two. Drawn as the bare symbol and a space, it takes the two
// columns counted everywhere, so box borders stay aligned.
const textEmojiWithVs16 = /(?=\P{Emoji_Presentation})(\p{Extended_Pictographic})\uFE0F/gu;

// A user mention (<@123…>) is a name in Discord's client: here it reads @you (the playground's user) or @someone.
const userMention = /<@!?(\d{17,20})>/g;

function forTerminal<T>(value: T, you?: string): T {
  const json = JSON.stringify(value)
    .replace(textEmojiWithVs16, '$1 ')
    .replace(userMention, (_match, id: string) => (id === you ? '@you' : '@someone'));
  return JSON.parse(json) as T;
}

/** Splits a word wider than `width` into pieces that fit. */
function splitWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const part of word.split(ansiSplitter)) {
    if (part.startsWith('\x1b[')) {
      piece += part;
      continue;
    }
    for (const char of part) {
      const w = displayWidth(char);
      if (pieceWidth + w > width && pieceWidth > 0) {
        pieces.push(piece);
        piece = '';
        pieceWidth = 0;
      }
      piece += char;
      pieceWidth += w;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Word-wraps one paragraph to `width` columns. Bullet lines ("• ", "- ", "1. ") get a hanging indent, so
 * continuation lines line up with the text, not the bullet.
 */
function wrapParagraph(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const plain = stripAnsi(line);
  const lead = /^\s*/.exec(line)?.[0] ?? '';
  const bullet = /^(\s*(?:[•\-*]|\d+\.|\[(?:\d+|-)\])\s+)/.exec(plain)?.[1] ?? lead;
  const indent = ' '.repeat(Math.min(displayWidth(bullet), Math.floor(width / 2)));
  const lines: string[] = [];
  let current = '';
  const prefix = () => (lines.length ? indent : lead);
  for (const word of line.slice(lead.length).split(/ +/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (displayWidth(prefix() + candidate) <= width) {
      current = candidate;
      continue;
    }
    if (current) {
      lines.push(prefix() + current);
      current = '';
    }
    if (displayWidth(prefix() + word) > width) {
      const pieces = splitWord(word, Math.max(1, width - displayWidth(prefix())));
      for (const piece of pieces.slice(0, -1)) lines.push(prefix() + piece);
      current = pieces.at(-1) ?? '';
    } else current = word;
  }
  if (current) lines.push(prefix() + current);
  return lines;
}

/**
 * Makes every line self-contained: styles still open at the end of a line are reset there (so box borders
 * stay unstyled) and re-opened at the start of the next one.
 */
function balanceStyles(lines: string[]): string[] {
  let active: string[] = [];
  // Which opening parameters each closing parameter ends (22 ends bold and dim, 39 any foreground colour).
  const closes: Record<string, RegExp> = {
    '22': /^[12]$/,
    '23': /^3$/,
    '24': /^4$/,
    '39': /^(3[0-7]|38;[0-9;]+|9[0-7])$/,
  };
  const paramsOf = (code: string) => code.slice(2, -1);
  return lines.map((line) => {
    const out = active.join('') + line;
    for (const code of line.match(ansiPattern) ?? []) {
      const params = paramsOf(code);
      const closing = closes[params];
      if (params === '0' || params === '') active = [];
      else if (closing) active = active.filter((open) => !closing.test(paramsOf(open)));
      else active.push(code);
    }
    return active.length ? `${out}\x1b[0m` : out;
  });
}

export function wrap(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => wrapParagraph(line.trimEnd(), width));
}

// ---------------------------------------------------------------------------------------------------------
// Styles
// ---------------------------------------------------------------------------------------------------------

interface Style {
  bold(text: string): string;
  italic(text: string): string;
  underline(text: string): string;
  dim(text: string): string;
  code(text: string): string;
  rgb(colour: number, text: string): string;
  color: boolean;
}

const plainStyle: Style = {
  bold: (text) => text,
  italic: (text) => text,
  underline: (text) => text,
  dim: (text) => text,
  code: (text) => text,
  rgb: (_colour, text) => text,
  color: false,
};

const ansiStyle: Style = {
  bold: (text) => `\x1b[1m${text}\x1b[22m`,
  italic: (text) => `\x1b[3m${text}\x1b[23m`,
  underline: (text) => `\x1b[4m${text}\x1b[24m`,
  dim: (text) => `\x1b[2m${text}\x1b[22m`,
  code: (text) => `\x1b[36m${text}\x1b[39m`,
  rgb: (colour, text) =>
    `\x1b[38;2;${(colour >> 16) & 255};${(colour >> 8) & 255};${colour & 255}m${text}\x1b[39m`,
  color: true,
};

/** Discord markdown to terminal text: emphasis becomes ANSI (or disappears in plain mode), escapes resolve. */
export function renderMarkdown(text: string, style: Style = plainStyle): string {
  const escaped: string[] = [];
  let out = text.replace(/\\([\\*_`~|>#[\]()<@:\-.!])/g, (_match, char: string) => {
    escaped.push(char);
    return `\u{F0000}${escaped.length - 1}\u{F0001}`;
  });
  const codes: string[] = [];
  out = out.replace(/`([^`\n]+)`/g, (_match, code: string) => {
    codes.push(code);
    return `\u{F0002}${codes.length - 1}\u{F0003}`;
  });
  out = out
    .replace(/<t:(-?\d+)(?::[tTdDfFR])?>/g, (_match, seconds: string) =>
      new Date(Number(seconds) * 1000).toISOString().slice(0, 10),
    )
    .replace(
      /\[([^\]\n]+)\]\((<)?(https?:\/\/[^)\s>]+)>?\)/g,
      (_match, label: string, _angle, url: string) =>
        label === url ? style.underline(url) : `${style.underline(label)} ${style.dim(`(${url})`)}`,
    )
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, (_match, inner: string) => style.bold(inner))
    .replace(/__(.+?)__/g, (_match, inner: string) => style.underline(inner))
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\|\|(.+?)\|\|/g, '$1')
    .replace(/(^|[^\w*])\*(?![\s*])(.+?)(?<![\s*])\*(?![\w*])/gm, (_match, before: string, inner: string) => {
      return before + style.italic(inner);
    })
    .replace(/(^|\W)_(?![\s_])(.+?)(?<![\s_])_(?!\w)/gm, (_match, before: string, inner: string) => {
      return before + style.italic(inner);
    })
    .replace(/^#{1,3} (.*)$/gm, (_match, heading: string) => style.bold(heading))
    .replace(/^-# (.*)$/gm, (_match, small: string) => style.dim(small))
    .replace(/^>>> ?/gm, '│ ')
    .replace(/^> ?/gm, '│ ');
  out = out.replace(/\u{F0002}(\d+)\u{F0003}/gu, (_match, index: string) =>
    style.code(codes[Number(index)] ?? ''),
  );
  return out.replace(/\u{F0000}(\d+)\u{F0001}/gu, (_match, index: string) => escaped[Number(index)] ?? '');
}

// ---------------------------------------------------------------------------------------------------------
// Choices
// ---------------------------------------------------------------------------------------------------------

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

function actionRows(components: readonly APIMessageTopLevelComponent[] | undefined): Row[] {
  const rows: Row[] = [];
  const visit = (component: { type: number; components?: unknown[] }) => {
    if (component.type === ComponentType.ActionRow) rows.push(component as Row);
    else if (Array.isArray(component.components)) {
      for (const child of component.components) visit(child as { type: number; components?: unknown[] });
    }
  };
  for (const component of components ?? []) visit(component as { type: number; components?: unknown[] });
  return rows;
}

/** The pickable options and buttons of a message, numbered from 1 in reading order. */
export function listChoices(
  data: Pick<APIInteractionResponseCallbackData, 'components'> | undefined,
): Choice[] {
  const choices: Choice[] = [];
  for (const row of actionRows(data?.components)) {
    for (const component of row.components) {
      if (component.type === ComponentType.StringSelect && !component.disabled) {
        for (const option of component.options) {
          choices.push({
            number: choices.length + 1,
            kind: 'option',
            customId: component.custom_id,
            componentType: component.type,
            label: option.label,
            value: option.value,
          });
        }
      } else if (
        component.type === ComponentType.Button &&
        !component.disabled &&
        'custom_id' in component &&
        component.custom_id
      ) {
        choices.push({
          number: choices.length + 1,
          kind: 'button',
          customId: component.custom_id,
          componentType: component.type,
          label: buttonLabel(component),
        });
      }
    }
  }
  return choices;
}

function buttonLabel(component: object): string {
  const { label, emoji } = component as { label?: string; emoji?: { name?: string | null } };
  return [emoji?.name, label].filter(Boolean).join(' ') || '(button)';
}

/** Lays out `[1] A  [2] B` items across lines of `width`. */
function flow(items: string[], width: number, indent = ''): string[] {
  const lines: string[] = [];
  let current = '';
  for (const item of items) {
    const candidate = current ? `${current}  ${item}` : indent + item;
    if (current && displayWidth(candidate) > width) {
      lines.push(current);
      current = indent + item;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}

function renderComponents(
  components: readonly APIMessageTopLevelComponent[] | undefined,
  style: Style,
  width: number,
): string[] {
  const lines: string[] = [];
  let number = 0;
  for (const row of actionRows(components)) {
    const buttons: string[] = [];
    for (const component of row.components) {
      if (component.type === ComponentType.StringSelect) {
        const heading = `▾ ${component.placeholder ?? 'Choose one'}${component.disabled ? ' (disabled)' : ''}`;
        lines.push(style.bold(heading));
        const withDescriptions = component.options.some((option) => option.description);
        const items = component.options.map((option) => {
          const tag = component.disabled ? '[-]' : `[${++number}]`;
          const emoji = option.emoji?.name ? `${option.emoji.name} ` : '';
          const description =
            withDescriptions && option.description ? style.dim(` — ${option.description}`) : '';
          return `${style.bold(tag)} ${emoji}${option.label}${option.default ? ' ✓' : ''}${description}`;
        });
        if (withDescriptions) {
          for (const item of items) lines.push(...wrapParagraph(`  ${item}`, width));
        } else lines.push(...flow(items, width, '  '));
      } else if (component.type === ComponentType.Button) {
        const label = buttonLabel(component);
        if (component.style === ButtonStyle.Link && 'url' in component) {
          buttons.push(`[↗] ${label}: ${component.url}`);
        } else if (component.disabled || !('custom_id' in component)) {
          buttons.push(style.dim(`[-] ${label}`));
        } else buttons.push(`${style.bold(`[${++number}]`)} ${label}`);
      } else {
        lines.push(
          style.dim(`(a ${ComponentType[component.type] ?? 'component'} menu the playground cannot show)`),
        );
      }
    }
    if (buttons.length) lines.push(...flow(buttons, width));
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------------
// Embeds
// ---------------------------------------------------------------------------------------------------------

function embedLines(embed: APIEmbed, style: Style, width: number): string[] {
  const colour = embed.color ?? 0x4f545c;
  const lines: string[] = [];
  const block = (text: string) => lines.push(...wrap(renderMarkdown(text, style), width));
  const gap = () => {
    if (lines.length && lines.at(-1) !== '') lines.push('');
  };

  if (embed.author?.name) block(style.bold(embed.author.name));
  if (embed.title) {
    lines.push(
      ...wrap(renderMarkdown(embed.title, style), width).map((line) => style.bold(style.rgb(colour, line))),
    );
    if (embed.url) lines.push(style.dim(embed.url));
  }
  if (embed.description) {
    if (lines.length) lines.push('');
    block(embed.description);
  }
  const fields = embed.fields ?? [];
  for (let i = 0; i < fields.length; ) {
    const field = fields[i] as (typeof fields)[number];
    // Up to three inline fields side by side, when each column still gets 24 columns.
    const inline: typeof fields = [];
    while (inline.length < 3 && fields[i + inline.length]?.inline)
      inline.push(fields[i + inline.length] as typeof field);
    const columnWidth = Math.floor((width - 2 * (inline.length - 1)) / Math.max(inline.length, 1));
    gap();
    if (inline.length > 1 && columnWidth >= 24) {
      const columns = inline.map((item) => [
        ...wrap(renderMarkdown(item.name, style), columnWidth).map((line) => style.bold(line)),
        ...wrap(renderMarkdown(item.value, style), columnWidth),
      ]);
      const height = Math.max(...columns.map((column) => column.length));
      for (let row = 0; row < height; row++) {
        lines.push(
          columns
            .map((column) => {
              const cell = column[row] ?? '';
              return cell + ' '.repeat(Math.max(0, columnWidth - displayWidth(cell)));
            })
            .join('  ')
            .trimEnd(),
        );
      }
      i += inline.length;
    } else {
      lines.push(...wrap(renderMarkdown(field.name, style), width).map((line) => style.bold(line)));
      block(field.value);
      i++;
    }
  }
  if (embed.image?.url) {
    gap();
    lines.push(style.dim(`[image: ${embed.image.url}]`));
  }
  if (embed.footer?.text || embed.timestamp) {
    gap();
    const footer = [embed.footer?.text, embed.timestamp?.slice(0, 10)].filter(Boolean).join(' · ');
    lines.push(...wrap(footer, width).map((line) => style.dim(line)));
  }
  return balanceStyles(lines);
}

function renderEmbed(embed: APIEmbed, style: Style, width: number): string[] {
  if (!style.color) return embedLines(embed, style, width - 2).map((line) => (line ? `│ ${line}` : '│'));
  const colour = embed.color ?? 0x4f545c;
  const inner = width - 4;
  const edge = (text: string) => style.rgb(colour, text);
  return [
    edge(`╭${'─'.repeat(inner + 2)}╮`),
    ...embedLines(embed, style, inner).map(
      (line) => `${edge('│')} ${line}${' '.repeat(Math.max(0, inner - displayWidth(line)))} ${edge('│')}`,
    ),
    edge(`╰${'─'.repeat(inner + 2)}╯`),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Messages and responses
// ---------------------------------------------------------------------------------------------------------

function clampWidth(width: number | undefined): number {
  return Math.min(120, Math.max(40, Math.floor(width ?? 80)));
}

/** A message: ephemeral note, content, embeds, then numbered menus and buttons. */
export function renderMessage(
  data: APIInteractionResponseCallbackData,
  { color = false, width, locale }: RenderOptions = {},
): string {
  const t = catalogueFor(locale).playground;
  const style = color ? ansiStyle : plainStyle;
  const columns = clampWidth(width);
  const sections: string[][] = [];
  if ((data.flags ?? 0) & MessageFlags.Ephemeral) sections.push([style.dim(style.italic(t.onlyYou))]);
  if (data.content) sections.push(balanceStyles(wrap(renderMarkdown(data.content, style), columns)));
  for (const embed of data.embeds ?? []) sections.push(renderEmbed(embed, style, columns));
  const components = renderComponents(data.components, style, columns);
  if (components.length) sections.push(components);
  if (!sections.length) sections.push([style.dim(t.emptyMessage)]);
  return sections.map((lines) => lines.join('\n')).join('\n');
}

/** Any interaction response, as the person who typed the command would see it. */
export function renderResponse(given: APIInteractionResponse, options: RenderOptions = {}): string {
  const response = forTerminal(given, options.you);
  const style = options.color ? ansiStyle : plainStyle;
  switch (response.type) {
    case InteractionResponseType.Pong:
      return 'PONG';
    case InteractionResponseType.ChannelMessageWithSource:
      return renderMessage(response.data, options);
    case InteractionResponseType.UpdateMessage:
      return `${style.dim(catalogueFor(options.locale).playground.updated)}\n${renderMessage(response.data ?? {}, options)}`;
    case InteractionResponseType.DeferredChannelMessageWithSource:
      return style.dim('(the bot is thinking…)');
    case InteractionResponseType.DeferredMessageUpdate:
      return style.dim('(acknowledged; the message is unchanged)');
    case InteractionResponseType.ApplicationCommandAutocompleteResult: {
      const choices = response.data.choices ?? [];
      if (!choices.length) return style.dim('(no suggestions)');
      return [
        style.bold('Suggestions:'),
        ...choices.map((choice) => {
          const value = String(choice.value);
          return `  ${choice.name}${value !== choice.name ? style.dim(`  → ${value}`) : ''}`;
        }),
      ].join('\n');
    }
    case InteractionResponseType.Modal:
      return `${style.bold(`(a form opens: ${response.data.title})`)}`;
    default:
      return style.dim(`(response of type ${response.type})`);
  }
}
