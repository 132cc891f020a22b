import { createHash } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rename, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../../src/build.ts';
import { buildUnlessUnchanged } from '../../src/pipeline/unchanged.ts';
import { ArhivarError, ContentErrors } from '../../src/errors.ts';
import { cacheFile, copyFixture, damageFile, listFiles, makeTempDir } from '../helpers.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const PRVI = 'content/articles/2025/prvi.md';

async function contents(directory: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const file of await listFiles(directory)) result.set(file, createHash('sha256').update(await readFile(path.join(directory, file))).digest('hex'));
  return result;
}

async function freshBuild(root: string, now = NOW): Promise<Map<string, string>> {
  const outDir = path.join(await makeTempDir('arhivar-fresh-'), 'dist');
  await build({ root, outDir, now, cache: false });
  return contents(outDir);
}

/** A new site title, so that every page is rendered again. */
async function retitleSite(root: string): Promise<void> {
  const config = path.join(root, 'content/site.yaml');
  await writeFile(config, (await readFile(config, 'utf8')).replace('Testni arhiv', 'Preizkusni arhiv'));
}

async function site() {
  const root = await copyFixture('archive-basic');
  const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
  return { root, outDir, run: (now = NOW) => buildUnlessUnchanged({ root, outDir, now }) };
}

describe('a rebuild with every input unchanged (issue 6)', () => {
  it('does nothing, reports the last build again and leaves dist/ as it was', async () => {
    const { root, outDir, run } = await site();
    // An unknown person gives a warning, which the shortcut must give again.
    const text = await readFile(path.join(root, PRVI), 'utf8');
    await writeFile(path.join(root, PRVI), text.replace(/^people: \[/m, 'people: [Neznana Oseba, '));
    const first = await run();
    expect(first.unchanged).toBe(false);
    expect(first.warnings.map((warning) => warning.code)).toEqual(['article/unknown-person']);
    const before = await contents(outDir);

    const second = await run();
    expect(second).toMatchObject({ unchanged: true, filesWritten: 0, pagesRendered: 0, pagesWritten: first.pagesWritten, articles: first.articles });
    expect(second.warnings.map((warning) => [warning.code, warning.file, warning.line, warning.message])).toEqual(
      first.warnings.map((warning) => [warning.code, warning.file, warning.line, warning.message]),
    );
    expect(await contents(outDir)).toEqual(before);
  });

  it('builds again after an edit, a new public/ file or a deleted dist/, and always equals a fresh build', async () => {
    const { root, outDir, run } = await site();
    await run();

    await appendFile(path.join(root, PRVI), '\nDodan stavek.\n');
    expect((await run()).unchanged).toBe(false);
    expect(await contents(outDir)).toEqual(await freshBuild(root));
    expect((await run()).unchanged).toBe(true);

    await mkdir(path.join(root, 'public'), { recursive: true });
    await writeFile(path.join(root, 'public/humans.txt'), 'Uredništvo\n');
    expect((await run()).unchanged).toBe(false);
    expect(await readFile(path.join(outDir, 'humans.txt'), 'utf8')).toBe('Uredništvo\n');

    await rm(outDir, { recursive: true, force: true });
    expect((await run()).unchanged).toBe(false);
    expect(await contents(outDir)).toEqual(await freshBuild(root));
  });

  it('builds again when a file of public/ is rewritten with its size and modification time kept (rsync -t, touch -r)', async () => {
    const { root, outDir, run } = await site();
    const file = path.join(root, 'public/stari/o-nas.html');
    // A whole second, so that setting it again after the edit gives exactly the same modification time.
    const mtime = new Date('2025-06-01T08:00:00Z');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '<p>Uredništvo: Ana</p>\n');
    await utimes(file, mtime, mtime);
    await run();
    // Same length, same modification time: only the change time (ctime) tells.
    await writeFile(file, '<p>Uredništvo: Eva</p>\n');
    await utimes(file, mtime, mtime);
    const summary = await run();
    expect(summary.unchanged).toBe(false);
    expect(await readFile(path.join(outDir, 'stari/o-nas.html'), 'utf8')).toBe('<p>Uredništvo: Eva</p>\n');
  });

  it('does not let a build vouch by its stat for a file of public/ it listed less than 2 s after the file changed', async () => {
    const { root, outDir, run } = await site();
    const file = path.join(root, 'public/o-nas.html');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '<p>Uredništvo: Ana</p>\n');
    // Listed right after it was written: a second same-size write within the same tick of the file system's
    // clock would leave size, times and inode as they are, so this build's record is of the file's bytes.
    expect((await run()).unchanged).toBe(false);
    // The bytes are the same, so the shortcut is still taken while the file is that new.
    expect((await run()).unchanged).toBe(true);
    // Ten seconds later by the clock the build reads (no write can be made in the same tick as another on
    // purpose): the file has settled and counts by its stat, which the builds above did not vouch for.
    const realNow = Date.now;
    const later = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 10_000);
    try {
      expect((await run()).unchanged).toBe(false);
      expect((await run()).unchanged).toBe(true);
    } finally {
      later.mockRestore();
    }
    expect(await readFile(path.join(outDir, 'o-nas.html'), 'utf8')).toBe('<p>Uredništvo: Ana</p>\n');
    expect(await contents(outDir)).toEqual(await freshBuild(root));
  });

  it('takes the shortcut when only a .git inside public/ changed, which is never published', async () => {
    // A clone kept in public/ (its .git never goes out, output/publish.ts): a git fetch there changes no page.
    const { root, outDir, run } = await site();
    await mkdir(path.join(root, 'public/zemljevidi/.git/objects'), { recursive: true });
    await writeFile(path.join(root, 'public/zemljevidi/karta.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
    expect((await run()).unchanged).toBe(false);
    await writeFile(path.join(root, 'public/zemljevidi/.git/objects/ab12'), 'x');
    await writeFile(path.join(root, 'public/zemljevidi/.git/HEAD'), 'ref: refs/heads/main\n');
    expect((await run()).unchanged).toBe(true);
    expect(await readdir(path.join(outDir, 'zemljevidi'))).toEqual(['karta.svg']);
  });

  it('warns about an article saved as .markdown (or site.yml) dropped into a built site, and stops once it is renamed', async () => {
    // Such a file is not read, so it changes no page; the warning is what tells the editor it is not published.
    const { root, run } = await site();
    await run();
    const stray = (summary: Awaited<ReturnType<typeof run>>) => summary.warnings.filter((warning) => warning.code === 'content/stray-file').map((warning) => warning.file);
    await writeFile(path.join(root, 'content/articles/2025/sesti.markdown'), '---\ntitle: Šesti članek\ndate: 2025-06-01\n---\n\nBesedilo.\n');
    expect(stray(await run())).toEqual(['content/articles/2025/sesti.markdown']);
    await writeFile(path.join(root, 'content/site.yml'), 'title: Testni arhiv\n');
    expect(stray(await run())).toEqual(['content/articles/2025/sesti.markdown', 'content/site.yml']);
    expect(stray(await run())).toEqual(['content/articles/2025/sesti.markdown', 'content/site.yml']);
    await rm(path.join(root, 'content/site.yml'));
    await rename(path.join(root, 'content/articles/2025/sesti.markdown'), path.join(root, 'content/articles/2025/sesti.txt'));
    // A .txt without front matter is taken for notes to import, and warned about as such.
    await writeFile(path.join(root, 'content/articles/2025/sesti.txt'), 'Šesti članek\n\nBesedilo.\n');
    const renamed = await run();
    expect(renamed.warnings.map((warning) => [warning.file, warning.message])).toEqual([['content/articles/2025/sesti.txt', 'only .md files are read, so this plain-text file is not published']]);
    await rm(path.join(root, 'content/articles/2025/sesti.txt'));
    expect(stray(await run())).toEqual([]);
  });

  it('publishes an article dated in the future once its time has come, with no other change', async () => {
    const { root, outDir, run } = await site();
    await writeFile(path.join(root, 'content/articles/2025/jutri.md'), '---\ntitle: Jutrišnji članek\ndate: 2026-01-02T08:00\n---\n\nBo objavljen jutri.\n');
    const heldBack = { count: 1, next: new Date('2026-01-02T07:00:00Z'), nextFile: 'content/articles/2025/jutri.md' };
    expect(await run()).toMatchObject({ articles: 5, heldBack });
    expect(await run(new Date('2026-01-02T06:59:00Z'))).toMatchObject({ unchanged: true, heldBack });
    const due = new Date('2026-01-02T07:00:00Z'); // 08:00 in Ljubljana
    const later = await run(due);
    expect(later).toMatchObject({ unchanged: false, articles: 6, heldBack: undefined });
    expect(await contents(outDir)).toEqual(await freshBuild(root, due));
  });

  it('warns about an updated: still to come until that time, also when nothing changed, and not after it', async () => {
    const { root, outDir, run } = await site();
    const file = path.join(root, PRVI);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^date: .*$/m, (line) => `${line}\nupdated: 2026-01-02T08:00`));
    const warned = (summary: { warnings: ArhivarError[] }) => summary.warnings.filter((w) => w.code === 'article/updated-in-future').map((w) => `${w.file}:${w.line}`);
    expect(warned(await run())).toEqual([`${PRVI}:4`]);
    expect(await run(new Date('2026-01-02T06:59:00Z'))).toMatchObject({ unchanged: true });
    expect(warned(await run(new Date('2026-01-02T06:59:00Z')))).toEqual([`${PRVI}:4`]);
    const reached = await run(new Date('2026-01-02T07:00:00Z')); // 08:00 in Ljubljana
    expect(reached.unchanged).toBe(false);
    expect(warned(reached)).toEqual([]);
    // An article dated in the future, published now with --future, may be updated later still.
    await writeFile(path.join(root, 'content/articles/2025/jutri.md'), '---\ntitle: Jutrišnji članek\ndate: 2026-02-01\nupdated: 2026-02-02\n---\n\nBo objavljen.\n');
    expect(warned(await buildUnlessUnchanged({ root, outDir, now: new Date('2026-01-02T07:00:00Z'), includeFuture: true }))).toEqual([]);
  });

  it("with --future, starts warning about an updated: still to come when the article's own date comes, also with nothing changed", async () => {
    const { root, outDir } = await site();
    const jutri = 'content/articles/2025/jutri.md';
    await writeFile(path.join(root, jutri), '---\ntitle: Jutrišnji članek\ndate: 2026-02-01\nupdated: 2026-03-01\n---\n\nBo objavljen.\n');
    const run = (now: Date) => buildUnlessUnchanged({ root, outDir, now, includeFuture: true });
    const warned = (summary: { warnings: ArhivarError[] }) => summary.warnings.filter((w) => w.code === 'article/updated-in-future').map((w) => w.file);
    expect(warned(await run(NOW))).toEqual([]);
    // Dated 1 February, it is published now; its updated: (1 March) is still to come, as a fresh build says.
    const between = await run(new Date('2026-02-10T00:00:00Z'));
    expect(between.unchanged).toBe(false);
    expect(warned(between)).toEqual([jutri]);
  });

  it('does not trust a damaged record of the last build: a future article is still published when due', async () => {
    const { root, outDir, run } = await site();
    await writeFile(path.join(root, 'content/articles/2025/jutri.md'), '---\ntitle: Jutrišnji članek\ndate: 2026-01-02T08:00\n---\n\nBo objavljen jutri.\n');
    await run();
    // The record's time of the next publication, pushed a year on by one damaged byte of the double.
    const file = path.join(root, '.cache', 'last-build.bin');
    const bytes = await readFile(file);
    const due = Buffer.alloc(8);
    due.writeDoubleLE(Date.parse('2026-01-02T07:00:00Z'));
    const at = bytes.indexOf(due);
    expect(at).toBeGreaterThan(0);
    bytes.writeDoubleLE(Date.parse('2027-01-02T07:00:00Z'), at);
    await writeFile(file, bytes);

    const later = await run(new Date('2026-01-02T07:00:00Z'));
    expect(later).toMatchObject({ unchanged: false, articles: 6 });
    expect(await contents(outDir)).toEqual(await freshBuild(root, new Date('2026-01-02T07:00:00Z')));
  });

  it('does not take the shortcut over a failed build: fixing the content back finds dist/ as it was', async () => {
    const { root, outDir, run } = await site();
    await run();
    const before = await contents(outDir);
    const good = await readFile(path.join(root, PRVI), 'utf8');
    await writeFile(path.join(root, PRVI), good.replace(/^date: .*$/m, 'date: 2025-02-30'));
    await expect(run()).rejects.toBeInstanceOf(ContentErrors);
    await writeFile(path.join(root, PRVI), good);
    expect((await run()).unchanged).toBe(true);
    expect(await contents(outDir)).toEqual(before);
  });

  it('does not take the shortcut when a file named public appears where there was no public/: the build refuses it, as check does', async () => {
    const { root, run } = await site();
    await rm(path.join(root, 'public'), { recursive: true, force: true });
    expect((await run()).unchanged).toBe(false);
    // A missing public/ and a file in its place both list no files; only the second is refused.
    await writeFile(path.join(root, 'public'), '');
    const failed = await run().catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ContentErrors);
    expect((failed as ContentErrors).errors.map((error) => [error.code, error.file])).toEqual([['public/not-a-folder', 'public']]);
  });

  it('builds again, rendering anew, when a body kept in .cache/ is damaged, and warns', async () => {
    const { root, outDir, run } = await site();
    await run();
    // Bodies stay in .cache/ and are read when a page needs them: damage one, then change every page.
    const log = await cacheFile(root, 'markdown-');
    await damageFile(log, 'Občinski svet je sprejel');
    await retitleSite(root);

    const result = await run();
    expect(result.unchanged).toBe(false);
    expect(result.warnings.map((warning) => [warning.code, warning.file])).toEqual([['cache/damaged', path.join('.cache', path.basename(log))]]);
    expect(await contents(outDir)).toEqual(await freshBuild(root));
    // It was about that run: the next, with nothing changed, does not repeat it.
    expect(await run()).toMatchObject({ unchanged: true, warnings: [] });
  });

  it('builds again over a damaged body read while loading, though public/ has a problem, which is then told alone', async () => {
    const { root, outDir, run } = await site();
    await run();
    // Without bodiesOnDisk every kept body is read while the content loads, where the damage is met.
    await damageFile(await cacheFile(root, 'markdown-'), 'Občinski svet je sprejel');
    await retitleSite(root);
    await mkdir(path.join(root, 'public'), { recursive: true });
    await symlink('/etc/passwd', path.join(root, 'public/geslo.txt'));
    const failed = await build({ root, outDir, now: NOW }).then(
      () => undefined,
      (error: unknown) => error,
    );
    // Not a problem of the archive: the build ran again, rendering the body anew, and only public/'s problem is left.
    expect(failed).toBeInstanceOf(ContentErrors);
    expect((failed as ContentErrors).errors.map((error) => error.code)).toEqual(['public/symlink-outside']);
  });

  it('makes a damaged validation or person record in .cache/ again from content/, never publishing what it decodes to', async () => {
    for (const [prefix, text] of [
      ['articles-', 'Prvi članek o občini'],
      ['people.bin', 'Darja Žagar'],
    ] as const) {
      const { root, outDir, run } = await site();
      await run();
      // Every occurrence, so that no copy of the text is left intact.
      await damageFile(await cacheFile(root, prefix), text, 'utf16le');
      await retitleSite(root);

      expect((await run()).warnings, prefix).toEqual([]);
      expect(await contents(outDir), prefix).toEqual(await freshBuild(root));
    }
  });

  it('makes again a file of .cache/ that a folder took the place of (a half-restored cache), instead of failing at every build', async () => {
    const { root, outDir, run } = await site();
    await run();
    const fresh = await freshBuild(root);
    const names = (await readdir(path.join(root, '.cache'))).filter((name) => /\.(bin|log)$/.test(name));
    expect(names.length).toBeGreaterThan(8);
    for (const name of names) {
      const file = path.join(root, '.cache', name);
      await rm(file);
      await mkdir(path.join(file, 'x'), { recursive: true });
      // Without dist/, the build reads and writes every record (a CI job with a restored .cache/).
      await rm(outDir, { recursive: true, force: true });
      await expect(run(), name).resolves.toMatchObject({ unchanged: false });
      expect(await contents(outDir), name).toEqual(fresh);
      await expect(run(), name).resolves.toMatchObject({ unchanged: true });
    }
  });

  it('leaves out a kept body whose first paragraph (shown on list pages) is damaged, and renders it anew', async () => {
    const { root, outDir, run } = await site();
    await run();
    // The head of each record holds the first paragraph, v8-serialised.
    await damageFile(await cacheFile(root, 'markdown-'), 'Občinski svet je sprejel', 'utf16le');
    await retitleSite(root);

    const result = await run();
    expect(result.warnings).toEqual([]);
    expect(await contents(outDir)).toEqual(await freshBuild(root));
  });
});

