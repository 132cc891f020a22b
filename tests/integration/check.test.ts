import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { main, type Io } from '../../src/cli.ts';
import { checkSite } from '../../src/commands/check.ts';
import { copyFixture, listFiles, removeDir } from '../helpers.ts';

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await removeDir(root);
});

function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

async function builtFixture(): Promise<string> {
  const root = await copyFixture('archive-basic');
  roots.push(root);
  await build({ root, now: new Date('2026-01-01T00:00:00Z') });
  return root;
}

describe('arhivar check', () => {
  it('passes a freshly built site and says so', async () => {
    const root = await builtFixture();
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(0);
    expect(io.stdout.join('\n')).toBe('checked 5 articles: no problems; every internal link in dist/ resolves');
  });

  it('finds a planted broken link in dist/ and exits 1', async () => {
    const root = await builtFixture();
    const page = path.join(root, 'dist', 'osebe', 'index.html');
    await writeFile(page, (await readFile(page, 'utf8')).replace('</main>', '<a href="/osebe/ni-je-take-osebe/">?</a></main>'));
    const result = await checkSite({ root, now: new Date('2026-01-01T00:00:00Z') });
    expect(result.problems.map((p) => [p.code, p.file, p.message])).toEqual([
      ['link/broken', 'dist/osebe/index.html', 'link "/osebe/ni-je-take-osebe/" leads to no page of the built site'],
    ]);
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('dist/osebe/index.html  link/broken');
  });

  it('reports content problems and broken links together, and writes nothing', async () => {
    const root = await builtFixture();
    const before = await listFiles(path.join(root, 'dist'));
    const article = path.join(root, 'content', 'articles', '2025', 'prvi.md');
    await writeFile(article, (await readFile(article, 'utf8')).replace('date: 2025-01-10', 'date: včeraj'));
    await writeFile(path.join(root, 'dist', 'index.html'), '<a href="/manjka/">x</a>');
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(1);
    const printed = io.stderr.join('\n');
    expect(printed).toContain('content/articles/2025/prvi.md:3  article/bad-date');
    expect(printed).toContain('dist/index.html  link/broken');
    expect(printed).toContain('2 problems found');
    expect(await listFiles(path.join(root, 'dist'))).toEqual(before);
  });

  it('checks content alone when there is no build yet', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('no built site to check links in');
  });
});
