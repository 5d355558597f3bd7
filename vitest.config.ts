import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/setup/no-stray-output.ts'],
    // Informative lines of passing tests stay out of the report; a failing test shows its own.
    silent: 'passed-only',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
