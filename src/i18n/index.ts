import type { APIInteraction, LocalizationMap } from 'discord-api-types/v10';
import { en, type Messages } from './en.js';
import { fr } from './fr.js';

export type { Messages };
export { en, fr };

/** Every catalogue, by the language code it answers. */
export const catalogues: readonly Messages[] = [en, fr];

/** The catalogue for a Discord locale ("fr", "en-US"…): French for any "fr…", English otherwise. */
export function catalogueFor(locale: unknown): Messages {
  return typeof locale === 'string' && locale.toLowerCase().startsWith('fr') ? fr : en;
}

/** The catalogue of the user who sent an interaction (Discord sends their client's language as `locale`). */
export function catalogueOf(interaction: APIInteraction): Messages {
  // Defensive: the router answers even malformed payloads.
  const locale =
    typeof interaction === 'object' && interaction !== null && 'locale' in interaction
      ? interaction.locale
      : undefined;
  return catalogueFor(locale);
}

/**
 * A command's name or description in every other language, for `name_localizations` /
 * `description_localizations` (Discord shows them to users whose client is in that language).
 */
export function localisations(pick: (t: Messages) => string): LocalizationMap {
  return Object.fromEntries(catalogues.filter((t) => t !== en).map((t) => [t.locale, pick(t)]));
}

/** A name or description in English (the registered default) with its translations. */
export function registered<K extends 'name' | 'description'>(
  key: K,
  pick: (t: Messages) => string,
): Record<K, string> & Record<`${K}_localizations`, LocalizationMap> {
  return { [key]: pick(en), [`${key}_localizations`]: localisations(pick) } as Record<K, string> &
    Record<`${K}_localizations`, LocalizationMap>;
}
