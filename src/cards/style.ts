import { sentenceCount } from '../data/source-text.js';
import { en, type Messages } from '../i18n/index.js';
import { truncate } from './limits.js';

/** One colour per kind of card, so a reader knows at a glance what they are looking at. */
export const cardColours = {
  partner: 0x1f5fa8,
  agreements: 0x0f8a8a,
  topic: 0x3c8d3f,
  help: 0x6b7280,
} as const;

/** The footer of a card that rests on the whole source rather than on some of its sentences (/help). */
export function sourceFooter(title: string, t: Messages = en): string {
  return withSourceLanguage(t.sourceFooter(title), t);
}

/** The footer of a card: the source's title and how many of its sentences the card rests on. */
export function sourceFooterFor(title: string, quotes: readonly string[], t: Messages = en): string {
  return withSourceLanguage(t.sourceFooterFor(title, sentenceCount(quotes)), t);
}

/** A footer in a language other than the source's says, once per card, that quoted facts are in English. */
export function withSourceLanguage(footer: string, t: Messages): string {
  return t.sourceInEnglish ? `${footer} · ${t.sourceInEnglish}` : footer;
}

/** Marks a fact that is well established but not stated in the source. */
export const externalMark = '†';
export function externalFooter(t: Messages = en): string {
  return `${externalMark} ${t.externalFooter}`;
}

/** User text shown back in a reply: control characters removed, markdown escaped, length capped. */
export function quoteUserText(text: string, max = 80): string {
  const cleaned = text
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return truncate(cleaned, max).replace(/[\\*_`~|>#[\]()<@:-]/g, '\\$&');
}
