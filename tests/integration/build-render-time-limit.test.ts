import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { copyFixture, copyPackage, makeTempDir, PROJECT_ROOT, temporaryFolders } from '../helpers.ts';

const temporaryFolder = temporaryFolders();

/** `arhivar build` of `root` by the copy's command, with the page time limit set low: its exit code and stderr. */
async function build(copy: string, root: string, limitMs: number): Promise<{ code?: number | null; stderr?: string; killed?: boolean }> {
  // Killed after 60 s: a build that never ends fails the test instead of holding it.
  const run = promisify(execFile)(process.execPath, [path.join(copy, 'src/bin/arhivar.js'), 'build', '--root', root], {
    timeout: 60_000,
    env: { ...process.env, ARHIVAR_RENDER_TIME_LIMIT_MS: String(limitMs) },
  });
  return run.then(
    () => ({ code: 0 }),
    (error: { code?: number | null; stderr?: string; killed?: boolean }) => error,
  );
}

/** Every file under `folder` with a hash of its bytes, by path. */
async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(folder, file), createHash('sha1').update(await readFile(file)).digest('hex'));
  }
  return files;
}

describe('npm run build with a template that never returns', () => {
  it('stops at the time limit naming the page and the template line, exits 1, leaves dist/ and its record as they were, and builds once it is fixed', async () => {
    const copy = await copyPackage(await temporaryFolder());
    const root = await copyFixture('archive-basic');
    expect((await build(copy, root, 1000)).code).toBe(0);
    const published = await snapshot(path.join(root, 'dist'));
    const records = (await readdir(path.join(root, '.cache'))).filter((name) => name.startsWith('output'));
    expect(records).toHaveLength(1);
    const record = await readFile(path.join(root, '.cache', records[0]!));
    // What lies beside dist/ (the lock, a staging or spare tree; a tree moved aside for deletion is named -trash-).
    const besideDist = async () => (await readdir(root)).filter((name) => name.startsWith('.dist-') && !name.includes('-trash-')).sort();
    const beside = await besideDist();

    // A loop over a person's articles whose step was left out, as when a template is edited: person.id never changes.
    const file = path.join(copy, 'templates', 'person.tsx');
    const source = await readFile(file, 'utf8');
    const marker = 'while (person.id) krog++;';
    const broken = source.replace(/^( {2}const \{ person, articles, authored \} = entry;\n)/m, `$1  let krog = 0;\n  ${marker}\n`);
    expect(broken).toContain(marker);
    await writeFile(file, broken);
    const line = broken.slice(0, broken.indexOf(marker)).split('\n').length;

    const stopped = await build(copy, root, 1000);
    expect(stopped.killed).toBeFalsy();
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(
      new RegExp(
        `^templates/person\\.tsx:${line}  template/timed-out\\n  /osebe/[a-z-]+/: the page did not finish rendering within 1 s, so the build was stopped \\(in PersonPage\\)\\n  hint: this line was running when the page was stopped`,
        'm',
      ),
    );
    expect(stopped.stderr).toContain('1 problem found; nothing was written.');
    expect(await snapshot(path.join(root, 'dist'))).toEqual(published);
    expect(await readFile(path.join(root, '.cache', records[0]!))).toEqual(record);
    // No lock and no staging tree left.
    expect(await besideDist()).toEqual(beside);

    await writeFile(file, source);
    expect(await build(copy, root, 1000)).toEqual({ code: 0 });
    expect(await snapshot(path.join(root, 'dist'))).toEqual(published);
  }, 120_000);

  it.each(['60s', '0'])('refuses a limit of %s, no whole number of milliseconds above 0, with exit code 2, before it builds', async (value) => {
    const root = await copyFixture('archive-basic');
    const stderr: string[] = [];
    const io = { out: () => undefined, err: (line: string) => void stderr.push(line), env: { ARHIVAR_RENDER_TIME_LIMIT_MS: value } };
    expect(await main(['build', '--root', root], io)).toBe(2);
    expect(stderr.join('\n').split('\n')[0]).toBe(
      `ARHIVAR_RENDER_TIME_LIMIT_MS is "${value}": set it to a whole number of milliseconds above 0 (60000, a minute, is the limit without it), or unset it`,
    );
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  });
});

/** `node ...execArgv script`: its exit code, signal and stdout (killed after 90 s). */
async function runScript(script: string, execArgv: readonly string[] = []): Promise<{ code?: number | null; signal?: string | null; stdout?: string }> {
  return promisify(execFile)(process.execPath, [...execArgv, script], { timeout: 90_000 }).then(
    ({ stdout }) => ({ code: 0, signal: null, stdout }),
    (error: { code?: number | null; signal?: string | null; stdout?: string }) => ({ code: error.code, signal: error.signal, stdout: error.stdout }),
  );
}

