import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // One temporary folder per run, deleted at its end (tests/support/temporary-folder.ts).
    globalSetup: ['tests/support/temporary-folder.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
