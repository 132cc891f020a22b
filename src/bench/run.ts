import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledPath, NODE_FLAGS } from '../bin/code.js';
import { TREE_WRITER_ENTRY } from '../output/tree-writer.ts';
import { RENDER_WATCHDOG_ENTRY } from '../output/render-watchdog.ts';
import { MARKDOWN_WORKER_ENTRY } from '../pipeline/markdown.ts';
import { compileWorker } from '../workers/compile.ts';
import { STAGES } from '../pipeline/timings.ts';
import type { ChildReport } from './child.ts';
import { addNewestArticle, generateArchive } from './generate.ts';
import { KNOWN_FILES } from '../pipeline/unchanged.ts';

/**
 * `npm run bench -- --articles N [--people P] [--runs R]`: generates a synthetic archive in a temp folder and
 * times seven builds, each in a fresh process: cold (no dist/, no .cache/) right after the previous output was
 * deleted and cold into a fresh folder, rebuild with nothing changed, the first rebuild after editing one article
 * (once: it has no spare tree) and the ones after it, rebuilds after adding a new article, and a
 * build with .cache/ kept but no dist/ (a CI job); then the time `arhivar dev` takes to serve its first page, with
 * the .cache/ those builds left and without one, and with .cache/ how long each of DEV_EDITS quick edits takes
 * to show on its page. Prints medians as Markdown tables.
 */
export interface BenchOptions {
  articles: number;
  people: number;
  runs: number;
  /** Keep the generated folder instead of deleting it (its path is in the result). */
  keep?: boolean;
  log?: (line: string) => void;
  /**
   * Aborted on Ctrl+C: the process being measured is stopped and waited for, and the generated folder is
   * deleted (unless kept) before runBench rejects with the signal's reason.
   */
  signal?: AbortSignal | undefined;
}

export interface ScenarioResult {
  name: string;
  runs: ChildReport[];
  wallMs: number;
  /** The median of each run's user and system time together (not the sum of their medians, which may be no run's). */
  cpuMs: number;
  median: ChildReport;
}

export interface DevStart {
  /** From starting `arhivar dev` to the end of the first 200 response for the home page. */
  firstPageMs: number;
  /** Peak RSS of the process tree until the first page. */
  maxRssKb: number;
  /**
   * When edits were measured (DEV_EDITS of them, each made as soon as the one before showed): from writing
   * each into the article to the first response for its page that shows it.
   */
  editsMs?: number[] | undefined;
  /** When edits were measured: peak RSS of the process tree over the whole session, edits included. */
  sessionMaxRssKb?: number | undefined;
}

export interface DevStartResult {
  cache: 'warm' | 'none';
  starts: DevStart[];
  firstPageMs: number;
  maxRssKb: number;
}

/** An article to edit while the dev server runs, and the URL of its page. */
interface DevEdit {
  file: string;
  url: string;
  run: number;
}

