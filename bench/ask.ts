/**
 * /ask on the real data, in process (compiled code from dist/): the whole answer through the shared router
 * (reading the question, answering it, building the reply) over a mix of questions of every kind in both
 * languages; the start-up cost of the phrase table; and the Worker bundle with the question engine in it.
 */
import type { APIChatInputApplicationCommandInteraction, Locale } from 'discord-api-types/v10';
import { commands } from '../commands/index.js';
import { loadBotContext } from '../src/interactions/create-context.js';
import { handleInteraction } from '../src/interactions/handle.js';
import { answerQuestion } from '../src/questions/index.js';
import { otherNamesOf } from '../src/questions/other-names.js';
import { PhraseTable } from '../src/questions/phrases.js';
import { createLocalSession, parseCommandLine } from '../src/transports/local/parse-command-line.js';
import { buildWorker } from '../src/transports/worker/build.js';
import { type BenchResult, ms, verdict } from './report.js';
import { timeSync } from './timing.js';

const answerP99TargetMs = 1;
const bundleTargetBytes = 1024 * 1024;

/** Every kind of question the engine answers, typos and French included. */
const questions: readonly [string, 'en' | 'fr'][] = [
  ['when did the wco sign with unesco', 'en'],
  ['When did UNODC sign an MOU?', 'en'],
  ['newest MOU with UNODC', 'en'],
  ['When did the WCO sign with WIPO?', 'en'],
  ['when did the WCO join the Green Customs Initiative?', 'en'],
  ['who trains sniffer dogs', 'en'],
  ['who deals with falsified medicines', 'en'],
  ['which partners help with nuclear smuggling', 'en'],
  ['organisations fighting money laundering', 'en'],
  ['which partners never signed anything with the WCO', 'en'],
  ['which MOUs are undated', 'en'],
  ['which partners are based in Geneva', 'en'],
  ['what is DG Justice', 'en'],
  ['what is Project Cohesion', 'en'],
  ['where does the OPCW sit?', 'en'],
  ['agreements between 2000 and 2002', 'en'],
  ['agreements in the 1990s', 'en'],
  ['agreements signed in July 2002', 'en'],
  ['what was the latest agreement', 'en'],
  ['how many MOUs are there', 'en'],
  ['how many partners work on drugs', 'en'],
  ['what do WHO and INTERPOL both work on', 'en'],
  ['compare CITES and UNEP', 'en'],
  ['is the IMF a partner?', 'en'],
  ['does the WCO work with the Red Cross?', 'en'],
  ["what's the weather like tomorrow", 'en'],
  ['wehn did wco sign with unseco', 'en'],
  ['narcotics bord', 'en'],
  ["quand l'OMD a-t-elle signé avec l'UNESCO ?", 'fr'],
  ["combien de protocoles d'accord ?", 'fr'],
  ['quels accords ont été signés entre 2000 et 2002 ?', 'fr'],
  ['est-ce que le FMI est un partenaire ?', 'fr'],
];

export async function runAskBench(): Promise<BenchResult> {
  const context = loadBotContext();
  const sessions = { en: createLocalSession(), fr: createLocalSession({ locale: 'fr' as Locale }) };
  const interactions = questions.map(([question, locale]) => {
    const parsed = parseCommandLine(`/ask question:"${question}"`, commands, sessions[locale]);
    if (!parsed.ok) throw new Error(`bench question does not parse: ${question}`);
    return parsed.interaction as APIChatInputApplicationCommandInteraction;
  });

  const built = timeSync(
    'phrase table',
    () => new PhraseTable(context.dataset, otherNamesOf(context.dataset)),
    {
      iterations: 50,
      warmupIterations: 5,
    },
  );

  let position = 0;
  const next = () => position++ % questions.length;
  const engine = timeSync(
    'question engine',
    () => {
      const [question, locale] = questions[next()] as [string, 'en' | 'fr'];
      return answerQuestion(question, context.questions(), locale);
    },
    { iterations: 200 * questions.length, warmupIterations: 20 * questions.length },
  );
  position = 0;
  const whole = timeSync(
    '/ask through the router',
    () => handleInteraction(interactions[next()] as never, context),
    {
      iterations: 200 * questions.length,
      warmupIterations: 20 * questions.length,
    },
  );

  const bundle = await buildWorker();
  const questionModules = bundle.inputs.filter(
    (input) => input.includes('src/questions/') || /node_modules\/(stemmer|@orama\/stemmers)\//.test(input),
  );
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

  return {
    rows: [
      {
        bench: 'ask',
        figure: `/ask answer through the router, ${questions.length} questions (en, fr), real data`,
        median: ms(whole.p50),
        spread: `p99 ${ms(whole.p99)}`,
        target: `p99 ≤ ${answerP99TargetMs} ms`,
        verdict: verdict(whole.p99 <= answerP99TargetMs),
      },
      {
        bench: 'ask',
        figure: 'question engine alone (read + answer, no reply built)',
        median: ms(engine.p50),
        spread: `p99 ${ms(engine.p99)}`,
        target: '—',
        verdict: 'info',
      },
      {
        bench: 'ask',
        figure: 'phrase table build (once per context and language, on its first question)',
        median: ms(built.p50),
        spread: `min ${ms(built.min)} / max ${ms(built.max)}`,
        target: '—',
        verdict: 'info',
      },
      {
        bench: 'ask',
        figure: 'Worker bundle with /ask, gzip -9',
        median: kib(bundle.gzipBytes),
        spread: `${questionModules.length} modules of the question engine and its stemmers`,
        target: '≤ 1,024 KiB',
        verdict: verdict(bundle.gzipBytes <= bundleTargetBytes),
      },
    ],
    notes: [
      `ask: the phrase table is built on a context's first question and kept by the context; each question of the mix is asked ${200} times after ${20} untimed passes.`,
    ],
  };
}
