import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // One temporary folder per run, deleted at its end (tests/support/temporary-folder.ts), and a check that
    // no test wrote into tests/fixtures/ (tests/support/fixtures-untouched.ts).
    globalSetup: ['tests/support/temporary-folder.ts', 'tests/support/fixtures-untouched.ts'],
    // fast-check's seed, pinned when ARHIVAR_PROPERTY_SEED is set (CI sets it; tests/support/property-seed.ts).
    setupFiles: ['tests/support/property-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
