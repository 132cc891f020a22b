import { availableParallelism } from 'node:os';
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
    // `vitest run` (npm test) runs max(cores - 1, 1) files at a time, which is one on CI's two cores. Most of the
    // slow files spend their time waiting on a build, a dev server, Chromium or tsc in a process or thread of their
    // own: one file at a time kept about 1.2 of the 2 cores busy. Two files at a time fill them; with more cores
    // `vitest run` keeps its default. Watch mode (`vitest` alone) would run max(cores / 2, 1), rounded down
    // (resolveMaxWorkers in vitest 4), and runs as many as `vitest run` here instead: 2 against 1 on two cores,
    // 7 against 4 on eight.
    // VITEST_MAX_WORKERS=1 npm test runs one file at a time again.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
