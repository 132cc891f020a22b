import { execFile, spawn } from 'node:child_process';
import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { copyFixture, copyPackage, temporaryFolders, waitFor } from '../helpers.ts';

const temporaryFolder = temporaryFolders();

/** `arhivar build` of `root` by a copy of arhivar's command, as `npm run build` runs it. */
async function build(copy: string, root: string): Promise<void> {
  await promisify(execFile)(process.execPath, [path.join(copy, 'src/bin/arhivar.js'), 'build', '--root', root], { timeout: 60_000 });
}

/** The logs of .cache/ that hold what was made from content (validations, Markdown, people found, search terms), by name, with their sizes. */
async function contentLogs(root: string): Promise<Record<string, number>> {
  const folder = path.join(root, '.cache');
  const names = (await readdir(folder)).filter((name) => /^(articles|markdown|people|search-terms)-[0-9a-f]+\.log$/.test(name)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await stat(path.join(folder, name))).size] as const)));
}

describe('a template edited in an archive built before', () => {
  it('renders the pages with the new template and takes every article’s Markdown, validation and people from .cache/; a change of src/ makes them again', async () => {
    const copy = await copyPackage(await temporaryFolder());
    const root = await copyFixture('archive-basic');
    await build(copy, root);
    const logs = await contentLogs(root);
    expect(Object.keys(logs).map((name) => name.replace(/-[0-9a-f]+\.log$/, ''))).toEqual(['articles', 'markdown', 'people', 'search-terms']);

    // A word in the footer of every page.
    const layout = path.join(copy, 'templates', 'layout.tsx');
    const source = await readFile(layout, 'utf8');
    expect(source).toContain('<strong>{site.title}</strong>');
    await writeFile(layout, source.replace('<strong>{site.title}</strong>', '<strong>{site.title}</strong> Kolofon'));
    await build(copy, root);
    expect(await readFile(path.join(root, 'dist', 'index.html'), 'utf8')).toContain('Kolofon');
    // The same logs, not one record added to them: nothing made from content was made again.
    expect(await contentLogs(root)).toEqual(logs);

    // arhivar's own code makes those records, so a change of it starts new logs.
    await appendFile(path.join(copy, 'src', 'text', 'sl.ts'), '\n// A comment changes the code\'s hash.\n');
    await build(copy, root);
    const afterCode = await contentLogs(root);
    expect(Object.keys(afterCode).filter((name) => !(name in logs))).toHaveLength(4);
  }, 120_000);
});

describe('the bundles of arhivar’s code in .cache/code/ as templates are edited', () => {
  it('keeps those a running process uses and one more of each entry, not one per edit', async () => {
    const copy = await copyPackage(await temporaryFolder());
    const root = await copyFixture('archive-basic');
    const code = path.join(copy, '.cache', 'code');
    const bundlesOf = async (entry: string) => (await readdir(code)).filter((name) => name.startsWith(`${entry}-`)).sort();
    const layout = path.join(copy, 'templates', 'layout.tsx');
    let edits = 0;
    const editAndBuild = async () => {
      await appendFile(layout, `\n// edit ${++edits}\n`);
      await build(copy, root);
    };

    // A dev server of the templates as they were, left running while they are edited and built.
    const dev = spawn(process.execPath, [path.join(copy, 'src/bin/arhivar.js'), 'dev', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = '';
    dev.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const exited = new Promise((resolve) => dev.on('exit', resolve));
    let workers: string[] = [];
    try {
      await waitFor(() => printed.includes('loaded '), 'the dev server’s first load');
      const [served] = await bundlesOf('cli-ts');
      expect(served).toBeDefined();
      workers = await bundlesOf('workers-markdown-worker-ts');
      expect(workers).toHaveLength(1);
      for (let n = 0; n < 4; n++) await editAndBuild();
      // The dev server's, the last build's and the one before it; four edits left six.
      const whileServing = await bundlesOf('cli-ts');
      expect(whileServing).toContain(served);
      expect(whileServing).toHaveLength(3);
      // Its Markdown worker's, which it starts again for each load after a save (pipeline/markdown.ts), is the one
      // every build uses: a worker imports no template, so a template's edit makes it no new bundle.
      expect(await bundlesOf('workers-markdown-worker-ts')).toEqual(workers);
    } finally {
      dev.kill('SIGTERM');
      await exited;
    }
    // Once it has ended, its bundle goes as any other, by when it was last used.
    await editAndBuild();
    await editAndBuild();
    expect(await bundlesOf('cli-ts')).toHaveLength(2);
    expect(await bundlesOf('workers-markdown-worker-ts')).toEqual(workers);
    expect((await readdir(code)).length).toBeLessThanOrEqual(5);
  }, 180_000);

  it('makes the command’s bundle again after a template’s edit and leaves the Markdown worker’s as it was; a change of src/ makes it again', async () => {
    const copy = await copyPackage(await temporaryFolder());
    const root = await copyFixture('archive-basic');
    const code = path.join(copy, '.cache', 'code');
    /** Each bundle folder of `entry`, with the time its index.mjs was written. */
    const bundlesOf = async (entry: string) => {
      const names = (await readdir(code)).filter((name) => name.startsWith(`${entry}-`)).sort();
      return Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await stat(path.join(code, name, 'index.mjs'))).mtimeMs] as const)));
    };
    await build(copy, root);
    const commands = await bundlesOf('cli-ts');
    // The Markdown worker's: a build that renders pages with nothing of content changed still starts it (pipeline/markdown.ts).
    const workers = await bundlesOf('workers-markdown-worker-ts');
    expect(Object.keys(workers)).toHaveLength(1);

    const layout = path.join(copy, 'templates', 'layout.tsx');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('<strong>{site.title}</strong>', '<strong>{site.title}</strong> Kolofon'));
    await build(copy, root);
    expect(await readFile(path.join(root, 'dist', 'index.html'), 'utf8')).toContain('Kolofon');
    expect(Object.keys(await bundlesOf('cli-ts')).filter((name) => !(name in commands))).toHaveLength(1);
    // The same folder, not written again.
    expect(await bundlesOf('workers-markdown-worker-ts')).toEqual(workers);

    // The new code renders every article again, on a worker of its own.
    await appendFile(path.join(copy, 'src', 'text', 'sl.ts'), '\n// A comment changes the code\'s hash.\n');
    await build(copy, root);
    expect(Object.keys(await bundlesOf('workers-markdown-worker-ts')).filter((name) => !(name in workers))).toHaveLength(1);
  }, 120_000);
});