export interface BenchResult {
  root: string;
  options: BenchOptions;
  scenarios: ScenarioResult[];
  devStarts: DevStartResult[];
  table: string;
}

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => {});
  const workspace = await mkdtemp(path.join(tmpdir(), 'arhivar-bench-'));
  const root = path.join(workspace, 'site');
  const setAside = outputMover(root, path.join(workspace, 'set-aside'));
  const { signal } = options;
  const measuredBuild = (site: string) => measuredBuildIn(site, signal);
  try {
    log(`generating ${options.articles} articles and ${options.people} people in ${root}`);
    const generated = await generateArchive(root, { articles: options.articles, people: options.people, signal });
    await cp(path.join(PROJECT_ROOT, 'templates'), path.join(root, 'templates'), { recursive: true });
    await prepareBundles(root);

    // Into a fresh folder first, before this bench has deleted anything: the earlier builds' output is moved
    // out of the site, not deleted (see outputMover).
    const fresh: { report: ChildReport; wallMs: number }[] = [];
    for (let run = 0; run < options.runs; run++) {
      await setAside(['dist', '.dist-spare', '.cache']);
      fresh.push(await measuredBuild(root));
      log(runLine(`cold build into a fresh folder ${run + 1}/${options.runs}`, fresh.at(-1)!));
    }
    const cold: { report: ChildReport; wallMs: number }[] = [];
    for (let run = 0; run < options.runs; run++) {
      await removeOutput(root);
      await rm(path.join(root, '.cache'), { recursive: true, force: true });
      cold.push(await measuredBuild(root));
      log(runLine(`cold build ${run + 1}/${options.runs}`, cold.at(-1)!));
    }
    const scenarios: ScenarioResult[] = [summarise('cold build', cold), summarise(FRESH_FOLDER_SCENARIO, fresh)];

    const unchanged: { report: ChildReport; wallMs: number }[] = [];
    for (let run = 0; run < options.runs; run++) {
      unchanged.push(await measuredBuild(root));
      log(runLine(`no-change rebuild ${run + 1}/${options.runs}`, unchanged.at(-1)!));
    }
    scenarios.push(summarise('no-change rebuild', unchanged));

    const victimIndex = Math.floor(generated.articleFiles.length / 2);
    const victim = generated.articleFiles[victimIndex]!;
    let edits = 0;
    const editAndBuild = async () => {
      const text = await readFile(victim, 'utf8');
      await writeFile(victim, `${text}\nPopravek ${++edits}: dodan stavek po objavi.\n`);
      return measuredBuild(root);
    };
    // The first edit after a cold build has no spare tree to bring up to date: it hard-links every unchanged
    // file into a new one (README, "Incremental, atomic publish"). Timed on its own, once, so that the row of
    // one-article rebuilds shows the edits an editor makes the rest of the day.
    const firstEdit = [await editAndBuild()];
    log(runLine(`first edit after a cold build`, firstEdit[0]!));
    scenarios.push(summarise(FIRST_EDIT_SCENARIO, firstEdit));
    const edited: { report: ChildReport; wallMs: number }[] = [];
    for (let run = 0; run < options.runs; run++) {
      edited.push(await editAndBuild());
      log(runLine(`one-article rebuild ${run + 1}/${options.runs}`, edited.at(-1)!));
    }
    scenarios.push(summarise('one-article rebuild', edited));

    // A new article, the newest of the archive, as a newsroom adds them all day. It goes first on the home
    // page and on its people's, tags' and month's pages, so every page of those lists shifts by one and is
    // rendered again: a larger rebuild than an edit.
    const added: { report: ChildReport; wallMs: number }[] = [];
    for (let run = 0; run < options.runs; run++) {
      await addNewestArticle(root, { articles: options.articles, people: options.people }, run + 1);
      added.push(await measuredBuild(root));
      log(runLine(`new article rebuild ${run + 1}/${options.runs}`, added.at(-1)!));
    }
    scenarios.push(summarise(NEW_ARTICLE_SCENARIO, added));

    // A CI job that keeps .cache/ between runs (README, "Building on CI"): a fresh clone has no dist/,
    // and its content files are new to the file system, so their record in .cache/ matches none of them
    // and every one is read again. Rendered Markdown, validations and search terms come from .cache/.
    // Nothing was deleted in a fresh clone either: the output is moved aside, not deleted.
    const keptCache: { report: ChildReport; wallMs: number }[] = [];
    for (let run = 0; run < options.runs; run++) {
      await setAside(['dist', '.dist-spare']);
      await rm(path.join(root, '.cache', KNOWN_FILES), { force: true });
      keptCache.push(await measuredBuild(root));
      log(runLine(`build with kept .cache/, no dist/ ${run + 1}/${options.runs}`, keptCache.at(-1)!));
    }
    scenarios.push(summarise(KEPT_CACHE_SCENARIO, keptCache));

    // The dev server twice: as an editor starts it on a working day (.cache/ from the builds above; then an
    // edit, as an editor makes one with the preview open) and on a fresh checkout (no .cache/: every
    // article's Markdown must be rendered; the home page comes once the newest are).
    const devStarts: DevStartResult[] = [];
    for (const cache of ['warm', 'none'] as const) {
      const starts: DevStart[] = [];
      for (let run = 0; run < options.runs; run++) {
        if (cache === 'none') await rm(path.join(root, '.cache'), { recursive: true, force: true });
        const edit = cache === 'warm' ? { file: victim, url: generated.articleUrls[victimIndex]!, run } : undefined;
        starts.push(await measuredDevStart(root, edit, signal));
        log(`dev server first page, ${cache === 'warm' ? 'warm .cache/' : 'no .cache/'} ${run + 1}/${options.runs}: ${(starts.at(-1)!.firstPageMs / 1000).toFixed(2)} s`);
        const { editsMs } = starts.at(-1)!;
        if (editsMs !== undefined) log(`dev server, ${editsMs.length} edits shown on their page ${run + 1}/${options.runs}: ${editsMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s`);
      }
      devStarts.push({ cache, starts, firstPageMs: median(starts.map((start) => start.firstPageMs)), maxRssKb: Math.max(...starts.map((start) => start.maxRssKb)) });
    }

    return { root, options, scenarios, devStarts, table: `${formatTable(options, scenarios)}\n\n${formatDevTable(devStarts)}` };
  } finally {
    await rm(path.join(workspace, 'set-aside'), { recursive: true, force: true });
    if (!options.keep) await rm(workspace, { recursive: true, force: true });
  }
}

