import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.js';

/** The app's logger at debug level, with its JSON lines kept in `lines` instead of written out. */
export function capturedLogger<Line = Record<string, unknown>>(): { lines: Line[]; logger: Logger } {
  const lines: Line[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', destination }) };
}
