import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, copyFixture, listFiles, removeDir } from '../helpers.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#b00"/></svg>\n';
const ICON_LINK = /<link rel="icon"[^>]*>/g;

/** The icon links of every HTML page of dist/, by page. */
async function iconLinks(outDir: string): Promise<Map<string, string[]>> {
  const links = new Map<string, string[]>();
  for (const file of await listFiles(outDir)) {
    if (file.endsWith('.html')) links.set(file, (await readFile(path.join(outDir, file), 'utf8')).match(ICON_LINK) ?? []);
  }
  return links;
}

describe("the site's icon (public/favicon.svg, .png or .ico)", () => {
  it('is linked from every page once public/ holds one, and the link goes when it goes, in rebuilds from .cache/ too', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(root, 'dist');
    try {
      await buildSite(root, { outDir });
      const before = await iconLinks(outDir);
      expect(before.size).toBeGreaterThan(10);
      expect([...before.values()].flat()).toEqual([]);

      await mkdir(path.join(root, 'public'), { recursive: true });
      await writeFile(path.join(root, 'public/favicon.svg'), SVG);
      await buildSite(root, { outDir });
      const withIcon = await iconLinks(outDir);
      for (const [file, links] of withIcon) expect(links, file).toEqual(['<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>']);
      expect(await readFile(path.join(outDir, 'favicon.svg'), 'utf8')).toBe(SVG);

      // With an .ico beside it the SVG is the one linked; alone, the .ico is.
      await writeFile(path.join(root, 'public/favicon.ico'), Buffer.from([0, 0, 1, 0]));
      await buildSite(root, { outDir });
      expect((await iconLinks(outDir)).get('index.html')).toEqual(['<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>']);
      await rm(path.join(root, 'public/favicon.svg'));
      await buildSite(root, { outDir });
      for (const [file, links] of await iconLinks(outDir)) expect(links, file).toEqual(['<link rel="icon" href="/favicon.ico" type="image/x-icon"/>']);

      await rm(path.join(root, 'public/favicon.ico'));
      await buildSite(root, { outDir });
      expect([...(await iconLinks(outDir)).values()].flat()).toEqual([]);
    } finally {
      await removeDir(root);
    }
  });

  it('is linked under the path a site is published at', async () => {
    const root = await copyFixture('base-path');
    try {
      await writeFile(path.join(root, 'public/favicon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      const site = await buildSite(root);
      expect((await site.read('/')).match(ICON_LINK)).toEqual(['<link rel="icon" href="/arhiv/favicon.png" type="image/png"/>']);
      expect(await listFiles(site.outDir)).toContain('favicon.png');
      await removeDir(path.dirname(site.outDir));
    } finally {
      await removeDir(root);
    }
  });
});
