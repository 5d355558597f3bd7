/**
 * Questions in plain words, answered from the data: `(question, data, locale) → answer`, pure and synchronous.
 * Beside the search (src/search), whose public API is the fallback when no name or subject is recognised.
 */
import type { Dataset } from '../data/dataset.js';
import { catalogueFor } from '../i18n/index.js';
import { type Answer, Answerer, type QuestionData } from './answer.js';
import { otherNamesOf } from './other-names.js';
import { PhraseTable } from './phrases.js';
import { readQuestion } from './read.js';
import { type Language, questionLanguage } from './words.js';

export type { Answer, AnswerKind, QuestionData } from './answer.js';
export type { Language } from './words.js';

interface Engine {
  table: PhraseTable;
  answerer: Answerer;
}

const engines = new WeakMap<Dataset, Engine>();

/** The phrase table and answerer of a dataset (which never changes): built on first use, then kept. */
export function questionEngine(data: QuestionData): Engine {
  let engine = engines.get(data.dataset);
  if (!engine) {
    engine = {
      table: new PhraseTable(data.dataset, otherNamesOf(data.dataset)),
      answerer: new Answerer(data),
    };
    engines.set(data.dataset, engine);
  }
  return engine;
}

/** Answers a question in `locale`'s language; never throws on a string. */
export function answerQuestion(question: string, data: QuestionData, locale: Language): Answer {
  const { table, answerer } = questionEngine(data);
  return answerer.answer(readQuestion(question, table), catalogueFor(locale));
}

/** The language a question is written in: mentions and DMs carry no locale, so they are answered in it. */
export function questionLocale(text: string): Language {
  return questionLanguage(text);
}
