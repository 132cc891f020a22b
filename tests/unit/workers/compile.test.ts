import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { build, stop } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { templateFreeBundleVersion } from '../../../src/bin/code.js';
import { RENDER_WATCHDOG_ENTRY } from '../../../src/output/render-watchdog.ts';
import { TREE_WRITER_ENTRY } from '../../../src/output/tree-writer.ts';
import { MARKDOWN_WORKER_ENTRY } from '../../../src/pipeline/markdown.ts';
import { compileWorker } from '../../../src/workers/compile.ts';
import { PROJECT_ROOT, temporaryFolders } from '../../helpers.ts';

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
    const result = await build({
      entryPoints: entries.map((entry) => path.join(PROJECT_ROOT, 'src', entry)),
      absWorkingDir: PROJECT_ROOT,
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outdir: path.join(PROJECT_ROOT, '.cache', 'worker-compile-test'),
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
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
