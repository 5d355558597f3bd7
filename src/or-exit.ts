import { ConfigError } from './config.js';
import { DataValidationError } from './data/load.js';

/**
 * Runs a start-up step. Invalid configuration or data ends the process the same way in every entry point:
 * the problems on stderr (no stack trace, no secret), exit code 1, nothing served. Other errors propagate.
 */
export function orExit<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof DataValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
