// npm run validate-data [path/to/partners.json]: exits non-zero, naming file, record, JSON path and problem.
import { DataValidationError, loadDataset } from '../data/load.js';

const partnersPath = process.argv[2];
try {
  const dataset = loadDataset(partnersPath ? { partnersPath } : {});
  const agreements = dataset.partners.reduce((sum, partner) => sum + partner.agreements.length, 0);
  console.log(
    `Data is valid: ${dataset.partners.length} partners, ${agreements} agreements, ${dataset.topics.length} topics.`,
  );
} catch (error) {
  if (!(error instanceof DataValidationError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
