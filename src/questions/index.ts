/**
 * Questions in plain words, answered from the data: `(question, data, locale) → answer`, pure and synchronous.
 * Beside the search (src/search), whose public API is the fallback when no name or subject is recognised.
 */
import { catalogueFor } from '../i18n/index.js';
import { type Answer, Answerer, type QuestionData } from './answer.js';
import { otherNamesOf } from './other-names.js';
import { PhraseTable } from './phrases.js';
import { readQuestion } from './read.js';
import { type Language, questionLanguage } from './words.js';

export type { Answer, AnswerKind, QuestionData } from './answer.js';
export type { Language } from './words.js';

/** The phrase table and answerer of a dataset: built once, with the bot's context (interactions/create-context.ts). */
export interface QuestionEngine {
  table: PhraseTable;
  answerer: Answerer;
}

export function createQuestionEngine(data: QuestionData): QuestionEngine {
  return { table: new PhraseTable(data.dataset, otherNamesOf(data.dataset)), answerer: new Answerer(data) };
}

/** Answers a question in `locale`'s language; never throws on a string. */
export function answerQuestion(question: string, engine: QuestionEngine, locale: Language): Answer {
  return engine.answerer.answer(readQuestion(question, engine.table), catalogueFor(locale));
}

/** The language a question is written in: mentions and DMs carry no locale, so they are answered in it. */
export function questionLocale(text: string): Language {
  return questionLanguage(text);
}
