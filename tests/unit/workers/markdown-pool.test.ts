import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileWorker } from '../../../src/workers/compile.ts';
import { MarkdownPool, TimeLimitExceeded } from '../../../src/workers/markdown-pool.ts';
import { renderMarkdown } from '../../../src/markdown/render.ts';
import { PACKAGE_ROOT } from '../../../src/bin/code.js';
import type { Person } from '../../../src/content/person.ts';
import { makeTempDir, removeDir } from '../../helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function pool(size: number, timeLimitMs: number): Promise<MarkdownPool> {
  const root = await makeTempDir();
  cleanups.push(() => removeDir(root));
  const created = new MarkdownPool({ workerFile: await compileWorker(root, 'workers/markdown-worker.ts'), size, timeLimitMs });
  cleanups.push(() => created.close());
  return created;
}

describe('MarkdownPool', () => {
  it('renders many articles over several workers and gives each its own result', async () => {
    const markdown = await pool(2, 10_000);
    const bodies = Array.from({ length: 40 }, (_, i) => `Članek **${i}** o Witkoffu.`);
    const results = await Promise.all(bodies.map((body) => markdown.render(body)));
    results.forEach((result, i) => expect(result.html).toBe(`<p>Članek <strong>${i}</strong> o Witkoffu.</p>\n`));
  });

  it('gives back all that renderMarkdown finds, the lines the warnings need too', async () => {
    const markdown = await pool(1, 10_000);
    const body = 'Uvod.\n\n![](/slike/foto.png)\n\nPoročilo je [tukaj](https://example.si/porocilo).';
    const rendered = renderMarkdown(body);
    expect(rendered).toMatchObject({ imagesWithoutAlt: [3], vagueLinks: [{ line: 5, text: 'tukaj' }] });
    expect(await markdown.render(body)).toEqual(rendered);
  });

  it('stops the article over the time limit; the articles posted to the same worker behind it still render', async () => {
    // One worker, so the short articles are queued behind the slow one in that worker.
    const markdown = await pool(1, 300);
    const slow = Array.from({ length: 6000 }, (_, i) => `*Odstavek ${i}* z [povezavo](https://example.si/${i}) in **krepkim** besedilom.`).join('\n\n');
    const outcomes = await Promise.allSettled([markdown.render(slow), ...['Ena.', 'Dve.', 'Tri.', 'Štiri.'].map((body) => markdown.render(body))]);
    expect(outcomes[0]!.status).toBe('rejected');
    expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(TimeLimitExceeded);
    expect(outcomes.slice(1).map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.html : outcome.reason))).toEqual([
      '<p>Ena.</p>\n',
      '<p>Dve.</p>\n',
      '<p>Tri.</p>\n',
      '<p>Štiri.</p>\n',
    ]);
  });

  it('never keeps the process alive by a task’s time limit alone', async () => {
    const markdown = await pool(1, 60_000);
    await markdown.render('Prvi.'); // the worker is ready: the next task is sent, and its timer started, at once
    const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const before = timers();
    const running = markdown.render(Array.from({ length: 200 }, (_, i) => `*Odstavek ${i}* z [povezavo](https://example.si/${i}).`).join('\n\n'));
    // A stopped build whose pool is closing would otherwise wait out the whole limit (here a minute).
    expect(timers()).toBe(before);
    await running;
  });

  it('fails the task a worker is rendering when the pool is closed, so a stopped load ends', async () => {
    const markdown = await pool(1, 60_000);
    await markdown.render('Prvi.'); // the worker is ready: the next task is sent to it at once
    const slow = Array.from({ length: 6000 }, (_, i) => `*Odstavek ${i}* z [povezavo](https://example.si/${i}) in **krepkim** besedilom.`).join('\n\n');
    const outcome = markdown.render(slow).then(
      () => 'rendered',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    await markdown.close();
    // Left unsettled, the task kept a dev server stopped during its first load from closing its .cache/ log.
    const pending = new Promise((resolve) => setImmediate(() => resolve('still pending')));
    expect(await Promise.race([outcome, pending])).toBe('the Markdown pool was closed');
  });

  it('sends a promoted task before every task still waiting, each task once', async () => {
    const markdown = await pool(1, 10_000);
    const finished: number[] = [];
    const submitted = Array.from({ length: 30 }, (_, i) => {
      const task = markdown.submit({ body: new TextEncoder().encode(`Članek ${i}.`) });
      void task.result.then(() => finished.push(i));
      return task;
    });
    submitted[29]!.promote();
    submitted[29]!.promote();
    submitted[20]!.promote();
    const results = await Promise.all(submitted.map((task) => task.result));
    results.forEach((result, i) => expect(new TextDecoder().decode(result.rendered!.html)).toBe(`<p>Članek ${i}.</p>\n`));
    // The worker has at most three tasks posted ahead (the first ones, sent as the worker became ready);
    // the promoted two come next, in the order they were promoted, and no task runs twice.
    expect(finished.indexOf(29)).toBeLessThanOrEqual(3);
    expect(finished.indexOf(20)).toBe(finished.indexOf(29) + 1);
    expect([...finished].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('tells every task why its workers could not start, also one asked for after the failure', async () => {
    const root = await makeTempDir();
    cleanups.push(() => removeDir(root));
    const workerFile = `${root}/broken-worker.mjs`;
    await writeFile(workerFile, "throw new Error('the renderer could not be loaded');\n");
    const broken = new MarkdownPool({ workerFile, size: 1, timeLimitMs: 10_000 });
    cleanups.push(() => broken.close());
    await expect(broken.render('Prvi.')).rejects.toThrow('the renderer could not be loaded');
    await expect(broken.render('Drugi.')).rejects.toThrow('the renderer could not be loaded');
  });

  it('bundles the worker into the site’s .cache/ when arhivar’s own folder cannot be written to, and it runs', async () => {
    const root = await makeTempDir();
    cleanups.push(() => removeDir(root));
    // A folder inside a file cannot be made, not even by root: the stand-in for a read-only install.
    const unwritable = path.join(root, 'a-file', 'code');
    await writeFile(path.join(root, 'a-file'), '');
    const workerFile = await compileWorker(root, 'workers/markdown-worker.ts', unwritable);
    expect(workerFile.startsWith(path.join(root, '.cache', 'workers') + path.sep)).toBe(true);
    const fallback = new MarkdownPool({ workerFile, size: 1, timeLimitMs: 10_000 });
    cleanups.push(() => fallback.close());
    expect((await fallback.render('Iz *rezervnega* mesta.')).html).toBe('<p>Iz <em>rezervnega</em> mesta.</p>\n');
  });

  it('started before the registry is known, holds its tasks until setup() and then detects the people it was given', async () => {
    const root = await makeTempDir();
    cleanups.push(() => removeDir(root));
    const later = new MarkdownPool({ workerFile: await compileWorker(root, 'workers/markdown-worker.ts'), size: 1, timeLimitMs: 10_000, peopleLater: true });
    cleanups.push(() => later.close());
    let settled = false;
    const task = later.run({ body: new TextEncoder().encode('Steve Witkoff se je sestal s Kirilom Dmitrijevim.'), detect: { title: 'Srečanje' } });
    void task.then(() => (settled = true));
    // Long enough for the worker to load: without its setup it still takes nothing.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(settled).toBe(false);
    const people: Person[] = [
      { id: 'steve-witkoff', name: 'Steve Witkoff', aliases: [], role: undefined, gender: 'm', detect: true, bio: '', file: 'content/people/steve-witkoff.md' },
      { id: 'kiril-dmitrijev', name: 'Kiril Dmitrijev', aliases: [], role: undefined, gender: 'm', detect: true, bio: '', file: 'content/people/kiril-dmitrijev.md' },
    ];
    later.setup(people);
    const result = await task;
    expect(result.detected?.people).toEqual(['steve-witkoff', 'kiril-dmitrijev']);
    expect(new TextDecoder().decode(result.rendered!.html)).toBe('<p>Steve Witkoff se je sestal s Kirilom Dmitrijevim.</p>\n');
  });

  it('bundles the worker, packages included, into arhivar’s own .cache/code/, without those only validation needs', async () => {
    const root = await makeTempDir();
    cleanups.push(() => removeDir(root));
    const workerFile = await compileWorker(root, 'workers/markdown-worker.ts');
    // Not in the site's .cache/: a site's first build finds it made already.
    expect(workerFile.startsWith(path.join(PACKAGE_ROOT, '.cache', 'code') + path.sep)).toBe(true);
    const bundle = await readFile(workerFile, 'utf8');
    // One module: a starting worker resolves and loads no package of its own (100 ms of its 160 when it did).
    expect(bundle).not.toMatch(/^(?:import|export)\b[^;]*?["'](?!node:)[^"']*["'];?$/m);
    // esbuild marks each bundled file with its path. Each of these would cost a starting worker 40-70 ms.
    const packages = new Set([...bundle.matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((match) => match[1]));
    expect(packages).toContain('remark-parse');
    for (const heavy of ['zod', 'yaml', 'gray-matter', 'preact']) expect(packages).not.toContain(heavy);
  });

});
