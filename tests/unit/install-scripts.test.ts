import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * npm 11 prints a warning on every `npm ci` for each dependency whose install script package.json's `allowScripts`
 * neither allows nor denies, and a later npm is to skip such scripts (npm's docs, `npm help approve-scripts`). So
 * every package the lock file marks `hasInstallScript` needs a decision there, made when it is added.
 */
const readJson = (name: string) => JSON.parse(readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8')) as unknown;

const lock = readJson('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> };
const pkg = readJson('package.json') as { allowScripts?: Record<string, boolean> };

// A lock key is the install path (`node_modules/a/node_modules/@s/b`); the package's name is what follows the last node_modules/.
const withScripts = Object.entries(lock.packages)
  .filter(([, entry]) => entry.hasInstallScript === true)
  .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));

describe('package.json decides on every dependency install script', () => {
  it('the lock file has install scripts to decide on', () => {
    expect(withScripts).toContain('esbuild');
  });

  it.each(withScripts)('%s', (name) => {
    // An entry is a name, or a name pinned to versions (`esbuild@0.28.2`).
    const decided = Object.keys(pkg.allowScripts ?? {}).filter((entry) => entry === name || entry.startsWith(`${name}@`));
    expect(decided).not.toEqual([]);
  });
});
