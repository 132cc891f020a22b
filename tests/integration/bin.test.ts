import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { appendFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { lockOutput } from '../../src/output/build-lock.ts';
import { copyFixture, makeTempDir, PROJECT_ROOT } from '../helpers.ts';

describe('the arhivar command as a separate process', () => {
  it('builds a site from any working folder (the templates are compiled with arhivar’s own tsconfig)', async () => {
    const root = await copyFixture('archive-basic');
    // A working folder with no tsconfig.json: the JSX settings must come from arhivar itself.
    const elsewhere = await makeTempDir('arhivar-cwd-');
    const bin = path.join(PROJECT_ROOT, 'src/bin/arhivar.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'build', '--root', root], { cwd: elsewhere });
    expect(stdout).toMatch(/^built [\d,]+ pages from [\d,]+ articles? in [\d.]+ s$/m);
    const home = await readFile(path.join(root, 'dist/index.html'), 'utf8');
    expect(home).toMatch(/^<!DOCTYPE html>\n<html lang="sl"/);
  });

  it('rebuilds after an edit to one article without loading the YAML parser, and after a deletion without gray-matter (issue 6)', async () => {
    const root = await copyFixture('archive-basic');
    const bin = path.join(PROJECT_ROOT, 'src/bin/arhivar.js');
    await promisify(execFile)(process.execPath, [bin, 'build', '--root', root]);
    await appendFile(path.join(root, 'content/articles/2025/prvi.md'), '\nDodan stavek.\n');
    // The rebuild in a process of its own, which then names the CommonJS packages it loaded (an ES module
    // importing one loads it through require, so every one is in require.cache).
    const script = [
      "import { createRequire } from 'node:module';",
      `const { importSource } = await import(${JSON.stringify(pathToFileURL(path.join(PROJECT_ROOT, 'src/bin/code.js')).href)});`,
      "const cli = await importSource('cli.ts');",
      `process.exitCode = await cli.main(['build', '--root', ${JSON.stringify(root)}]);`,
      `const loaded = Object.keys(createRequire(${JSON.stringify(pathToFileURL(PROJECT_ROOT).href)}).cache);`,
      'console.log(JSON.stringify([...new Set(loaded.map((file) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1]).filter(Boolean))]));',
    ].join('\n');
    // From a file: with --eval the Markdown workers would inherit --input-type and fail.
    const file = path.join(await makeTempDir('arhivar-script-'), 'rebuild.mjs');
    await writeFile(file, script);
    const { stdout } = await promisify(execFile)(process.execPath, [file]);
    const [built, packages] = stdout.trim().split('\n');
    expect(built).toMatch(/^built [\d,]+ pages from 5 articles in [\d.]+ s$/);
    // The one edited article is read with parseSimpleYaml, the others' validations come from .cache/, and
    // site.yaml's pageSize: 3 is a number the simple reader reads too.
    expect(JSON.parse(packages!)).not.toContain('yaml');
    // gray-matter cuts the edited article's block (and brings js-yaml, which arhivar never asks to parse).
    expect(JSON.parse(packages!)).toContain('gray-matter');

    // An article deleted: the build runs, but every front matter it needs is in .cache/, so none is read and
    // gray-matter is not loaded either.
    await rm(path.join(root, 'content/articles/2025/prvi.md'));
    const again = (await promisify(execFile)(process.execPath, [file])).stdout.trim().split('\n');
    expect(again[0]).toMatch(/^built [\d,]+ pages from 4 articles in [\d.]+ s$/);
    expect(JSON.parse(again[1]!)).not.toContain('gray-matter');
    expect(JSON.parse(again[1]!)).not.toContain('yaml');
  });

  it.each([['--help'], ['people', '--suggest', '--root', path.join(PROJECT_ROOT, 'tests/fixtures/people-labelled')]])(
    'ends quietly with 141, as Unix tools do, when the reader closes its output (arhivar %s | head)',
    async (...args) => {
      const bin = path.join(PROJECT_ROOT, 'src/bin/arhivar.js');
      const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      // The reading end is closed before arhivar writes a line, so its first write meets a closed pipe.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(141);
    },
  );

  it('waits, and says so, while another build of the same site holds dist/, then builds', async () => {
    const root = await copyFixture('archive-basic');
    const held = await lockOutput(path.join(root, 'dist'));
    const bin = path.join(PROJECT_ROOT, 'src/bin/arhivar.js');
    const child = spawn(process.execPath, [bin, 'build', '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no waiting message; stderr: ${stderr}`)), 20_000);
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (!stderr.includes('waiting for another build')) return;
          clearTimeout(timer);
          resolve();
        });
      });
      expect(stderr).toContain(`waiting for another build of this site to finish (process ${process.pid}, started `);
      expect(stderr).toContain('if no build is running, delete the folder .dist-lock and build again');
      await expect(readFile(path.join(root, 'dist/index.html'))).rejects.toThrow();
    } finally {
      await held.release();
    }
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/^built [\d,]+ pages from [\d,]+ articles? in [\d.]+ s$/m);
    await expect(readFile(path.join(root, 'dist/index.html'), 'utf8')).resolves.toMatch(/^<!DOCTYPE html>/);
  }, 30_000);

  it('ends a first build whose record of the content files finds a folder in its place, after its Markdown workers started', async () => {
    const root = await copyFixture('archive-basic');
    // No record of a last build, so the workers start before content/ is read. A non-empty folder where the record
    // of the content files goes failed this build with exit code 3 (EISDIR), and once made it wait on the workers;
    // the folder is now replaced (pipeline/cache.ts renameIntoCache), and the build ends.
    await rm(path.join(root, '.cache'), { recursive: true, force: true });
    await mkdir(path.join(root, '.cache/content-files.bin/in-the-way'), { recursive: true });
    await writeFile(path.join(root, '.cache/content-files.bin/in-the-way/file'), 'x\n');
    expect(await failedBuild(root)).toBeUndefined();
    expect((await stat(path.join(root, '.cache/content-files.bin'))).isFile()).toBe(true);
    await expect(readFile(path.join(root, 'dist/index.html'), 'utf8')).resolves.toMatch(/^<!DOCTYPE html>/);
  }, 30_000);

  it('names .cache and the fix when .cache is a file, and publishes nothing', async () => {
    const root = await copyFixture('archive-basic');
    // With no rendered bodies in .cache/ the workers start before the build finds .cache a file: it must end
    // (killed stays false), not wait on them.
    await rm(path.join(root, '.cache'), { recursive: true, force: true });
    await writeFile(path.join(root, '.cache'), 'not a folder\n');
    const failure = await failedBuild(root);
    expect(failure?.killed).toBe(false);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('.cache is not a folder');
    expect(failure?.stderr).toMatch(/rename or delete \.cache/);
    expect(failure?.stderr).not.toMatch(/unexpectedly|EEXIST/);
    await expect(readFile(path.join(root, 'dist/index.html'))).rejects.toThrow();
  }, 30_000);

  it.each(['dev', 'preview'])('%s on a port that is taken says so plainly and ends with 3, instead of running on', async (command) => {
    const root = await copyFixture('archive-basic');
    await mkdir(path.join(root, 'dist'));
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = String((blocker.address() as { port: number }).port);
    const bin = path.join(PROJECT_ROOT, 'src/bin/arhivar.js');
    try {
      // The dev server used to print its stack and go on loading the site, never to answer: a hung terminal.
      const failure = await promisify(execFile)(process.execPath, [bin, command, '--root', root, '--port', port], { timeout: 20_000 }).then(
        () => undefined,
        (error: { code?: number; killed?: boolean; stderr?: string }) => error,
      );
      expect(failure?.killed).toBe(false);
      expect(failure?.code).toBe(3);
      expect(failure?.stderr).toContain(`system/port-taken\n  127.0.0.1:${port} is already in use`);
      expect(failure?.stderr).toContain('hint: stop the program that uses it');
      expect(failure?.stderr).toMatch(new RegExp(`or serve on another port: npm run ${command} -- --port \\d+ --root ${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
      expect(failure?.stderr).not.toMatch(/unexpectedly|loaded|\n\s+at /);
    } finally {
      blocker.close();
    }
  }, 30_000);
});

/** Runs `arhivar build` on `root` as a process of its own and returns how it failed (undefined if it did not). */
async function failedBuild(root: string): Promise<{ code?: number; killed?: boolean; stderr?: string } | undefined> {
  const bin = path.join(PROJECT_ROOT, 'src/bin/arhivar.js');
  return promisify(execFile)(process.execPath, [bin, 'build', '--root', root], { timeout: 20_000 }).then(
    () => undefined,
    (error: { code?: number; killed?: boolean; stderr?: string }) => error,
  );
}
