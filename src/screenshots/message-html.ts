/**
 * A reply's payload (the `data` of the interaction response Discord gets) → the HTML of a fake Discord
 * message drawn by @skyra/discord-components-core: content, embeds (title, description, fields, image,
 * footer, colour), buttons and string select menus. Pure: the browser part is in render.ts.
 *
 * Inline fields stand side by side as on Discord's desktop client, up to three in a row sharing its width,
 * a field that is not inline starting a new row; on a phone every field takes the whole width.
 */
import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIEmbedField,
  APIInteractionResponseCallbackData,
  APIStringSelectComponent,
} from 'discord-api-types/v10';
import { escapeHtml, markdownHtml } from './markdown.js';

export type Layout = 'laptop' | 'phone';

export interface MessageOptions {
  layout: Layout;
  /** Pictures the message refers to as `attachment://name`, by name: a URL the page can load (data:). */
  attachments?: Readonly<Record<string, string>>;
  /** The slash command the reply answers, drawn above it as Discord does ("Ana used /partner"). */
  command?: { name: string; user: string; avatar: string };
  /** The bot's name and picture. */
  author: { name: string; avatar: string };
  /** The time shown beside the author's name: fixed, so the pictures change only when the reply does. */
  timestamp: string;
}

// Discord's values (ComponentType, ButtonStyle, MessageFlags) as numbers: this file loads no runtime code
// from discord-api-types, only its types.
const actionRow = 1;
const buttonType = 2;
const stringSelect = 3;
const ephemeralFlag = 1 << 6;
const buttonStyles: Record<number, string> = {
  1: 'primary',
  2: 'secondary',
  3: 'success',
  4: 'destructive',
  5: 'secondary',
  6: 'primary',
};

function attribute(name: string, value: string | number | undefined): string {
  return value === undefined || value === '' ? '' : ` ${name}="${escapeHtml(String(value))}"`;
}

function flag(name: string, on: boolean | undefined): string {
  return on ? ` ${name}` : '';
}

function hexColour(colour: number | null | undefined): string | undefined {
  return typeof colour === 'number' ? `#${colour.toString(16).padStart(6, '0')}` : undefined;
}

function imageUrl(url: string | undefined, options: MessageOptions): string | undefined {
  if (!url) return undefined;
  const attached = /^attachment:\/\/(.+)$/.exec(url)?.[1];
  return attached === undefined ? url : options.attachments?.[attached];
}

/** The grid columns (of Discord's 12) each field spans: rows of up to three inline fields share the width. */
export function fieldColumns(fields: readonly APIEmbedField[], layout: Layout): string[] {
  const columns: string[] = [];
  let row: number[] = [];
  const closeRow = () => {
    const span = 12 / row.length;
    row.forEach((index, position) => {
      columns[index] = `${1 + position * span}/${1 + (position + 1) * span}`;
    });
    row = [];
  };
  fields.forEach((field, index) => {
    if (layout === 'phone' || !field.inline) {
      closeRow();
      columns[index] = '1/13';
      return;
    }
    row.push(index);
    if (row.length === 3) closeRow();
  });
  if (row.length) closeRow();
  return columns;
}

function fieldsHtml(fields: readonly APIEmbedField[], layout: Layout): string {
  if (!fields.length) return '';
  const columns = fieldColumns(fields, layout);
  const items = fields.map(
    (field, index) =>
      `<discord-embed-field${attribute('field-title', field.name)}${flag('inline', field.inline && layout === 'laptop')} style="grid-column: ${columns[index]}">${markdownHtml(field.value)}</discord-embed-field>`,
  );
  return `<discord-embed-fields slot="fields">${items.join('')}</discord-embed-fields>`;
}

/**
 * Footer text keeps its line breaks and shows no markdown, as on Discord. It stays in the text's column:
 * the components let it span a second one, meant for a thumbnail, which without one takes half the width
 * from the title and description (Discord sizes that column to the thumbnail, none here).
 */