export const KEPT_CACHE_SCENARIO = 'build with kept .cache/, no dist/';
export const FRESH_FOLDER_SCENARIO = 'cold build into a fresh folder';
export const FIRST_EDIT_SCENARIO = 'first edit after a cold build (no spare tree)';
export const NEW_ARTICLE_SCENARIO = 'new article rebuild';

/**
 * Edits made one after another in a dev session, each as soon as the one before is shown, as an editor's
 * autosave makes them: every reload makes the site's model anew, and quick reloads test how the session's
 * memory holds up, not only how fast one edit shows.
 */
export const DEV_EDITS = 5;
export const DEV_EDITS_ROW = `${DEV_EDITS} quick edits, each shown on its page (after a start with .cache/)`;

/**
 * Makes the bundles the measured processes start from (see bin/code.js) before the first of them is timed.
 * They are made on first use after every change to arhivar's code, and otherwise the first build measured
 * would include esbuild's work for itself and its workers (about 0.7 s), and the first dev start its own.
 */
export async function prepareBundles(root: string, folder = path.join(PROJECT_ROOT, '.cache', 'code')): Promise<void> {
  // Where arhivar's folder cannot be written to, the commands load their TypeScript through tsx instead
  // (importSource), as they would without this; the workers' bundles then go to the site's .cache/.
  await compiledPath('bench/child.ts', folder).catch(() => undefined);
  await compiledPath('cli.ts', folder).catch(() => undefined);
  await compileWorker(root, MARKDOWN_WORKER_ENTRY, folder);
  await compileWorker(root, TREE_WRITER_ENTRY, folder);
  await compileWorker(root, RENDER_WATCHDOG_ENTRY, folder);
}

/**
 * Moves folders out of the site into `aside` (on the same file system) instead of deleting them; the bench
 * deletes them when it is done. On a file system that holds back recently freed inodes (ext4 without a
 * journal, like the machines this bench is run on: see "How it performs" in the README), every file created
 * in the minutes after a large deletion first steps over the freed inodes, and creating a site's 30,000 files
 * and folders then costs many seconds of system time more. A fresh clone, or a CI job's checkout, has
 * deleted nothing; so only the row named "cold build" follows a deletion.
 */
export function outputMover(root: string, aside: string): (names: readonly string[]) => Promise<void> {
  let moved = 0;
  return async (names) => {
    await mkdir(aside, { recursive: true });
    for (const name of names) {
      const from = path.join(root, name);
      if (!existsSync(from)) continue;
      await rename(from, path.join(aside, `${++moved}-${name}`));
    }
  };
}

/** dist/ and the trees a build keeps beside it (output/publish.ts): a build after this starts with none. */
async function removeOutput(root: string): Promise<void> {
  for (const tree of ['dist', '.dist-spare']) await rm(path.join(root, tree), { recursive: true, force: true });
}

async function measuredBuildIn(root: string, signal: AbortSignal | undefined): Promise<{ report: ChildReport; wallMs: number }> {
  signal?.throwIfAborted();
  const started = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, CHILD, root], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const tree = watchTreeRss(child.pid);
  // Stopped, not abandoned: the folder is deleted only once the build no longer writes into it.
  const stop = () => child.kill('SIGTERM');
  signal?.addEventListener('abort', stop, { once: true });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  }).finally(() => signal?.removeEventListener('abort', stop));
  const wallMs = performance.now() - started;
  const treePeakKb = tree.stop();
  signal?.throwIfAborted();
  if (code !== 0) throw new Error(`benchmark build failed with exit code ${code}:\n${stderr}`);
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const report = JSON.parse(line) as ChildReport;
  // The build's own peak (worker threads included) or, when higher, the polled sum over its child processes.
  report.maxRssKb = Math.max(report.maxRssKb, treePeakKb);
  return { report, wallMs };
}

const BIN = fileURLToPath(new URL('../bin/arhivar.js', import.meta.url));
const DEV_START_LIMIT_MS = 300_000;

/** How long an edit may take to show before the bench gives up. */
const DEV_EDIT_LIMIT_MS = 60_000;

/**
 * Starts `arhivar dev` on a free port as an editor would (a process of its own) and asks for the home page
 * every 20 ms until it answers 200. With `edit`, it then waits for the article's page (any page but the
 * home page comes only once the whole archive is loaded), appends a sentence to the article and asks for
 * its page every 10 ms until the sentence is on it. The server is stopped once that is done.
 */
