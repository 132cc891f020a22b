import { appendFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { contentCacheVersion } from '../../src/bin/code.js';
import { generateArchive } from '../../src/bench/generate.ts';
import { loadSite } from '../../src/build.ts';
import { createLoadCache } from '../../src/load-cache.ts';
import { RecordCache } from '../../src/pipeline/cache.ts';
import { makeTempDir } from '../helpers.ts';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('.cache/ after a dev session (loads that reuse the results of earlier ones)', () => {
  it('still holds the validation and people of every article after a reload of one edited article', async () => {
    const root = await makeTempDir();
    // More than the 64 stale records a log tolerates before it is compacted.
    const { articleFiles } = await generateArchive(root, { articles: 120, people: 12 });
    const session = createLoadCache();
    try {
      const first = await loadSite({ root, now: NOW, reuse: session, includeDrafts: true });
      expect(first.archive.articles).toHaveLength(120);
      // The logs are opened once for the session, not read again by each load.
      const logs = { ...session.logs };
      expect(logs.articles).toBeDefined();
      expect(logs.people).toBeDefined();
      await appendFile(articleFiles[60]!, '\nUrednica je dopisala stavek.\n');
      const second = await loadSite({ root, now: NOW, reuse: session, includeDrafts: true });
      expect(session.logs.articles).toBe(logs.articles);
      expect(session.logs.people).toBe(logs.people);
      expect(session.logs.bodies).toBe(logs.bodies);
      const byFile = (model: typeof first, name: string) => model.archive.articles.find((article) => article.file.endsWith(name))!;
      expect(byFile(second, 'clanek-000061.md').text).toContain('Urednica je dopisala stavek.');
      // Only the edited article's record is made again; the others are the first load's.
      expect(byFile(second, 'clanek-000010.md')).toBe(byFile(first, 'clanek-000010.md'));
      expect(byFile(second, 'clanek-000061.md')).not.toBe(byFile(first, 'clanek-000061.md'));
      // And the reload's archive is what a load without the session makes.
      const fresh = await loadSite({ root, now: NOW, includeDrafts: true, cache: false });
      const view = (model: typeof first) =>
        model.archive.articles.map(({ url, title, summary, people, tags, html, text, wordCount }) => ({ url, title, summary, people, tags, html, text, wordCount }));
      expect(view(second)).toEqual(view(fresh));
      fresh.close();
    } finally {
      await session.bodies?.close();
    }
    // The reload read only the edited article's records; the others came from the session's memory. Its
    // save must not have compacted the logs down to what it read: the next start or build needs them all.
    // Each log holds every article's record and the edited article's new one.
    const version = await contentCacheVersion();
    for (const log of ['articles', 'people']) {
      const records = await RecordCache.open<unknown>(root, log, version);
      expect(records.size, log).toBe(121);
    }
  });

  it('gives two overlapping loads of one session whole archives, the later one with the edit, and leaves the logs whole', async () => {
    const root = await makeTempDir();
    const { articleFiles } = await generateArchive(root, { articles: 120, people: 12 });
    const session = createLoadCache();
    try {
      // As when an article is saved while the dev server's first load is still running.
      const first = loadSite({ root, now: NOW, reuse: session, includeDrafts: true });
      await appendFile(articleFiles[5]!, '\nDopisano med nalaganjem.\n');
      const second = loadSite({ root, now: NOW, reuse: session, includeDrafts: true });
      const [older, newer] = await Promise.all([first, second]);
      expect(older.archive.articles).toHaveLength(120);
      expect(newer.archive.articles).toHaveLength(120);
      expect(newer.archive.articles.find((article) => article.file.endsWith('clanek-000006.md'))!.text).toContain('Dopisano med nalaganjem.');
      const fresh = await loadSite({ root, now: NOW, includeDrafts: true, cache: false });
      const view = (model: typeof fresh) => model.archive.articles.map(({ url, summary, people, html }) => ({ url, summary, people, html }));
      expect(view(newer)).toEqual(view(fresh));
      fresh.close();
    } finally {
      await session.bodies?.close();
    }
    const version = await contentCacheVersion();
    for (const log of ['articles', 'people']) expect((await RecordCache.open<unknown>(root, log, version)).size, log).toBeGreaterThanOrEqual(120);
  });
});