describe('a rebuild reads only the content files whose stat changed (issue 6)', () => {
  it('publishes an edit that keeps size and modification time, and renders unread files when .cache/ lacks their bodies', async () => {
    const { root, outDir, run } = await site();
    // A whole second, so that setting it again after the edit gives exactly the same modification time.
    const file = path.join(root, PRVI);
    const mtime = new Date('2025-01-10T08:00:00Z');
    await utimes(file, mtime, mtime);
    // Files changed less than 2 s before a build are read again by the next one (content/read.ts STABLE_MS):
    // wait, so that this build's record of them is one the next build trusts.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await run();

    // Same length, same modification time: only the change time (ctime) tells.
    const text = await readFile(file, 'utf8');
    const edited = text.replace('sprejel proračun', 'zavrnil proračun');
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    await writeFile(file, edited);
    await utimes(file, mtime, mtime);
    expect((await stat(file)).mtimeMs).toBe(mtime.getTime());
    expect((await run()).unchanged).toBe(false);
    expect(await readFile(path.join(outDir, '2025/01/10/prvi-clanek-o-obcini/index.html'), 'utf8')).toContain('zavrnil proračun');
    expect(await contents(outDir)).toEqual(await freshBuild(root));

    // Without the rendered bodies every article is rendered again, its body cut from a file read only now.
    const cacheDir = path.join(root, '.cache');
    for (const name of await readdir(cacheDir)) if (name.startsWith('markdown-')) await rm(path.join(cacheDir, name));
    await writeFile(path.join(root, 'content/site.yaml'), (await readFile(path.join(root, 'content/site.yaml'), 'utf8')).replace('Testni arhiv', 'Preizkusni arhiv'));
    expect((await run()).unchanged).toBe(false);
    expect(await contents(outDir)).toEqual(await freshBuild(root));
  });
});

