import { cp, mkdir, writeFile } from 'node:fs/promises';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, PROJECT_ROOT, removeDir } from '../helpers.ts';

/**
 * A bio is rendered under the same time limit as an article's body. It was rendered on the main thread with
 * none: a bio holding a GitHub table of 100,000 columns (a shape the Markdown checks let through) kept a build
 * busy for a minute or more (about 10 s a row
 * on this machine), and worse shapes for minutes. The build runs in a process of its own, and a hang is killed
 * (exit code null).
 */
let work: string | undefined;

/** A bio renders in well under a second; the table's first row alone takes seconds, so the test need not wait out the 10 s default. */
const TIME_LIMIT_MS = 2_000;

/**
 * `arhivar build` as src/bin/arhivar.js runs it (the same bundle and the same cli.main), in a process of its
 * own that is killed after 60 s, but with the Markdown time limit lowered. The script is a file, not node -e
 * with --input-type: the Markdown workers inherit the process's options, and --input-type stops a worker.
 */
async function runBuildWithTimeLimit(work: string, root: string): Promise<SpawnSyncReturns<string>> {
  const script = path.join(work, 'build-with-time-limit.mjs');
  const code = pathToFileURL(path.join(PROJECT_ROOT, 'src/bin/code.js')).href;
  await writeFile(
    script,
    `const { importSource } = await import(${JSON.stringify(code)});
const cli = await importSource('cli.ts');
const io = { out: (line) => process.stdout.write(line + '\\n'), err: (line) => process.stderr.write(line + '\\n'), markdownTimeLimitMs: ${TIME_LIMIT_MS} };
process.exitCode = await cli.main(['build', '--root', process.argv[2]], io);
`,
  );
  return spawnSync(process.execPath, [script, root], { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 });
}

/** A GitHub table: a header and `rows` rows, each of `columns` cells. */
function table(columns: number, rows: number): string {
  const row = (cell: string) => `${`|${cell}`.repeat(columns)}|\n`;
  return row('a') + row('-') + row('x').repeat(rows);
}

afterAll(async () => {
  if (work) await removeDir(work);
});

describe('a bio that renders too slowly', () => {
  it('fails the build with person/too-slow, beside the other files\' problems, in bounded time', async () => {
    work = await makeTempDir('arhivar-hostile-bio-');
    const root = path.join(work, 'project');
    const columns = 100_000;
    await mkdir(path.join(root, 'content/articles/2025'), { recursive: true });
    await mkdir(path.join(root, 'content/people'));
    await cp(path.join(PROJECT_ROOT, 'templates/site.css'), path.join(root, 'templates/site.css'));
    await writeFile(path.join(root, 'content/site.yaml'), 'baseUrl: https://novice.testni-dnevnik.si/\n');
    await writeFile(path.join(root, 'content/people/ana-kos.md'), `---\nname: Ana Kos\n---\n\n${table(columns, 10)}`);
    await writeFile(path.join(root, 'content/people/janez-novak.md'), '---\nname: Janez Novak\n---\n\nKratek življenjepis.\n');
    await writeFile(path.join(root, 'content/articles/2025/clanek.md'), '---\ntitle: Članek\ndate: 2025-12-01\n---\n\nBesedilo.\n');
    await writeFile(path.join(root, 'content/articles/2025/zlomljen.md'), '---\ntitle: Zlomljen\ndate: 2025-13-01\n---\n\nBesedilo.\n');
    const run = await runBuildWithTimeLimit(work, root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/people/ana-kos.md:5  person/too-slow');
    expect(run.stderr).toContain(`took longer than ${TIME_LIMIT_MS / 1000} s`);
    expect(run.stderr).toContain('hint: ');
    expect(run.stderr).toContain('content/articles/2025/zlomljen.md:3  article/bad-date');
    expect(run.stderr).toContain('2 problems found; nothing was written.');
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  }, 120_000);
});
