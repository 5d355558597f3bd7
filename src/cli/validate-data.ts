// npm run validate-data [path/to/partners.json]: exits non-zero, naming file, record, JSON path and problem.
// Without a path it checks what the bot would load: WCO_DATA_DIR's copy when set (environment or .env),
// data/ otherwise. Always runs every check, and remembers a dataset that passes with its search index, so that
// the bot's start-up reads both back instead of checking and indexing again (src/data/prepared-cache.ts).
import { ConfigError, loadDotEnv } from '../config.js';
import { latestAgreement } from '../data/agreements.js';
import { DataValidationError } from '../data/load.js';
import { loadBotContext } from '../interactions/create-context.js';

const partnersPath = process.argv[2];
try {
  if (!partnersPath) loadDotEnv();
  const { dataset } = loadBotContext({ ...(partnersPath ? { partnersPath } : {}), fullCheck: true });
  const agreements = dataset.partners.reduce((sum, partner) => sum + partner.agreements.length, 0);
  const latest = latestAgreement(dataset)?.agreement.date ?? 'none';
  console.log(
    `Data is valid: ${dataset.partners.length} partners, ${agreements} agreements, ${dataset.topics.length} topics` +
      `${dataset.french ? ', French texts complete' : ' (no fr.json: French readers get the English texts)'}. ` +
      `Source retrieved ${dataset.source.retrieved.date}; latest agreement ${latest}.`,
  );
} catch (error) {
  if (!(error instanceof DataValidationError || error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
