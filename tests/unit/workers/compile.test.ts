import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { stop } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { templateFreeBundleVersion } from '../../../src/bin/code.js';
import { RENDER_WATCHDOG_ENTRY } from '../../../src/output/render-watchdog.ts';
import { TREE_WRITER_ENTRY } from '../../../src/output/tree-writer.ts';
import { MARKDOWN_WORKER_ENTRY } from '../../../src/pipeline/markdown.ts';
import { compileWorker } from '../../../src/workers/compile.ts';
import { modulesImportedBy, PROJECT_ROOT, temporaryFolders } from '../../helpers.ts';

const temporaryFolder = temporaryFolders();

afterAll(() => stop());

/** Every worker's entry: each file of src/workers/ named *-worker.ts, relative to src/ as compileWorker takes it. */
async function workerEntries(): Promise<string[]> {
  return (await readdir(path.join(PROJECT_ROOT, 'src', 'workers'))).filter((name) => name.endsWith('-worker.ts')).map((name) => `workers/${name}`).sort();
}

describe('the bundles worker threads start from (src/workers/compile.ts)', () => {
  it('are of modules that import nothing from templates/, so an edited template makes none of them again', async () => {
    const entries = await workerEntries();
    expect(entries).toEqual([MARKDOWN_WORKER_ENTRY, RENDER_WATCHDOG_ENTRY, TREE_WRITER_ENTRY].sort());
    const inputs = await modulesImportedBy(entries.map((entry) => `src/${entry}`));
    expect(inputs).toContain('src/markdown/render.ts');
    expect(inputs.filter((file) => file.startsWith('templates/'))).toEqual([]);
  });

  it('names each by the version that leaves templates/ out', async () => {
    const folder = await temporaryFolder();
    const root = await temporaryFolder();
    const version = await templateFreeBundleVersion();
    for (const entry of await workerEntries()) {
      const file = await compileWorker(root, entry, folder);
      expect(path.relative(folder, file)).toBe(path.join(`${entry.replace(/[^a-z0-9]+/gi, '-')}-${version}`, 'index.mjs'));
    }
  }, 60_000);
});
