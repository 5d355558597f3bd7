// npm run validate-data [path/to/partners.json]: exits non-zero, naming file, record, JSON path and problem.
// Without a path it checks what the bot would load: WCO_DATA_DIR's copy when set (environment or .env),
// data/ otherwise.
import { ConfigError, loadDotEnv } from '../config.js';
import { DataValidationError } from '../data/load.js';
import { loadBotContext } from '../interactions/create-context.js';

const partnersPath = process.argv[2];
try {
  if (!partnersPath) loadDotEnv();
  const { dataset } = loadBotContext(partnersPath ? { partnersPath } : {});
  const agreements = dataset.partners.reduce((sum, partner) => sum + partner.agreements.length, 0);
  console.log(
    `Data is valid: ${dataset.partners.length} partners, ${agreements} agreements, ${dataset.topics.length} topics.`,
  );
} catch (error) {
  if (!(error instanceof DataValidationError || error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