async function measuredDevStart(root: string, edit: DevEdit | undefined, signal: AbortSignal | undefined): Promise<DevStart> {
  signal?.throwIfAborted();
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, BIN, 'dev', '--root', root, '--port', String(port)], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const tree = watchTreeRss(child.pid);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('close', () => resolve()));
  void exit.then(() => (exited = true));
  try {
    for (;;) {
      signal?.throwIfAborted();
      if (exited) throw new Error(`the dev server stopped before serving the home page:\n${stderr}`);
      if (performance.now() - started > DEV_START_LIMIT_MS) throw new Error(`the dev server served no home page within ${DEV_START_LIMIT_MS / 1000} s`);
      const response = await fetch(`http://127.0.0.1:${port}/`, { signal }).catch(() => undefined);
      if (response) {
        const body = await response.text();
        if (response.status === 200 && body.includes('</html>')) break;
      }
      await sleep(20);
    }
    const firstPageMs = performance.now() - started;
    const maxRssKb = tree.peak();
    if (!edit) return { firstPageMs, maxRssKb };
    const editsMs = await measuredEdits(`http://127.0.0.1:${port}${edit.url}`, edit, () => (exited ? stderr : undefined), signal);
    return { firstPageMs, maxRssKb, editsMs, sessionMaxRssKb: tree.stop() };
  } finally {
    tree.stop();
    child.kill('SIGINT');
    await exit;
  }
}

async function measuredEdits(pageUrl: string, edit: DevEdit, stopped: () => string | undefined, signal: AbortSignal | undefined): Promise<number[]> {
  const fetchPage = async () => {
    signal?.throwIfAborted();
    const problem = stopped();
    if (problem !== undefined) throw new Error(`the dev server stopped before the edit was shown:\n${problem}`);
    const response = await fetch(pageUrl, { signal }).catch(() => undefined);
    return response ? { status: response.status, body: await response.text() } : undefined;
  };
  const loadedBy = performance.now() + DEV_START_LIMIT_MS;
  for (;;) {
    if ((await fetchPage())?.status === 200) break;
    if (performance.now() > loadedBy) throw new Error(`the dev server did not serve ${pageUrl} within ${DEV_START_LIMIT_MS / 1000} s`);
    await sleep(50);
  }
  const times: number[] = [];
  for (let n = 1; n <= DEV_EDITS; n++) {
    // One word the page must show as it is written (no space a typographic rule could change).
    const token = `popravek${edit.run + 1}y${n}x${Date.now()}`;
    const text = await readFile(edit.file, 'utf8');
    const written = performance.now();
    await writeFile(edit.file, `${text}\nUrednica je dopisala stavek: ${token}.\n`);
    for (;;) {
      if ((await fetchPage())?.body.includes(token)) break;
      if (performance.now() - written > DEV_EDIT_LIMIT_MS) throw new Error(`the edit of ${edit.file} did not show on ${pageUrl} within ${DEV_EDIT_LIMIT_MS / 1000} s`);
      await sleep(10);
    }
    times.push(performance.now() - written);
  }
  return times;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Polls /proc every 50 ms for the summed RSS of a process and its descendants (tsx and esbuild run helper
 * processes next to the build); the list of descendants is refreshed every half second, since scanning
 * /proc costs more than reading a few status files. Returns 0 where /proc does not exist.
 */
function watchTreeRss(pid: number | undefined): { peak: () => number; stop: () => number } {
  if (pid === undefined || !existsSync('/proc/self/status')) return { peak: () => 0, stop: () => 0 };
  let peak = 0;
  let members: number[] = [pid];
  let samples = 0;
  const refreshMembers = () => {
    const children = new Map<number, number[]>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const list = children.get(parent) ?? [];
        list.push(Number(entry));
        children.set(parent, list);
      } catch {
        // the process ended between readdir and read
      }
    }
    const found: number[] = [];
    const queue = [pid];
    while (queue.length) {
      const current = queue.pop()!;
      found.push(current);
      queue.push(...(children.get(current) ?? []));
    }
    members = found;
  };
  const sample = () => {
    if (samples++ % 10 === 1) refreshMembers();
    let total = 0;
    for (const member of members) {
      try {
        const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
        if (match) total += Number(match[1]);
      } catch {
        // gone
      }
    }
    peak = Math.max(peak, total);
  };
  const timer = setInterval(sample, 50);
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * A run's progress line: its wall time and its peak, so a row's highest peak (the table shows only that) can be
 * put down to the run that reached it.
 */
