import { sentenceCount } from '../data/source-text.js';
import { truncate } from './limits.js';

/** One colour per kind of card, so a reader knows at a glance what they are looking at. */
export const cardColours = {
  partner: 0x1f5fa8,
  agreements: 0x0f8a8a,
  topic: 0x3c8d3f,
  help: 0x6b7280,
} as const;

export const sourceFooter =
  'Source: WCO partnerships with international organisations (data/source/wco-partnerships.txt)';

/** The footer of a card: the source's title and how many of its sentences the card rests on. */
export function sourceFooterFor(title: string, quotes: readonly string[]): string {
  const count = sentenceCount(quotes);
  return `Source: “${title}”, ${count === 1 ? '1 sentence' : `${count} sentences`}`;
}

/** Marks a fact that is well established but not stated in the source. */
export const externalMark = '†';
export const externalFooter = `${externalMark} not stated in the source; well-established fact`;

/** User text shown back in a reply: control characters removed, markdown escaped, length capped. */
export function quoteUserText(text: string, max = 80): string {
  const cleaned = text
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return truncate(cleaned, max).replace(/[\\*_`~|>#[\]()<@:-]/g, '\\$&');
}

/** "a, b and c" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
