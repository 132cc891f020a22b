import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readdir } from 'node:fs/promises';
import { DEV_EDITS, DEV_EDITS_ROW, FIRST_EDIT_SCENARIO, FRESH_FOLDER_SCENARIO, KEPT_CACHE_SCENARIO, NEW_ARTICLE_SCENARIO, prepareBundles, runBench } from '../../src/bench/run.ts';
import { bundleVersion, NODE_FLAGS, templateFreeBundleVersion } from '../../src/bin/code.js';
import { copyFixture, makeTempDir, PROJECT_ROOT, waitFor } from '../helpers.ts';
import type { ChildReport } from '../../src/bench/child.ts';

const CHILD = path.join(PROJECT_ROOT, 'src', 'bench', 'child.js');

/** The ids of running processes whose command line mentions `text`. */
function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1];
      if (state !== 'Z' && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) found.push(Number(entry));
    } catch {
      // the process ended between readdir and read
    }
  }
  return found;
}

describe('npm run bench (issue 6)', () => {
  it('builds a small synthetic archive cold (after a deletion and into a fresh folder), unchanged, after a first edit and one more, after a new article, and from a kept .cache/, starts the dev server, and prints the tables', async () => {
    const lines: string[] = [];
    const result = await runBench({ articles: 40, people: 12, runs: 1, keep: true, log: (line) => lines.push(line) });
    // Each run's line gives its peak too: the table shows only each row's highest.
    const coldLine = lines.find((line) => line.startsWith('cold build 1/1: '));
    expect(coldLine).toMatch(/^cold build 1\/1: [\d.]+ s, peak \d+ MiB$/);
    expect(Number(/peak (\d+) MiB/.exec(coldLine!)![1])).toBe(Math.round(result.scenarios[0]!.runs[0]!.maxRssKb / 1024));
    const workspace = path.dirname(result.root);
    onTestFinished(() => rm(workspace, { recursive: true, force: true }));
    const [cold, freshFolder, unchanged, firstEdit, edited, added, keptCache] = result.scenarios;
    expect(result.scenarios.map((scenario) => scenario.name)).toEqual(['cold build', FRESH_FOLDER_SCENARIO, 'no-change rebuild', FIRST_EDIT_SCENARIO, 'one-article rebuild', NEW_ARTICLE_SCENARIO, KEPT_CACHE_SCENARIO]);
    // The first edit is built once, on its own; the row of one-article rebuilds is the edits after it.
    expect(firstEdit!.runs).toHaveLength(1);
    expect(edited!.runs).toHaveLength(1);
    const articles = await readdir(path.join(result.root, 'content', 'articles'), { recursive: true });
    const edits = await Promise.all(articles.filter((file) => file.endsWith('.md')).map((file) => readFile(path.join(result.root, 'content', 'articles', file), 'utf8')));
    expect(edits.filter((text) => text.includes('Popravek 1:') && text.includes('Popravek 2:'))).toHaveLength(1);
    expect(firstEdit!.median.filesWritten).toBeGreaterThanOrEqual(1);
    expect(firstEdit!.median.filesWritten).toBeLessThan(cold!.median.filesWritten! / 4);
    // The output the bench moved aside instead of deleting is gone; the site itself was kept, as asked.
    expect(existsSync(path.join(result.root, 'content'))).toBe(true);
    expect(existsSync(path.join(workspace, 'set-aside'))).toBe(false);
    // 40 articles and 12 people, besides the index, archive, tag and feed pages and the sitemap.
    expect(cold!.median.pages).toBeGreaterThan(40 + 12);
    // Besides the pages: the CSS and script assets and the search index files.
    expect(cold!.median.filesWritten).toBeGreaterThan(cold!.median.pages);
    // Into a fresh folder the build is the same cold build: every file written, every article rendered.
    expect(freshFolder!.median.filesWritten).toBe(cold!.median.filesWritten);
    expect(freshFolder!.median.timings.detect).toBeGreaterThan(0);
    expect(unchanged!.median.filesWritten).toBe(0);
    // The edited article's page, and the search index files that hold its words: never the whole site.
    expect(edited!.median.filesWritten).toBeGreaterThanOrEqual(1);
    expect(edited!.median.filesWritten).toBeLessThan(cold!.median.filesWritten! / 4);
    // One new article, the newest: its page is added (and, as the archive's first of 2026, a year and a month
    // page), and the home page lists it first.
    expect(added!.runs).toHaveLength(1);
    expect(added!.median.pages).toBeGreaterThanOrEqual(cold!.median.pages + 3);
    expect(added!.median.filesWritten).toBeLessThan(cold!.median.filesWritten!);
    const newest = await readFile(path.join(result.root, 'content', 'articles', '2026', 'clanek-000041.md'), 'utf8');
    const title = /^title: "(.*)"$/m.exec(newest)![1]!;
    const home = await readFile(path.join(result.root, 'dist', 'index.html'), 'utf8');
    expect(/<h2 class="teaser-title"><a href="[^"]*">([^<]*)<\/a>/.exec(home)?.[1]).toBe(title);
    for (const stage of ['load', 'parse', 'detect', 'collect', 'render', 'write'] as const) expect(cold!.median.timings[stage]).toBeGreaterThan(0);
    // With .cache/ kept and dist/ gone, every file is written again, but no article is rendered or searched for people.
    // (The new article is in it now: every file of the dist/ it made.)
    const published = await readdir(path.join(result.root, 'dist'), { recursive: true, withFileTypes: true });
    expect(keptCache!.median.filesWritten).toBe(published.filter((entry) => !entry.isDirectory()).length);
    expect(keptCache!.median.filesWritten).toBeGreaterThan(cold!.median.filesWritten!);
    expect(keptCache!.median.timings.detect ?? 0).toBe(0);
    expect(cold!.median.maxRssKb).toBeGreaterThan(0);
    expect(result.table).toMatch(/^\| cold build \| [\d.]+ \|/m);
    expect(result.table).toMatch(/^\| cold build into a fresh folder \| [\d.]+ \|/m);
    expect(result.table).toMatch(/^\| one-article rebuild \| [\d.]+ \|/m);
    expect(result.table).toMatch(/^\| first edit after a cold build \(no spare tree\) \| [\d.]+ \|/m);
    expect(result.table).toMatch(/^\| new article rebuild \| [\d.]+ \|/m);
    expect(result.table).toMatch(/^\| build with kept \.cache\/, no dist\/ \| [\d.]+ \|/m);
    // The cold build's row: CPU (user and system) and, in the next column, the system time within it.
    const header = result.table.split('\n').find((line) => line.startsWith('| build |'))!.split('|').map((cell) => cell.trim());
    const coldRow = result.table.split('\n').find((line) => line.startsWith('| cold build |'))!.split('|').map((cell) => cell.trim());
    const cpu = Number(coldRow[header.indexOf('CPU user+sys s')]);
    const system = Number(coldRow[header.indexOf('of it system s')]);
    expect(system).toBeCloseTo(cold!.median.systemMs / 1000, 1);
    expect(cpu).toBeGreaterThanOrEqual(system);
    // The dev server, started as a process of its own, served the home page with and without .cache/.
    expect(result.devStarts.map((start) => start.cache)).toEqual(['warm', 'none']);
    for (const start of result.devStarts) {
      expect(start.firstPageMs).toBeGreaterThan(0);
      expect(start.maxRssKb).toBeGreaterThan(0);
    }
    expect(result.table).toMatch(/^\| start with \.cache\/ from earlier builds \| [\d.]+ \|/m);
    expect(result.table).toMatch(/^\| start without \.cache\/ \| [\d.]+ \|/m);
    // With .cache/, one article was edited several times while the server ran, and its page showed each edit.
    const [warm, fresh] = result.devStarts;
    expect(warm!.starts[0]!.editsMs).toHaveLength(DEV_EDITS);
    for (const ms of warm!.starts[0]!.editsMs!) expect(ms).toBeGreaterThan(0);
    expect(warm!.starts[0]!.sessionMaxRssKb).toBeGreaterThanOrEqual(warm!.starts[0]!.maxRssKb);
    expect(fresh!.starts[0]!.editsMs).toBeUndefined();
    const victim = (await Promise.all(articles.filter((file) => file.endsWith('.md')).map((file) => readFile(path.join(result.root, 'content', 'articles', file), 'utf8')))).find((text) => text.includes('Popravek 1:'))!;
    expect(victim.match(/Urednica je dopisala stavek/g)).toHaveLength(DEV_EDITS);
    expect(result.table).toContain(`| ${DEV_EDITS_ROW} | `);
  });

  it.skipIf(!existsSync('/proc/self/status'))('gives a build its own peak, not the memory of the process that started it (issue 6)', async () => {
    const root = await copyFixture('archive-basic');
    // A bench holding 400 MiB when it starts the build, as the bench may after generating a large archive: Linux
    // carries the forked copy's RSS over exec into the build's ru_maxrss.
    const starter = `
      const ballast = Buffer.alloc(400 * 1024 * 1024, 1);
      const child = require('node:child_process').spawn(process.execPath, [...${JSON.stringify(NODE_FLAGS)}, ${JSON.stringify(CHILD)}, ${JSON.stringify(root)}], { stdio: 'inherit' });
      child.on('close', (code) => { process.exitCode = code ?? 1; ballast.fill(0, 0, 1); });
    `;
    const run = spawn(process.execPath, ['-e', starter], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    run.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    run.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    expect(await new Promise((resolve) => run.on('close', resolve)), stderr).toBe(0);
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildReport;
    expect(report.pages).toBeGreaterThan(0);
    // A build of a few articles peaks near 100 MiB; by ru_maxrss it was over 400.
    expect(report.maxRssKb / 1024).toBeGreaterThan(30);
    expect(report.maxRssKb / 1024).toBeLessThan(300);
  });

  it.skipIf(!existsSync('/proc/self/cmdline'))('on Ctrl+C stops the build it measures and deletes the generated folder before it exits 130', async () => {
    // Its own temp folder (TMPDIR), so that the folder the bench generates is the one to look for.
    const temp = await makeTempDir('arhivar-bench-interrupted-');
    onTestFinished(() => rm(temp, { recursive: true, force: true }));
    const bench = spawn(process.execPath, [path.join(PROJECT_ROOT, 'src', 'bench', 'main.js'), '--articles', '40', '--people', '12', '--runs', '1'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, TMPDIR: temp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    bench.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => bench.on('close', (code) => resolve(code)));
    onTestFinished(() => void bench.kill('SIGKILL'));
    // A measured build is running: a process whose command line names the generated site.
    let build: number | undefined;
    await waitFor(() => {
      const workspace = readdirSync(temp).find((name) => name.startsWith('arhivar-bench-'));
      build = workspace === undefined ? undefined : processesMentioning(path.join(temp, workspace, 'site'))[0];
      return build !== undefined;
    }, 'a measured build');
    // The signal reaches the bench alone, as from `kill -INT`; a terminal's Ctrl+C reaches the build too.
    bench.kill('SIGINT');
    expect(await exited, stderr).toBe(130);
    expect(stderr).toContain('interrupted by SIGINT');
    expect(existsSync(`/proc/${build}`) && processesMentioning(temp).includes(build!)).toBe(false);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('when the reader of its output goes away (2>&1 | head) deletes the generated folder before it exits 141, as on SIGPIPE', async () => {
    const temp = await makeTempDir('arhivar-bench-closed-');
    onTestFinished(() => rm(temp, { recursive: true, force: true }));
    const bench = spawn(process.execPath, [path.join(PROJECT_ROOT, 'src', 'bench', 'main.js'), '--articles', '40', '--people', '12', '--runs', '1'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, TMPDIR: temp },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => bench.on('close', (code) => resolve(code)));
    onTestFinished(() => void bench.kill('SIGKILL'));
    // `head -1` reads the first line (»generating …«) and ends: the bench's next line meets a closed pipe.
    await new Promise<void>((resolve) => bench.stderr.once('data', () => resolve()));
    bench.stderr.destroy();
    expect(await exited).toBe(141);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('makes the bundles of the measured build, the dev server and the build\'s workers before timing anything', async () => {
    const folder = await makeTempDir('arhivar-bench-bundles-');
    await prepareBundles(await makeTempDir('arhivar-bench-site-'), folder);
    const version = await bundleVersion();
    // The workers import no template: their bundles are named by the version that leaves templates/ out.
    const workerVersion = await templateFreeBundleVersion();
    const made = (await readdir(folder)).sort();
    expect(made).toEqual([
      ...['bench-child-ts', 'cli-ts'].map((entry) => `${entry}-${version}`),
      ...['workers-markdown-worker-ts', 'workers-render-watchdog-worker-ts', 'workers-tree-writer-worker-ts'].map((entry) => `${entry}-${workerVersion}`),
    ]);
    for (const bundle of made) expect(await readdir(path.join(folder, bundle))).toContain('index.mjs');
  });
});
