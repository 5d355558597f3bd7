// Placeholder until branch issue-22-ask (which owns src/questions) is merged: its questionLocale replaces this.
export function questionLocale(text: string): 'en' | 'fr' {
  return /\b(quand|qui|quel(le)?s?|combien|où|depuis|avant|après|entre|l’|d’)\b|[éèàçù]/iu.test(text)
    ? 'fr'
    : 'en';
}
