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

/**
 * A cache of things built once per object and language (cards, menus): one WeakMap per catalogue, so a
 * French card never comes back for an English reader.
 */
export class PerCatalogue<K extends object, V> {
  private readonly maps = new Map<Messages, WeakMap<K, V>>();

  of(t: Messages): WeakMap<K, V> {
    let map = this.maps.get(t);
    if (!map) {
      map = new WeakMap();
      this.maps.set(t, map);
    }
    return map;
  }
}