function runLine(label: string, measured: { report: ChildReport; wallMs: number }): string {
  return `${label}: ${(measured.wallMs / 1000).toFixed(2)} s, peak ${Math.round(measured.report.maxRssKb / 1024)} MiB`;
}

export function summarise(name: string, runs: readonly { report: ChildReport; wallMs: number }[]): ScenarioResult {
  const reports = runs.map((run) => run.report);
  const timings: ChildReport['timings'] = {};
  for (const stage of STAGES) {
    const values = reports.map((report) => report.timings[stage]).filter((value): value is number => value !== undefined);
    if (values.length) timings[stage] = median(values);
  }
  const filesWritten = reports.map((report) => report.filesWritten).filter((value): value is number => value !== undefined);
  return {
    name,
    runs: reports,
    wallMs: median(runs.map((run) => run.wallMs)),
    cpuMs: median(reports.map((report) => report.userMs + report.systemMs)),
    median: {
      pages: reports[0]!.pages,
      filesWritten: filesWritten.length ? median(filesWritten) : undefined,
      elapsedMs: median(reports.map((report) => report.elapsedMs)),
      timings,
      userMs: median(reports.map((report) => report.userMs)),
      systemMs: median(reports.map((report) => report.systemMs)),
      maxRssKb: Math.max(...reports.map((report) => report.maxRssKb)),
    },
  };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

export function formatTable(options: BenchOptions, scenarios: readonly ScenarioResult[]): string {
  const lines = [
    `${options.articles.toLocaleString('en-US')} articles, ${options.people.toLocaleString('en-US')} people, ${scenarios[0]?.median.pages.toLocaleString('en-US') ?? 0} pages; median of ${options.runs} run${options.runs === 1 ? '' : 's'}; ${cpus().length} cores, Node ${process.versions.node}`,
    '',
    `| build | wall s | in-process s | CPU user+sys s | of it system s | pages/s | files written | peak RSS MiB (tree) | ${STAGES.join(' | ')} |`,
    `|---|--:|--:|--:|--:|--:|--:|--:|${STAGES.map(() => '--:').join('|')}|`,
  ];
  for (const scenario of scenarios) {
    const { median: m } = scenario;
    const stageCells = STAGES.map((stage) => (m.timings[stage] === undefined ? '–' : seconds(m.timings[stage])));
    lines.push(
      `| ${scenario.name} | ${seconds(scenario.wallMs)} | ${seconds(m.elapsedMs)} | ${seconds(scenario.cpuMs)} | ${seconds(m.systemMs)} | ${Math.round(m.pages / (scenario.wallMs / 1000)).toLocaleString('en-US')} | ${m.filesWritten?.toLocaleString('en-US') ?? '–'} | ${Math.round(m.maxRssKb / 1024)} | ${stageCells.join(' | ')} |`,
    );
  }
  lines.push('', 'wall: the whole process, Node start-up included; in-process: build() alone; stage columns in seconds; Markdown and people detection run on worker threads that start during load: parse is the wait for them after load, detect their detection time summed.');
  return lines.join('\n');
}

export function formatDevTable(results: readonly DevStartResult[]): string {
  const lines = ['| dev server (`arhivar dev`) | median s | min s | max s | peak RSS MiB (tree) |', '|---|--:|--:|--:|--:|'];
  for (const result of results) {
    const times = result.starts.map((start) => start.firstPageMs);
    const label = result.cache === 'warm' ? 'start with .cache/ from earlier builds' : 'start without .cache/';
    lines.push(`| ${label} | ${seconds(result.firstPageMs)} | ${seconds(Math.min(...times))} | ${seconds(Math.max(...times))} | ${Math.round(result.maxRssKb / 1024)} |`);
  }
  const sessions = results.flatMap((result) => result.starts).filter((start) => start.editsMs !== undefined);
  if (sessions.length) {
    const times = sessions.flatMap((start) => start.editsMs!);
    const sessionPeak = Math.max(...sessions.map((start) => start.sessionMaxRssKb ?? 0));
    lines.push(`| ${DEV_EDITS_ROW} | ${seconds(median(times))} | ${seconds(Math.min(...times))} | ${seconds(Math.max(...times))} | ${Math.round(sessionPeak / 1024)} |`);
  }
  lines.push(
    '',
    `first page: from starting the process to the end of the first 200 response for the home page (median); its peak is until then. Edits: once the whole archive is loaded, one sentence is appended to an article ${DEV_EDITS} times, each as soon as the one before shows, and each time is from that write to the first response for its page that shows the sentence; their peak is of the whole session.`,
  );
  return lines.join('\n');
}