/** A script's first lines: publishSite from arhivar's source. */
const importPublishSite = `const { importSource } = await import(${JSON.stringify(pathToFileURL(path.join(PROJECT_ROOT, 'src/bin/code.js')).href)});
const { publishSite } = await importSource('output/publish.ts');
`;

/** A script's lines that publish one page whose render runs for `renderMs`, with a limit of 100 ms, and print how it ended. */
const publishSlowPage = (root: string, renderMs: number) => `const until = performance.now() + ${renderMs};
const pages = [{ url: '/osebe/ana-novak/', render: () => { while (performance.now() < until); return '<p>ana</p>'; } }];
const told = await publishSite(${JSON.stringify(root)}, ${JSON.stringify(path.join(root, 'dist'))}, pages, [], { codeKey: 'test', renderTimeLimitMs: 100 }).then(() => 'published', (error) => error.code);
`;

describe('a build with no render time limit', () => {
  it('publishes a page that renders past the limit when an inspector is open (node --inspect), as at a breakpoint', async () => {
    const scriptFor = async (renderMs: number) => {
      const work = await makeTempDir('arhivar-watchdog-');
      const script = path.join(work, 'publish.mjs');
      await writeFile(script, `${importPublishSite}${publishSlowPage(work, renderMs)}console.log(told);\n`);
      return script;
    };
    // Port 0: any free port, on 127.0.0.1 only.
    expect(await runScript(await scriptFor(2000), ['--inspect=127.0.0.1:0'])).toEqual({ code: 0, signal: null, stdout: 'published\n' });
    // Such a page without the inspector is stopped (it would render for 10 s, however slowly the watchdog's thread starts).
    expect(await runScript(await scriptFor(10_000))).toEqual({ code: 0, signal: null, stdout: 'template/timed-out\n' });
  }, 120_000);

  it('publishes such a page when it builds in a worker thread, and leaves the main thread running', async () => {
    const work = await makeTempDir('arhivar-watchdog-');
    const inWorker = path.join(work, 'in-worker.mjs');
    await writeFile(
      inWorker,
      `import { parentPort, workerData } from 'node:worker_threads';
${importPublishSite}${publishSlowPage(work, 2000)}parentPort.postMessage(told);
Atomics.store(new Int32Array(workerData), 0, 1);
`,
    );
    // The main thread runs JavaScript until the worker thread's build is done (at most 30 s), as a program would
    // do its own work meanwhile. The watchdog's session reaches only the main thread: it paused this loop and
    // terminated it (the script ended with exit code 13 and printed nothing) while the page rendered on.
    const script = path.join(work, 'main.mjs');
    await writeFile(
      script,
      `import { Worker } from 'node:worker_threads';
const done = new Int32Array(new SharedArrayBuffer(4));
const worker = new Worker(${JSON.stringify(inWorker)}, { workerData: done.buffer });
const told = new Promise((resolve, reject) => { worker.once('message', resolve); worker.once('error', reject); });
const until = performance.now() + 30_000;
while (Atomics.load(done, 0) === 0 && performance.now() < until);
console.log(await told);
`,
    );
    expect(await runScript(script)).toEqual({ code: 0, signal: null, stdout: 'published\n' });
  }, 120_000);
});

describe('a process that stops renders at the time limit', () => {
  it('lives through one stop after another, each told as template/timed-out, and ends normally', async () => {
    // Each build's watchdog thread is ended as the build fails. The process aborted (SIGABRT, no message) when the
    // thread was ended while the main thread still had inspector replies to send it: 1 to 5 s into such a loop,
    // in each of 4 runs; the loop of 30 stops takes 12-14 s.
    const work = await makeTempDir('arhivar-watchdog-');
    const script = path.join(work, 'stops.mjs');
    await writeFile(
      script,
      `const { importSource } = await import(${JSON.stringify(pathToFileURL(path.join(PROJECT_ROOT, 'src/bin/code.js')).href)});
const { publishSite } = await importSource('output/publish.ts');
const told = [];
for (let build = 0; build < 30; build++) {
  const root = ${JSON.stringify(work)} + '/site-' + build;
  const until = performance.now() + 10_000;
  const pages = [{ url: '/osebe/ana-novak/', render: () => { while (performance.now() < until); return ''; } }];
  told.push(await publishSite(root, root + '/dist', pages, [], { codeKey: 'test', renderTimeLimitMs: 100 }).then(() => 'published', (error) => error.code));
}
console.log(JSON.stringify(told));
`,
    );
    const run = await promisify(execFile)(process.execPath, [script], { timeout: 90_000 }).then(
      ({ stdout }) => ({ code: 0, signal: null, stdout }),
      (error: { code?: number | null; signal?: string | null; stdout?: string }) => ({ code: error.code, signal: error.signal, stdout: error.stdout }),
    );
    expect(run).toEqual({ code: 0, signal: null, stdout: `${JSON.stringify(Array(30).fill('template/timed-out'))}\n` });
  }, 120_000);
});
