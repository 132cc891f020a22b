import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { generateArchive, type GeneratedArchive } from '../../src/bench/generate.ts';
import { makeTempDir, removeDir } from '../helpers.ts';

/**
 * A load that sends at least 1,000 bodies to the Markdown workers collects the main thread's garbage twice, twice
 * (src/memory.ts, BULK_RENDERING in src/build.ts): that is what keeps a cold build of 10,000 articles under 500 MB
 * (README, "Where the memory goes"). Its effect on memory is measured, not tested (a heap size asserted in a build
 * would fail on a busy machine), but that the collections happen is: V8 tells each one to a PerformanceObserver of
 * `gc` entries, a forced one with NODE_PERFORMANCE_GC_FLAGS_FORCED. Nothing else in a build forces one.
 */
async function forcedCollectionsDuring(run: () => Promise<unknown>): Promise<number> {
  let forced = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { detail } = entry as unknown as { detail: { kind: number; flags: number } };
      if (detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR && (detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) !== 0) forced++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    await run();
    // Entries are handed to the observer after the collection, on a later turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return forced;
  } finally {
    observer.disconnect();
  }
}

describe('a build that renders 1,000 bodies collects the main thread’s garbage; an edit does not', () => {
  let root: string;
  let archive: GeneratedArchive;
  const now = new Date('2026-01-01T00:00:00Z');
  const buildOnce = () => build({ root, outDir: path.join(root, 'dist'), now });

  beforeAll(async () => {
    root = await makeTempDir();
    archive = await generateArchive(root, { articles: 1000, people: 20 });
  });
  afterAll(async () => {
    await removeDir(root);
  });

  it('a cold build of 1,000 articles makes four forced full collections: two once every article is validated, two once every body is in', async () => {
    const forced = await forcedCollectionsDuring(async () => {
      const result = await buildOnce();
      expect(result.model.archive.articles).toHaveLength(1000);
      expect(result.pagesRendered).toBeGreaterThan(1000);
    });
    expect(forced).toBe(4);
  }, 120_000);

  it('a rebuild after one article is edited renders one body and forces none', async () => {
    await appendFile(archive.articleFiles[500]!, '\nUrednica je dopisala še en stavek.\n');
    const forced = await forcedCollectionsDuring(async () => {
      const result = await buildOnce();
      expect(result.filesWritten).toBeGreaterThan(0);
      expect(result.filesWritten).toBeLessThan(20);
    });
    expect(forced).toBe(0);
  }, 120_000);
});
