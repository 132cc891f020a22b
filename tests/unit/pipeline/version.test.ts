import { execFile } from 'node:child_process';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { stop } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { copyPackage, modulesImportedBy, temporaryFolders } from '../../helpers.ts';

const temporaryFolder = temporaryFolders();

/**
 * The modules whose results .cache/ keeps under contentCacheVersion, which leaves templates/ out: validated
 * front matter, rendered Markdown and people found (in the worker), person files and the registry, search
 * terms, related lists. Were one of them to import a template, a template's edit would change what it makes
 * while its records were still taken from .cache/.
 */
const CONTENT_CACHE_MAKERS = [
  'src/pipeline/articles.ts',
  'src/pipeline/markdown.ts',
  'src/pipeline/people.ts',
  'src/pipeline/search.ts',
  'src/pipeline/related.ts',
  'src/workers/markdown-worker.ts',
  'src/people/registry.ts',
  'src/content/person.ts',
  'src/site/related.ts',
];

/** codeVersion and contentCacheVersion as a copy of arhivar computes them. */
async function versionsOf(copy: string): Promise<{ code: string; content: string }> {
  const script = `const { codeVersion, contentCacheVersion } = await import(${JSON.stringify(path.join(copy, 'src/bin/code.js'))}); console.log(JSON.stringify({ code: await codeVersion(), content: await contentCacheVersion() }));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
  return JSON.parse(stdout) as { code: string; content: string };
}

afterAll(() => stop());

describe('the versions .cache/ is keyed by', () => {
  it('changes only codeVersion when a template changes, and both when src/ or tsconfig.json does', async () => {
    const copy = await copyPackage(await temporaryFolder());
    const before = await versionsOf(copy);
    expect(before.code).not.toBe(before.content);

    await appendFile(path.join(copy, 'templates', 'site.css'), '\n.kolofon { color: red; }\n');
    const afterTemplate = await versionsOf(copy);
    expect(afterTemplate.content).toBe(before.content);
    expect(afterTemplate.code).not.toBe(before.code);

    await appendFile(path.join(copy, 'src', 'site', 'related.ts'), '\n// A comment changes the code.\n');
    const afterSource = await versionsOf(copy);
    expect(afterSource.content).not.toBe(afterTemplate.content);
    expect(afterSource.code).not.toBe(afterTemplate.code);

    // tsconfig.json tells esbuild how to compile JSX (jsxImportSource) for src/ and templates/ alike.
    const tsconfig = path.join(copy, 'tsconfig.json');
    await writeFile(tsconfig, (await readFile(tsconfig, 'utf8')).replace('"jsx": "react-jsx"', '"jsx": "react-jsxdev"'));
    const afterTsconfig = await versionsOf(copy);
    expect(afterTsconfig.content).not.toBe(afterSource.content);
    expect(afterTsconfig.code).not.toBe(afterSource.code);
  }, 60_000);

  it('keys records made by modules that import nothing from templates/', async () => {
    const inputs = await modulesImportedBy(CONTENT_CACHE_MAKERS);
    expect(inputs).toContain('src/pipeline/markdown.ts');
    expect(inputs.filter((file) => !file.startsWith('src/'))).toEqual([]);
  });
});
