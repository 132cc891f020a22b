import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: fails the run when a test left build output inside tests/fixtures/. A build whose
 * root is a fixture in the repository writes its .cache/ there unless told not to (tests/helpers.ts
 * buildSite passes cache: false; copyFixture() gives a copy to build with a cache), and such a .cache/
 * changes what the next run of the same tests exercises.
 */
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const OUTPUT = new Set(['.cache', 'dist', '.dist-spare']);

function outputInFixtures(): string[] {
  const found: string[] = [];
  for (const fixture of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!fixture.isDirectory()) continue;
    for (const entry of readdirSync(path.join(FIXTURES, fixture.name))) if (OUTPUT.has(entry)) found.push(path.join('tests/fixtures', fixture.name, entry));
  }
  return found;
}

export default function setup(): () => void {
  // Left by an earlier run (before this check, or one stopped halfway): not this run's doing.
  const before = new Set(outputInFixtures());
  return () => {
    const left = outputInFixtures().filter((entry) => !before.has(entry));
    if (left.length === 0) return;
    // Not thrown: Vitest would report it but still exit 0, and skip the other global teardowns (the run's
    // temporary folder would be left behind).
    process.exitCode = 1;
    process.stderr.write(`\ntests wrote into the repository's fixtures: ${left.join(', ')}. Build a copyFixture() copy, or pass cache: false.\n`);
  };
}