function footerHtml(footer: APIEmbed['footer']): string {
  if (!footer?.text) return '';
  const lines = footer.text.split('\n').map(escapeHtml).join('<br>');
  return `<discord-embed-footer slot="footer" style="grid-column: 1/1"><span>${lines}</span></discord-embed-footer>`;
}

export function embedHtml(embed: APIEmbed, options: MessageOptions): string {
  const attributes = [
    attribute('color', hexColour(embed.color)),
    attribute('embed-title', embed.title),
    attribute('url', embed.url),
    attribute('author-name', embed.author?.name),
    attribute('author-image', imageUrl(embed.author?.icon_url, options)),
    attribute('author-url', embed.author?.url),
    attribute('thumbnail', imageUrl(embed.thumbnail?.url, options)),
    attribute('image', imageUrl(embed.image?.url, options)),
  ].join('');
  const description = embed.description
    ? `<discord-embed-description slot="description">${markdownHtml(embed.description)}</discord-embed-description>`
    : '';
  return `<discord-embed slot="embeds"${attributes}>${description}${fieldsHtml(embed.fields ?? [], options.layout)}${footerHtml(embed.footer)}</discord-embed>`;
}

function buttonHtml(button: APIButtonComponent): string {
  const label = 'label' in button ? (button.label ?? '') : '';
  const emoji = 'emoji' in button && button.emoji?.name && !button.emoji.id ? `${button.emoji.name} ` : '';
  const url = 'url' in button ? button.url : undefined;
  return `<discord-button${attribute('type', buttonStyles[button.style] ?? 'secondary')}${attribute('url', url)}${flag('disabled', button.disabled)}>${escapeHtml(`${emoji}${label}`)}</discord-button>`;
}

function selectHtml(menu: APIStringSelectComponent): string {
  const options = menu.options.map(
    (option) =>
      `<discord-string-select-menu-option${attribute('label', option.label)}${attribute('description', option.description)}></discord-string-select-menu-option>`,
  );
  return `<discord-string-select-menu${attribute('placeholder', menu.placeholder ?? 'Make a selection')}${flag('disabled', menu.disabled)}>${options.join('')}</discord-string-select-menu>`;
}

function rowHtml(row: APIActionRowComponent<APIComponentInMessageActionRow>): string {
  const items = row.components.map((component) => {
    if (component.type === buttonType) return buttonHtml(component);
    if (component.type === stringSelect) return selectHtml(component);
    return '';
  });
  return `<discord-action-row>${items.join('')}</discord-action-row>`;
}

function componentsHtml(data: APIInteractionResponseCallbackData): string {
  const rows = (data.components ?? []).filter(
    (component): component is APIActionRowComponent<APIComponentInMessageActionRow> =>
      component.type === actionRow,
  );
  return rows.length
    ? `<discord-attachments slot="components">${rows.map(rowHtml).join('')}</discord-attachments>`
    : '';
}

/** The whole message, inside the `<discord-messages>` list that draws it. */
export function messageHtml(data: APIInteractionResponseCallbackData, options: MessageOptions): string {
  const ephemeral = ((data.flags ?? 0) & ephemeralFlag) !== 0;
  const command = options.command
    ? `<discord-command slot="reply"${attribute('author', options.command.user)}${attribute('avatar', options.command.avatar)}${attribute('command', `/${options.command.name}`)}></discord-command>`
    : '';
  const message = [
    `<discord-message${attribute('author', options.author.name)}${attribute('avatar', options.author.avatar)} bot${flag('ephemeral', ephemeral)}${attribute('timestamp', options.timestamp)}>`,
    command,
    data.content ? markdownHtml(data.content) : '',
    ...(data.embeds ?? []).map((embed) => embedHtml(embed, options)),
    componentsHtml(data),
    '</discord-message>',
  ].join('');
  return `<discord-messages>${message}</discord-messages>`;
}
