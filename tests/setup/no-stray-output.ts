/**
 * A passing run prints nothing but vitest's report. Informative lines a test logs (console.log/info: load
 * figures, timings) are shown only when that test fails (`silent: 'passed-only'` in vitest.config.ts); anything
 * written to stderr, or through console.warn/error, fails the test that let it through: a test that expects an
 * error captures it (a spy, a captured logger, a child's piped stdio).
 */
import { format } from 'node:util';
import { afterAll, afterEach } from 'vitest';

const stray: string[] = [];

const write = process.stderr.write.bind(process.stderr) as (...args: unknown[]) => boolean;
process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
  stray.push(String(chunk));
  return write(chunk, ...rest);
}) as typeof process.stderr.write;
for (const method of ['warn', 'error', 'trace'] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    stray.push(format(...args));
    original(...args);
  };
}

function failOnStrayOutput(): void {
  const text = stray.splice(0).join('').trim();
  if (text)
    throw new Error(
      `stray output on stderr (a test that expects it must capture it):\n${text.slice(0, 2000)}`,
    );
}
afterEach(failOnStrayOutput);
afterAll(failOnStrayOutput);
