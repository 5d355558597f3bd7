import { en, type Messages } from '../i18n/index.js';
import { truncate } from './limits.js';

/** One colour per kind of card, so a reader knows at a glance what they are looking at. */
export const cardColours = {
  partner: 0x1f5fa8,
  agreements: 0x0f8a8a,
  topic: 0x3c8d3f,
  help: 0x6b7280,
} as const;

/** The footer of a card: the source, by its title (the Sources button shows the sentences themselves). */
export function sourceFooter(title: string, t: Messages = en): string {
  return withSourceLanguage(t.sourceFooter(title), t);
}

/** A footer in a language other than the source's says, once per card, that quoted facts are in English. */
export function withSourceLanguage(footer: string, t: Messages): string {
  return t.sourceInEnglish ? `${footer} · ${t.sourceInEnglish}` : footer;
}

/** Marks, in the field that holds it, a fact that is well established but not stated in the source. */
export const externalMark = '†';

/** User text shown back in a reply: control characters removed, markdown escaped, length capped. */
export function quoteUserText(text: string, max = 80): string {
  const cleaned = text
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return truncate(cleaned, max).replace(/[\\*_`~|>#[\]()<@:-]/g, '\\$&');
}
