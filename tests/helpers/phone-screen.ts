/**
 * How tall a reply is on a phone, estimated from Discord's layout instead of rendered: good enough to tell
 * "one screen" from "two", which is what the layout tests ask.
 *
 * Assumed (Discord's client at 400 px wide; sizes from its stylesheet, gg sans):
 * - the message column is 400 − 72 (avatar gutter) − 16 (right margin) = 312 px wide; an embed inside it
 *   loses 4 px of coloured border and 12 + 16 px of padding, so its text is 280 px wide;
 * - an embed has 8 px padding above and 16 px below; its title is 16 px text on 22 px lines; description,
 *   field names and values 14 px text on 18 px lines, 8 px above the description and above each field;
 *   its footer 12 px text on 16 px lines, 8 px above it;
 * - message text (content) is 16 px on 22 px lines, full column width; the author line above it is 22 px;
 * - a row of buttons is 32 px, a select menu 40 px, each with 8 px above;
 * - a block quote ("> ") indents its text by 4 + 12 px;
 * - a character's width is a share of the font size: 0.5 for most lower-case letters, 0.62 for capitals and
 *   digits, 0.8 for m/w/M/W, 0.25 for narrow letters and punctuation, 0.28 for a space, 1.25 for an emoji;
 *   bold text is 5 % wider. Calibrated so that the cards the issue measured come out near its figures
 *   (UNEP's old card 843 px, the old /help 1.7 screens).
 */
import type { APIEmbed, APIInteractionResponseCallbackData } from 'discord-api-types/v10';

/** About one phone screen of messages (600 px at 400 px wide, as the issue measures it). */
export const phoneScreen = 600;

const widths = { column: 280, embedText: 248, quoteIndent: 16 } as const;

function charWidth(char: string): number {
  if (char === ' ') return 0.3;
  if (/\p{Extended_Pictographic}/u.test(char)) return 1.25;
  if (/[mwMW]/.test(char)) return 0.9;
  if (/[iljtfrI.,:;'’!|()[\]]/.test(char)) return 0.3;
  if (/[\p{Lu}]/u.test(char)) return 0.68;
  if (/[\p{N}]/u.test(char)) return 0.6;
  return 0.55;
}

/** Markdown that takes no room of its own (bold, italic, code ticks, escapes, subtext marks). */
function visible(line: string): string {
  return line.replace(/\\([\\*_`~|>])/g, '$1').replace(/\*\*|[*_`]|^-# /g, '');
}

/** How many lines `text` takes when wrapped at word boundaries to `width` px of `size` px text. */
export function wrappedLines(text: string, size: number, width: number, bold = false): number {
  let total = 0;
  for (const rawLine of text.split('\n')) {
    const quoted = rawLine.startsWith('> ');
    const line = visible(quoted ? rawLine.slice(2) : rawLine);
    const room = quoted ? width - widths.quoteIndent : width;
    let lines = 1;
    let used = 0;
    for (const word of line.split(/(?<= )/)) {
      const w = [...word].reduce((sum, char) => sum + charWidth(char), 0) * size * (bold ? 1.05 : 1);
      if (used > 0 && used + w > room) {
        lines += Math.ceil(Math.max(w - room, 0) / room) + 1;
        used = w % room;
      } else used += w;
      if (used > room) {
        lines += Math.floor(used / room);
        used %= room;
      }
    }
    total += lines;
  }
  return total;
}

/** How many lines `text` takes in an embed's description at 400 px. */
export const descriptionLines = (text: string) => wrappedLines(text, 14, widths.embedText);

export function embedHeight(embed: APIEmbed): number {
  const text = (value: string, size: number, lineHeight: number, bold = false) =>
    wrappedLines(value, size, widths.embedText, bold) * lineHeight;
  let height = 8 + 16;
  if (embed.title) height += text(embed.title, 16, 22, true);
  if (embed.description) height += 8 + text(embed.description, 14, 18);
  for (const field of embed.fields ?? []) {
    height += 8 + text(field.name, 14, 18, true) + text(field.value, 14, 18);
  }
  if (embed.image) height += 8 + Math.round((widths.embedText * 600) / 1200);
  if (embed.footer) height += 8 + text(embed.footer.text, 12, 16);
  return height;
}

/** The estimated height of a whole reply at 400 px: author line, text, embeds and components. */
export function phoneHeight(data: APIInteractionResponseCallbackData): number {
  let height = 22;
  if (data.content) height += wrappedLines(data.content, 16, widths.column) * 22;
  for (const embed of data.embeds ?? []) height += 8 + embedHeight(embed);
  for (const row of data.components ?? []) {
    if (!('components' in row)) continue;
    if (row.components.some((c) => c.type === 3)) {
      height += 8 + 40;
      continue;
    }
    // Buttons (14 px labels, 16 px padding each side, 8 px apart) wrap onto more rows when they do not fit.
    let rows = 1;
    let used = 0;
    for (const component of row.components) {
      const label = 'label' in component ? (component.label ?? '') : '';
      const w = [...label].reduce((sum, char) => sum + charWidth(char), 0) * 14 + 32;
      if (used > 0 && used + 8 + w > widths.column) {
        rows += 1;
        used = w;
      } else used += (used ? 8 : 0) + w;
    }
    height += rows * (8 + 32);
  }
  return height;
}
