import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { main, type Io } from '../../src/cli.ts';
import { toArhivarErrors } from '../../src/errors.ts';
import { startDevServer } from '../../src/dev/server.ts';
import type { DevLoadReport } from '../../src/dev/vite-plugin.ts';
import { copyFixture, makeTempDir, PROJECT_ROOT, removeDir } from '../helpers.ts';
import { folderKind } from '../../src/folder-kind.ts';
import { jpeg } from '../support/pictures.ts';

/**
 * A failed build or check prints the warnings of the files it could read, after its problems, so an editor
 * does not learn of them only in the run after the fix. The fixture has two problems (a date with month 13,
 * a person file with an unknown key) and an article with two warnings (HTML in its summary, an image without
 * alt text); another article names the person whose file is broken.
 */
const roots: string[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  // A build that does not end (its Markdown workers left running) fails its test, and is stopped here.
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
  for (const root of roots.splice(0)) await removeDir(root);
});

function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

async function fixture(): Promise<string> {
  const root = await copyFixture('warnings-with-errors');
  roots.push(root);
  return root;
}

/** The first line of each thing printed: a problem's or warning's place and code, or a line of its own. */
const firstLines = (printed: readonly string[]) => printed.map((entry) => entry.split('\n')[0]);

const PROBLEMS = ['content/articles/2025/slab-datum.md:3  article/bad-date', 'content/people/ana-novak.md:4  person/unknown-key', '2 problems found; nothing was written.'];
/** A check's count says what it did instead (it never writes): otherwise it prints what a build prints. */
const asCheckSays = (lines: readonly string[]) => lines.map((line) => line.replace(/ found; nothing was written\.$/, ' found; check changes no file: content/ and the built site are as they were.'));
const WARNINGS = ['warning: content/articles/2025/opozorila.md:4  article/summary-html', 'warning: content/articles/2025/opozorila.md:9  article/image-without-alt'];
const WARNINGS_TOLD =
  '2 warnings as well, which alone would not stop a build; a file that a problem keeps from being read is checked for warnings once that problem is fixed.';

async function fixProblems(root: string): Promise<void> {
  const article = path.join(root, 'content/articles/2025/slab-datum.md');
  await writeFile(article, (await readFile(article, 'utf8')).replace('2025-13-01', '2025-12-01'));
  const person = path.join(root, 'content/people/ana-novak.md');
  await writeFile(person, (await readFile(person, 'utf8')).replace('vloga:', 'role:'));
}

