import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { buildUnlessUnchanged } from '../../src/pipeline/unchanged.ts';
import { parseFeed } from '../helpers/parse-feed.ts';
import { listFiles, temporaryFolders } from '../helpers.ts';

const folder = temporaryFolders();
const NOW = new Date('2026-01-01T00:00:00Z');
const ARTICLE = 'content/articles/2025/prvi.md';

async function emptySite(): Promise<string> {
  const root = await folder();
  await mkdir(path.join(root, 'content'), { recursive: true });
  await writeFile(path.join(root, 'content/site.yaml'), 'title: Novice Žalec\nbaseUrl: https://novice-zalec.si/\n');
  return root;
}

async function addArticle(root: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, ARTICLE)), { recursive: true });
  await writeFile(path.join(root, ARTICLE), '---\ntitle: Prvi članek\ndate: 2025-12-22T10:00\n---\n\nBesedilo prvega članka.\n');
}

/** The pages of `outDir` that link a feed in their head. */
async function pagesLinkingFeeds(outDir: string): Promise<string[]> {
  const pages: string[] = [];
  for (const file of await listFiles(outDir)) {
    if (file.endsWith('.html') && (await readFile(path.join(outDir, file), 'utf8')).includes('application/atom+xml')) pages.push(file);
  }
  return pages;
}

describe('an archive with no published article', () => {
  // Its feed had no entry to date it by and said <updated>1970-01-01T01:00:00+01:00</updated>. As Zola does, no
  // feed is published until there is something in it, and no page links one.
  it('publishes no feed and links none, until an article is published, and again after it is taken down', async () => {
    const root = await emptySite();
    const outDir = path.join(root, 'dist');
    await buildUnlessUnchanged({ root, now: NOW });
    const files = await listFiles(outDir);
    expect(files).toContain('index.html');
    expect(files.filter((file) => file.endsWith('.xml'))).toEqual(['sitemap.xml']);
    expect(await pagesLinkingFeeds(outDir)).toEqual([]);
    // Nothing changed is nothing changed, though there is no feed.xml.
    expect((await buildUnlessUnchanged({ root, now: NOW })).unchanged).toBe(true);

    await addArticle(root);
    await buildUnlessUnchanged({ root, now: NOW });
    const feed = await parseFeed(await readFile(path.join(outDir, 'feed.xml'), 'utf8'));
    expect(feed.items.map((item) => item.title)).toEqual(['Prvi članek']);
    expect(feed.meta.date?.toISOString()).toBe('2025-12-22T09:00:00.000Z');
    expect(await pagesLinkingFeeds(outDir)).toContain('index.html');

    await rm(path.join(root, ARTICLE));
    await buildUnlessUnchanged({ root, now: NOW });
    expect((await listFiles(outDir)).filter((file) => file.endsWith('.xml'))).toEqual(['sitemap.xml']);
    expect(await pagesLinkingFeeds(outDir)).toEqual([]);
    expect((await buildUnlessUnchanged({ root, now: NOW })).unchanged).toBe(true);
  });

  // As a deleted feed.xml is: the next build found the record current, kept robots.txt for unchanged, and left
  // it missing; every build after it was a whole one, and without .cache/ the folder was refused as someone's.
  it('publishes a deleted robots.txt again, as a site with articles its feed.xml', async () => {
    const root = await emptySite();
    const outDir = path.join(root, 'dist');
    await buildUnlessUnchanged({ root, now: NOW });
    const robots = await readFile(path.join(outDir, 'robots.txt'), 'utf8');
    await rm(path.join(outDir, 'robots.txt'));
    expect((await buildUnlessUnchanged({ root, now: NOW })).unchanged).toBe(false);
    expect(await readFile(path.join(outDir, 'robots.txt'), 'utf8')).toBe(robots);
    expect((await buildUnlessUnchanged({ root, now: NOW })).unchanged).toBe(true);
  });

  it('knows its own output folder without .cache/, by robots.txt, as a site with articles by feed.xml', async () => {
    const root = await emptySite();
    const outDir = path.join(root, 'dist');
    await build({ root, now: NOW });
    await rm(path.join(root, '.cache'), { recursive: true });
    const before = await listFiles(outDir);
    await build({ root, now: NOW });
    expect(await listFiles(outDir)).toEqual(before);
    await build({ root, now: NOW, cache: false });
    expect(await listFiles(outDir)).toEqual(before);
    // With robots.txt deleted too, the error names it, not only the feed.xml such a site never had.
    await rm(path.join(root, '.cache'), { recursive: true });
    await rm(path.join(outDir, 'robots.txt'));
    const refused = await build({ root, now: NOW }).then(() => undefined, (error: unknown) => error);
    expect(refused).toMatchObject({ code: 'output/not-ours', message: expect.stringContaining('robots.txt'), hint: expect.stringContaining('robots.txt') });
  });
});
