import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveSources } from '../../../src/dev/live-sources.ts';
import { makeTempDir, removeDir } from '../../helpers.ts';

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await removeDir(root);
});

async function project(): Promise<string> {
  const root = await makeTempDir();
  roots.push(root);
  await mkdir(path.join(root, 'content', 'articles'), { recursive: true });
  await mkdir(path.join(root, 'content', 'people'), { recursive: true });
  await writeFile(path.join(root, 'content', 'articles', 'a.md'), 'A1');
  await writeFile(path.join(root, 'content', 'articles', 'b.md'), 'B1');
  await writeFile(path.join(root, 'content', 'people', 'ana.md'), 'P1');
  return root;
}

describe('LiveSources', () => {
  it('re-reads only the edited file and knows the others by the hash of their text', async () => {
    const root = await project();
    const live = new LiveSources(root);
    const first = await live.read();
    expect(first.articles.map((s) => [s.file, s.text])).toEqual([
      ['content/articles/a.md', 'A1'],
      ['content/articles/b.md', 'B1'],
    ]);
    await writeFile(path.join(root, 'content', 'articles', 'b.md'), 'B2\r\n');
    // Edit a.md on disk without telling LiveSources: it must not be re-read.
    await writeFile(path.join(root, 'content', 'articles', 'a.md'), 'A-unnoticed');
    live.note('change', path.join(root, 'content', 'articles', 'b.md'));
    const second = await live.read();
    expect(second.articles[0]!.hash).toBe(first.articles[0]!.hash);
    expect(second.articles[1]!.text).toBe('B2\n');
    expect(second.people[0]).toBe(first.people[0]);
    // a.md was not read again; its text is not kept either, and asked for now it no longer matches the hash
    // the load knows it by, which is reported instead of mixing two versions.
    expect(() => second.articles[0]!.text).toThrow(/changed while arhivar was building/);
  });

  it('does not read an edited file that became a link out of content/: the scan reports it as the build would', async () => {
    const root = await project();
    const outside = path.join(root, 'zunaj.md');
    await writeFile(outside, 'SKRIVNO');
    const live = new LiveSources(root);
    await live.read();
    const file = path.join(root, 'content', 'articles', 'b.md');
    await rm(file);
    await symlink(outside, file);
    live.note('change', file);
    const second = await live.read();
    expect(second.articles.map((s) => s.file)).toEqual(['content/articles/a.md']);
    expect(second.errors.map((error) => [error.code, error.file])).toEqual([['content/symlink-outside', 'content/articles/b.md']]);
  });

  it('hands each read records of its own, so a load may let go of their texts', async () => {
    const root = await project();
    const live = new LiveSources(root);
    const first = await live.read();
    // What build.ts does with releaseSources once an article is validated.
    for (const source of first.articles) source.text = '';
    const second = await live.read();
    expect(second.articles.map((s) => s.text)).toEqual(['A1', 'B1']);
    for (const source of second.articles) source.text = '';
    await writeFile(path.join(root, 'content', 'articles', 'b.md'), 'B2');
    live.note('change', path.join(root, 'content', 'articles', 'b.md'));
    const third = await live.read();
    expect(third.articles.map((s) => s.text)).toEqual(['A1', 'B2']);
  });

  it('scans again when a file appears or disappears', async () => {
    const root = await project();
    const live = new LiveSources(root);
    await live.read();
    await writeFile(path.join(root, 'content', 'articles', 'c.md'), 'C1');
    live.note('add', path.join(root, 'content', 'articles', 'c.md'));
    expect((await live.read()).articles.map((s) => s.file)).toEqual(['content/articles/a.md', 'content/articles/b.md', 'content/articles/c.md']);
    await rm(path.join(root, 'content', 'articles', 'a.md'));
    live.note('unlink', path.join(root, 'content', 'articles', 'a.md'));
    expect((await live.read()).articles.map((s) => s.file)).toEqual(['content/articles/b.md', 'content/articles/c.md']);
  });

  it('reports an edit that makes a file unreadable as the build would, and reads it again once fixed', async () => {
    const root = await project();
    const live = new LiveSources(root);
    await live.read();
    const file = path.join(root, 'content', 'articles', 'a.md');
    await writeFile(file, Buffer.from([0x9a, 0x0a]));
    live.note('change', file);
    const broken = await live.read();
    expect(broken.errors.map((e) => [e.code, e.file])).toEqual([['content/not-utf8', 'content/articles/a.md']]);
    expect(broken.articles.map((s) => s.file)).toEqual(['content/articles/b.md']);
    await writeFile(file, 'A3');
    live.note('change', file);
    const fixed = await live.read();
    expect(fixed.errors).toEqual([]);
    expect(fixed.articles.map((s) => s.text)).toEqual(['A3', 'B1']);
  });

  it('starts from what the last scan learned: a file unchanged since is not read until its text is asked for', async () => {
    const root = await project();
    // Learned 2 s after the files were written, so that the next scan trusts it (content/read.ts STABLE_MS).
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const first = new LiveSources(root);
    // Kept once a load has shown the articles, with both published.
    await first.keepKnownFiles((await first.read()).articles);
    await writeFile(path.join(root, 'content', 'articles', 'b.md'), 'B2');
    const next = await new LiveSources(root).read();
    expect(next.articles[1]!.text).toBe('B2');
    // a.md was only looked at: removed now, its text cannot be had, which a file already read would give.
    await rm(path.join(root, 'content', 'articles', 'a.md'));
    expect(() => next.articles[0]!.text).toThrow(/was removed or became unreadable while arhivar was building/);
  });

  it('keeps nothing of a draft the load showed: the next scan reads it whole', async () => {
    // A draft's file name may be what was taken down (a slug with a person's name); the build reads it anyway.
    const root = await project();
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const first = new LiveSources(root);
    const sources = await first.read();
    await first.keepKnownFiles(sources.articles.filter((source) => source.file !== 'content/articles/b.md'));
    const next = await new LiveSources(root).read();
    await rm(path.join(root, 'content', 'articles', 'a.md'));
    await rm(path.join(root, 'content', 'articles', 'b.md'));
    expect(() => next.articles[0]!.text).toThrow(/was removed or became unreadable while arhivar was building/);
    expect(next.articles[1]!.text).toBe('B1');
  });
});