describe('a build or check with problems prints the warnings too', () => {
  it('build: the problems and their count, then the warnings as a good build prints them, and their count; exit 1 and nothing written', async () => {
    const root = await fixture();
    const failed = captureIo();
    expect(await main(['build', '--root', root], failed)).toBe(1);
    expect(firstLines(failed.stderr)).toEqual([...PROBLEMS, '', ...WARNINGS, WARNINGS_TOLD]);
    expect(failed.stdout).toEqual([]);
    expect(await folderKind(path.join(root, 'dist'))).toBe('missing');
    // Again, now from what the first run kept in .cache/: a person file with an error must not be kept as
    // read, or the second run would lose its problem (and the person).
    const again = captureIo();
    expect(await main(['build', '--root', root], again)).toBe(1);
    expect(again.stderr).toEqual(failed.stderr);

    // Once the problems are fixed, the build prints the very same warnings and no others: the article that
    // names the person whose file was broken was not warned of an unknown person meanwhile.
    await fixProblems(root);
    const built = captureIo();
    expect(await main(['build', '--root', root], built)).toBe(0);
    expect(built.stderr).toEqual(failed.stderr.filter((entry) => entry.startsWith('warning: ')));
  });

  it('check: the same, after the problems', async () => {
    const root = await fixture();
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(1);
    expect(firstLines(io.stderr)).toEqual(asCheckSays([...PROBLEMS, '', ...WARNINGS, WARNINGS_TOLD]));
    const warnings = io.stderr.filter((entry) => entry.startsWith('warning: '));
    expect(warnings[0]).toContain('the summary is published as plain text');
    expect(warnings[1]).toContain('hint: describe what the image shows');
  });

  it('build: a folder of public/ in the way of a page stops the build, and the content warnings are printed with it', async () => {
    const root = await fixture();
    await fixProblems(root);
    await mkdir(path.join(root, 'public/feed.xml'), { recursive: true });
    await writeFile(path.join(root, 'public/feed.xml/star.xml'), '<rss/>');
    const io = captureIo();
    expect(await main(['build', '--root', root], io)).toBe(1);
    expect(firstLines(io.stderr)).toEqual([
      'public/feed.xml  public/in-the-way',
      '1 problem found; nothing was written.',
      '',
      ...WARNINGS,
      WARNINGS_TOLD,
    ]);
  });

  it('build: what public/ holds that a build refuses is told with the content problems and warnings, in one run', async () => {
    const root = await fixture();
    await mkdir(path.join(root, 'public'), { recursive: true });
    await symlink('/etc/passwd', path.join(root, 'public/geslo.txt'));
    await writeFile(path.join(root, 'public/..\\x.txt'), 'x');
    const io = captureIo();
    expect(await main(['build', '--root', root], io)).toBe(1);
    expect(firstLines(io.stderr)).toEqual([
      ...PROBLEMS.slice(0, 2),
      'public/..\\x.txt  public/bad-file-name',
      'public/geslo.txt  public/symlink-outside',
      '4 problems found; nothing was written.',
      '',
      ...WARNINGS,
      WARNINGS_TOLD,
    ]);
    expect(await folderKind(path.join(root, 'dist'))).toBe('missing');
    // check has told them together all along: build and check now agree.
    const checked = captureIo();
    expect(await main(['check', '--root', root], checked)).toBe(1);
    expect(checked.stderr).toEqual(asCheckSays(io.stderr));

    // With the content fixed, a folder of public/ in the way of a page is told beside the link, not after it is removed.
    await fixProblems(root);
    await mkdir(path.join(root, 'public/feed.xml'));
    await writeFile(path.join(root, 'public/feed.xml/star.xml'), '<rss/>');
    const fixed = captureIo();
    expect(await main(['build', '--root', root], fixed)).toBe(1);
    expect(firstLines(fixed.stderr)).toEqual([
      'public/..\\x.txt  public/bad-file-name',
      'public/feed.xml  public/in-the-way',
      'public/geslo.txt  public/symlink-outside',
      '3 problems found; nothing was written.',
      '',
      ...WARNINGS,
      WARNINGS_TOLD,
    ]);
    expect(await folderKind(path.join(root, 'dist'))).toBe('missing');
  });

  it('build: what it tells of public/ is what it read once, before the content, even if public/ changes while the content loads', async () => {
    // public/ was read twice: for what a build refuses, then again for the report. A link removed in between
    // (an editor fixing it during a long load) failed the build with no problem to tell: "0 problems found".
    const root = await fixture();
    await fixProblems(root);
    await mkdir(path.join(root, 'public'), { recursive: true });
    await symlink('/etc/passwd', path.join(root, 'public/geslo.txt'));
    await mkdir(path.join(root, 'public/feed.xml'));
    await writeFile(path.join(root, 'public/feed.xml/star.xml'), '<rss/>');
    let removed: Promise<void> | undefined;
    const failure: unknown = await build({
      root,
      // Once the content is being read, public/ was read already.
      onProgress: (progress) => {
        if (progress.articlesRead > 0) removed ??= rm(path.join(root, 'public/geslo.txt'));
      },
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    await removed;
    expect(removed).toBeInstanceOf(Promise);
    expect((toArhivarErrors(failure) ?? []).map((error) => [error.code, error.file])).toEqual([
      ['public/in-the-way', 'public/feed.xml'],
      ['public/symlink-outside', 'public/geslo.txt'],
    ]);
    expect(await folderKind(path.join(root, 'dist'))).toBe('missing');
  });

  it('build and check: public a file, not a folder, is told with the content problems and warnings, and the build ends', async () => {
    const root = await fixture();
    await writeFile(path.join(root, 'public'), 'favicon\n');
    const told = [...PROBLEMS.slice(0, 2), 'public  public/not-a-folder', '3 problems found; nothing was written.', '', ...WARNINGS, WARNINGS_TOLD];
    // As a process of its own: a build that started its Markdown workers must stop them to end.
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'src/bin/arhivar.js'), 'build', '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    // Each problem's and warning's first line, without their message and hint lines (indented) and the blank lines.
    expect(stderr.split('\n').filter((line) => line !== '' && !line.startsWith('  '))).toEqual(told.filter((line) => line !== ''));
    expect(await readFile(path.join(root, 'public'), 'utf8')).toBe('favicon\n');
    const checked = captureIo();
    expect(await main(['check', '--root', root], checked)).toBe(1);
    expect(firstLines(checked.stderr)).toEqual(asCheckSays(told));
  });

  it('dev: the error page and the load report list the warnings after the problems', async () => {
    const root = await fixture();
    const loads: DevLoadReport[] = [];
    const server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
    try {
      const response = await fetch(new URL('/', server.url));
      expect(response.status).toBe(500);
      const page = await response.text();
      const problemsAt = page.indexOf('article/bad-date');
      const warningsAt = page.indexOf('<h2>2 warnings as well</h2>');
      expect(problemsAt).toBeGreaterThan(0);
      expect(warningsAt).toBeGreaterThan(problemsAt);
      expect(page.indexOf('article/summary-html')).toBeGreaterThan(warningsAt);
      expect(page.indexOf('article/image-without-alt')).toBeGreaterThan(warningsAt);
      expect(loads.at(-1)!.warnings.map((warning) => warning.code)).toEqual(['article/summary-html', 'article/image-without-alt']);
    } finally {
      await server.close();
    }
  });

  it('dev: a file of public/ that a build refuses stops the load, and the content warnings are listed with it', async () => {
    const root = await fixture();
    await fixProblems(root);
    const outside = await makeTempDir();
    roots.push(outside);
    await writeFile(path.join(outside, 'geslo.txt'), 'skrivnost');
    await mkdir(path.join(root, 'public'), { recursive: true });
    // A link out of public/: a build refuses to publish it.
    await symlink(path.join(outside, 'geslo.txt'), path.join(root, 'public/geslo.txt'));
    const loads: DevLoadReport[] = [];
    const server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
    try {
      for (let i = 0; i < 500 && loads.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      const response = await fetch(new URL('/', server.url));
      expect(response.status).toBe(500);
      const page = await response.text();
      expect(page).toContain('public/symlink-outside');
      expect(page.indexOf('article/image-without-alt')).toBeGreaterThan(page.indexOf('<h2>2 warnings as well</h2>'));
      expect(loads.at(-1)!.errors.map((error) => error.code)).toEqual(['public/symlink-outside']);
      expect(loads.at(-1)!.warnings.map((warning) => warning.code)).toEqual(['article/summary-html', 'article/image-without-alt']);
    } finally {
      await server.close();
    }
  });

  it('dev: the terminal prints the warnings after the problems, as build does', async () => {
    const root = await fixture();
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const stderr: string[] = [];
    const io: Io = {
      out: () => undefined,
      err: (line) => {
        stderr.push(line);
        if (line.endsWith('the browser shows them until they are fixed.')) stop();
      },
      // The command ends after the first load's report: what follows the count is printed in the same call.
      untilStopped: () => stopped,
    };
    expect(await main(['dev', '--port', '0', '--root', root], io)).toBe(0);
    expect(firstLines(stderr)).toEqual([...PROBLEMS.slice(0, 2), '2 problems: the browser shows them until they are fixed.', '', ...WARNINGS, WARNINGS_TOLD]);
  });
});

describe('a check with warnings and no problems', () => {
  it('check: its last line counts the warnings printed above it, not only »no problems«', async () => {
    const root = await fixture();
    await fixProblems(root);
    // The picture the article shows without alt text, so that its link resolves; a picture a browser can show,
    // or it is warned about as well (article/unreadable-picture).
    await mkdir(path.join(root, 'public'), { recursive: true });
    await writeFile(path.join(root, 'public/slika.jpg'), jpeg(4, 3));
    expect(await main(['build', '--root', root], captureIo())).toBe(0);
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(0);
    expect(firstLines(io.stderr)).toEqual(WARNINGS);
    expect(io.stdout).toEqual(['checked 3 articles: 2 warnings (above), no problems; every internal link in dist/ resolves']);
  });
});
