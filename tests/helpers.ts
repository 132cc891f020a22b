import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, cp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type BuildResult } from '../src/build.ts';
import type { DevServer } from '../src/dev/server.ts';
import { outputPathFor } from '../src/site/urls.ts';
import { afterEach } from 'vitest';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures');

/**
 * `arhivar <args>` in a process of its own, killed after 60 s: for input that once made a command hang (a pipe as
 * site.yaml, text that took time by the square of its length), where a hang must fail the test, not stall the run.
 * A killed run has the status null. Its output is kept whole (`maxBuffer`, for commands that print long titles).
 */
export function runArhivarBounded(args: readonly string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'src/bin/arhivar.js'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
}

export async function makeTempDir(prefix = 'arhivar-test-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** A copy of a fixture site in a temp dir, so a test may edit it. templates/ and public/ come from the project. */
/**
 * For a test file whose tests each make temporary folders: call once at the top level, then await the
 * function it returns for each folder; every folder made is removed after its test.
 */
export function temporaryFolders(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    for (const folder of made.splice(0)) await removeDir(folder);
  });
  return async () => {
    const folder = await makeTempDir();
    made.push(folder);
    return folder;
  };
}

export async function copyFixture(name: string): Promise<string> {
  const root = await makeTempDir();
  await cp(path.join(FIXTURES, name), root, { recursive: true });
  await cp(path.join(PROJECT_ROOT, 'templates'), path.join(root, 'templates'), { recursive: true });
  return root;
}

/**
 * A copy of arhivar into `copy` (its node_modules linked), so a test may change a template or the stylesheet:
 * the commands read the templates/ beside their own src/, never a site's.
 */
export async function copyPackage(copy: string): Promise<string> {
  for (const name of ['src', 'templates']) await cp(path.join(PROJECT_ROOT, name), path.join(copy, name), { recursive: true });
  for (const name of ['package.json', 'package-lock.json', 'tsconfig.json']) await cp(path.join(PROJECT_ROOT, name), path.join(copy, name));
  await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

export interface BuiltSite {
  root: string;
  outDir: string;
  result: BuildResult;
  read: (sitePath: string) => Promise<string>;
  files: () => Promise<string[]>;
}

/**
 * Builds a site whose content lives at `root` into a fresh temp dir and gives access to its files. A fixture
 * in the repository is built without .cache/ (a test must not write into tests/fixtures/); copyFixture()
 * gives one to build with it.
 */
export async function buildSite(root: string, options: Partial<BuildOptions> = {}): Promise<BuiltSite> {
  const outDir = options.outDir ?? path.join(await makeTempDir('arhivar-dist-'), 'dist');
  const inRepository = !path.relative(FIXTURES, root).startsWith('..');
  const result = await build({ now: new Date('2026-01-01T00:00:00Z'), ...(inRepository ? { cache: false } : {}), ...options, root, outDir });
  return {
    root,
    outDir,
    result,
    read: (sitePath) => readFile(path.join(outDir, outputPathFor(sitePath)), 'utf8'),
    files: () => listFiles(outDir),
  };
}

export async function buildFixture(name: string, options: Partial<BuildOptions> = {}): Promise<BuiltSite> {
  return buildSite(path.join(FIXTURES, name), options);
}

export async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Every href in an HTML string, in order. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*?\bhref="([^"]*)"/g)].map((match) => match[1]!);
}

/**
 * Removes a test's folder. A dev server's close() returns while a load it aborted may still be writing its last
 * record into .cache/, and a file made between rm's listing of a folder and its rmdir fails the test with
 * ENOTEMPTY (seen once in a full run); rm tries again for such errors when asked to.
 */
export async function removeDir(directory: string): Promise<void> {
  await rm(directory, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

/** The file in <root>/.cache/ whose name starts with `prefix` (a log's name carries arhivar's version). */
export async function cacheFile(root: string, prefix: string): Promise<string> {
  const cacheDir = path.join(root, '.cache');
  const name = (await readdir(cacheDir)).find((entry) => entry.startsWith(prefix) && !entry.endsWith('.spill'));
  if (!name) throw new Error(`no file ${prefix}* in ${cacheDir}`);
  return path.join(cacheDir, name);
}

/**
 * Damages `file` in place (a process holding it open reads the damage) as a disk error would: changes the
 * byte at `offset` within every occurrence of `text`, as stored in `encoding` (v8 keeps a string with č, š
 * or ž at two bytes a character: utf16le). Fails when `text` does not occur; returns how often it did.
 */
export async function damageFile(file: string, text: string, encoding: 'utf8' | 'utf16le' = 'utf8', offset = 0): Promise<number> {
  const bytes = await readFile(file);
  const needle = Buffer.from(text, encoding);
  let found = 0;
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
    bytes[at + offset] = 'X'.charCodeAt(0);
    found++;
  }
  if (found === 0) throw new Error(`"${text}" (${encoding}) is not in ${file}`);
  await writeFile(file, bytes);
  return found;
}

/** Polls until `condition` holds, every 50 ms for up to 30 s: a process's output comes as it works. */
export async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** What a test of the dev server leaves to be cleaned up after it: see devSession(). */
export interface DevSession {
  /** The server the test started, closed after it. */
  server: DevServer | undefined;
  /** Folders removed after the test, once the server is closed (it may still be writing into the site's .cache/). */
  folders: string[];
}

/**
 * For a test file (or describe block) whose tests start a dev server on a temporary site: call once, set
 * `server` to the server a test starts and push its folders; after each test the server is closed and then
 * the folders are removed, whether the test passed or not.
 */
export function devSession(): DevSession {
  const session: DevSession = { server: undefined, folders: [] };
  afterEach(async () => {
    await session.server?.close();
    session.server = undefined;
    for (const folder of session.folders.splice(0)) await removeDir(folder);
  });
  return session;
}

export interface DevProcess {
  /** What the process has printed so far. */
  output: { stdout: string; stderr: string };
  /** Its exit code once it has ended. */
  exited: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
  pid: number;
}

/** `arhivar dev` on `root` in a process of its own, on a free port, as an editor starts it (tests that stop it by a signal). */
export function startDevProcess(root: string): DevProcess {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'src', 'bin', 'arhivar.js'), 'dev', '--root', root, '--port', '0'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { output, exited, kill: (signal) => void child.kill(signal), pid: child.pid! };
}

/**
 * What Vite throws for a bundle of `input` (entry name → file) under `root`, built as the assets are but with no
 * config file and nothing written; undefined when it builds. For tests of how a bundling failure is told.
 */
export async function viteFailure(root: string, input: Record<string, string>, options: { cssMinify?: boolean } = {}): Promise<unknown> {
  const { build: viteBuild } = await import('vite');
  return viteBuild({
    configFile: false,
    root,
    logLevel: 'silent',
    envDir: false,
    publicDir: false,
    css: { postcss: {} },
    build: { write: false, ...options, rolldownOptions: { input } },
  }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

/**
 * The files (relative to the package) that the modules at `entries` (relative to the package) import, as esbuild
 * bundles them, packages left out: for tests that hold modules to importing nothing from templates/. The caller
 * stops esbuild's service (afterAll(() => stop())).
 */
export async function modulesImportedBy(entries: readonly string[]): Promise<string[]> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: entries.map((entry) => path.join(PROJECT_ROOT, entry)),
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: path.join(PROJECT_ROOT, '.cache', 'imports-test'),
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}