describe('a rebuild after something other than arhivar changed the top of dist/', () => {
  /** A build with a change, so that dist/ has a spare tree beside it (output/publish.ts). */
  async function siteWithSpare() {
    const built = await site();
    await built.run();
    await retitleSite(built.root);
    expect((await built.run()).unchanged).toBe(false);
    return built;
  }

  it.each([
    ['robots.txt', (outDir: string) => rm(path.join(outDir, 'robots.txt'))],
    ['index.html', (outDir: string) => rm(path.join(outDir, 'index.html'))],
    ['404.html', (outDir: string) => rm(path.join(outDir, '404.html'))],
    ['sitemap.xml', (outDir: string) => rm(path.join(outDir, 'sitemap.xml'))],
    ['the iskanje/ folder (search)', (outDir: string) => rm(path.join(outDir, 'iskanje'), { recursive: true })],
    ['the osebe/ folder', (outDir: string) => rm(path.join(outDir, 'osebe'), { recursive: true })],
    // A rename over it: the same name, other bytes, and the folder's times change.
    ['robots.txt, replaced by another file', async (outDir: string) => {
      await writeFile(path.join(outDir, 'robots.tmp'), 'User-agent: *\nDisallow: /\n');
      await rename(path.join(outDir, 'robots.tmp'), path.join(outDir, 'robots.txt'));
    }],
    ['sitemap.xml, replaced by a folder', async (outDir: string) => {
      await rm(path.join(outDir, 'sitemap.xml'));
      await mkdir(path.join(outDir, 'sitemap.xml'));
    }],
  ])('writes %s back with nothing else changed, as a fresh build has it', async (_case, change) => {
    const { root, outDir, run } = await siteWithSpare();
    const fresh = await freshBuild(root);
    expect(await contents(outDir)).toEqual(fresh);
    await change(outDir);

    const rebuilt = await run();
    expect(rebuilt.unchanged).toBe(false);
    expect(await contents(outDir)).toEqual(fresh);
    // Put right once: the build after it has nothing to do.
    expect((await run()).unchanged).toBe(true);
    // And the spare tree did not keep what was done to dist/: the next build that changes something starts from it.
    await appendFile(path.join(root, PRVI), '\nDodan stavek.\n');
    expect((await run()).unchanged).toBe(false);
    expect(await contents(outDir)).toEqual(await freshBuild(root));
    await appendFile(path.join(root, PRVI), '\nŠe en stavek.\n');
    expect((await run()).unchanged).toBe(false);
    expect(await contents(outDir)).toEqual(await freshBuild(root));
  });

  it('takes away a file added at the top of dist/, and no later build brings it back from the spare tree', async () => {
    const { root, outDir, run } = await siteWithSpare();
    await writeFile(path.join(outDir, 'beležka.txt'), 'za jutri\n');

    expect((await run()).unchanged).toBe(false);
    expect(await contents(outDir)).toEqual(await freshBuild(root));
    for (const line of ['\nDodan stavek.\n', '\nŠe en stavek.\n']) {
      await appendFile(path.join(root, PRVI), line);
      expect((await run()).unchanged).toBe(false);
      expect(await contents(outDir)).toEqual(await freshBuild(root));
    }
  });

  it('does not trust a spare tree whose top was changed by something other than arhivar', async () => {
    const { root, outDir, run } = await siteWithSpare();
    const spare = path.join(path.dirname(outDir), '.dist-spare');
    await rm(path.join(spare, 'robots.txt'));
    await rm(path.join(spare, 'iskanje'), { recursive: true });

    await appendFile(path.join(root, PRVI), '\nDodan stavek.\n');
    expect((await run()).unchanged).toBe(false);
    expect(await contents(outDir)).toEqual(await freshBuild(root));
  });

  it('still finds nothing changed when dist/ was only read', async () => {
    const { outDir, run } = await siteWithSpare();
    await readdir(outDir, { recursive: true });
    await readFile(path.join(outDir, 'robots.txt'));
    expect((await run()).unchanged).toBe(true);
  });
});
