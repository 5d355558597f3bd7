/** How a question's expected answer is written in the question tables (held-out and perturbed sets). */
import { expect } from 'vitest';
import { catalogueFor } from '../../src/i18n/index.js';
import { contextFor } from '../../src/interactions/locale-context.js';
import { type AnswerKind, answerQuestion } from '../../src/questions/index.js';
import { context } from '../helpers/bot.js';

export interface QuestionCase {
  q: string;
  locale?: 'en' | 'fr';
  kind?: AnswerKind;
  /** The partners the answer shows, exactly (any order). */
  partners?: string[];
  /** Partners that must be among those shown. */
  including?: string[];
  /** What the answer's sentences must say (case-insensitive for strings). */
  says?: (string | RegExp)[];
  /** What they must not say. */
  never?: (string | RegExp)[];
}

const asPattern = (text: string | RegExp) =>
  typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') : text;

export function checkCase(c: QuestionCase): void {
  const locale = c.locale ?? 'en';
  // As the router does: a French reader is answered from the French view of the data.
  const answer = answerQuestion(c.q, contextFor(context, catalogueFor(locale)).questions(), locale);
  const shown = answer.partners.map((partner) => partner.id);
  const why = `${c.q} → [${answer.kind}] ${answer.text} {${shown.join(', ')}}`;
  if (c.kind) expect(answer.kind, why).toBe(c.kind);
  if (c.partners) expect([...shown].sort(), why).toEqual([...c.partners].sort());
  for (const id of c.including ?? []) expect(shown, why).toContain(id);
  for (const text of c.says ?? []) expect(answer.text, why).toMatch(asPattern(text));
  for (const text of c.never ?? []) expect(answer.text, why).not.toMatch(asPattern(text));
  expect(answer.text.length, why).toBeGreaterThan(0);
}
