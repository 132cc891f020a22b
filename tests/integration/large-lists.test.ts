import { closeSync, openSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli.ts';
import { importPlainText } from '../../src/commands/import.ts';
import { UsageError } from '../../src/errors.ts';
import { makeTempDir, removeDir } from '../helpers.ts';

/**
 * Lists as long as an archive: `list.push(...items)` passes every item as an argument on the stack, and past about
 * 125,000 of them (Node 20) throws »RangeError: Maximum call stack size exceeded«, which ended the command with
 * exit code 3. 130,000 files, empty, as an export or an agency's folder holds them: a round number past
 * the most a push(...) takes in Node 20 (125,255), with which each test here failed on the code before append()
 * (5ee65e5^ for check and build, bb80bcc^ for import). Making the files is most of this file's time.
 */
const COUNT = 130_000;

function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

/** `count` empty files named `name(i)` in `folder`; one at a time, which on a shared disk is quicker than many at once. */
async function emptyFiles(folder: string, count: number, name: (index: number) => string): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (let index = 0; index < count; index++) closeSync(openSync(path.join(folder, name(index)), 'w'));
}

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots.splice(0)) await removeDir(root);
});

describe('a site of 130,000 Jekyll posts left as .markdown (a content/stray-file warning each)', () => {
  let root: string;
  beforeAll(async () => {
    root = await makeTempDir();
    roots.push(root);
    await mkdir(path.join(root, 'content'), { recursive: true });
    await writeFile(path.join(root, 'content/site.yaml'), 'title: Arhiv\nbaseUrl: https://arhiv.casnik.si/\n');
    await emptyFiles(path.join(root, 'content/articles/2020'), COUNT, (index) => `objava-${index}.markdown`);
  }, 120_000);

  it('check tells the warnings and ends, not in »arhivar failed unexpectedly: RangeError« with exit code 3', async () => {
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(0);
    expect(io.stderr.at(-1)).toBe('130,000 warnings: 130,000 content/stray-file');
    expect(io.stdout).toEqual(['checked 0 articles: 130,000 warnings (above), no problems; no built site to check links in (run npm run build)']);
  }, 180_000);

  it('build and check with a file of public/ that a page replaces (the warnings sorted again with its own) end', async () => {
    await mkdir(path.join(root, 'public/osebe'), { recursive: true });
    await writeFile(path.join(root, 'public/osebe/index.html'), '<p>stara stran</p>');
    const io = captureIo();
    expect(await main(['build', '--root', root], io)).toBe(0);
    expect(io.stderr.at(-1)).toBe('130,001 warnings: 130,000 content/stray-file, 1 public/shadowed');
    // And check, which sorts the warnings of public/ in with those of the content, and checks the links it built.
    const checked = captureIo();
    expect(await main(['check', '--root', root], checked)).toBe(0);
    expect(checked.stdout).toEqual(['checked 0 articles: 130,001 warnings (above), no problems; every internal link in dist/ resolves']);
  }, 180_000);
});

describe('import of a folder of 130,000 .txt files', () => {
  it('lists them all: --title, for one file only, is refused as a usage error, not with a RangeError', async () => {
    const work = await makeTempDir();
    roots.push(work);
    await mkdir(path.join(work, 'project/content/articles'), { recursive: true });
    // In a folder under the one given, as an agency's archive keeps a year's wires.
    await emptyFiles(path.join(work, 'prejeto/2024'), COUNT, (index) => `sta-${index}.txt`);
    const refused = await importPlainText({ root: path.join(work, 'project'), source: path.join(work, 'prejeto'), title: 'Naslov' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UsageError);
    expect((refused as Error).message).toBe('--title names one article; import a single file to use it');
  }, 120_000);
});
