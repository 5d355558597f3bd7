// npm run validate-data [path/to/partners.json]: exits non-zero, naming file, record, JSON path and problem.
// Without a path it checks what the bot would load: WCO_DATA_DIR's copy when set (environment or .env),
// data/ otherwise. Always runs every check, and remembers a dataset that passes with its search index, so that
// the bot's start-up reads both back instead of checking and indexing again (src/data/prepared-cache.ts).
import { ConfigError, loadDotEnv } from '../config.js';
import { latestAgreement } from '../data/agreements.js';
import { DataValidationError } from '../data/load.js';
import { loadBotContext } from '../interactions/create-context.js';
import { entryPointArgs } from './args.js';

const usage = `Usage: npm run validate-data [-- path/to/partners.json]

Checks the dataset the bot would load (WCO_DATA_DIR's copy when set, data/ otherwise), or the given
partners.json with the topics.json and source/ beside it: the schema, unique ids, real dates, every quote
found word for word in the source. Each problem names the file, the record, the JSON path and what is
wrong; exit code 1 when there is one.`;
const { positionals } = entryPointArgs('npm run validate-data', usage, {}, { positionals: true });
if (positionals.length > 1) {
  process.stderr.write(
    'npm run validate-data checks one partners.json at a time: npm run validate-data -- --help\n',
  );
  process.exit(2);
}
const partnersPath = positionals[0];
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
