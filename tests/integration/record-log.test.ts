import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, copyFixture, listFiles, temporaryFolders } from '../helpers.ts';

const folder = temporaryFolders();
const TRETJI = 'content/articles/2025/tretji.md';

/** `outDir` holds the files of a build from scratch, byte for byte, and the build told the same warnings. */
async function expectFresh(root: string, outDir: string, warnings: readonly { code: string; file?: string | undefined; message: string }[]): Promise<void> {
  const fresh = await buildSite(root, { cache: false });
  const files = await listFiles(outDir);
  expect(files).toEqual(await fresh.files());
  for (const file of files) expect(await readFile(path.join(outDir, file), 'utf8'), file).toBe(await readFile(path.join(fresh.outDir, file), 'utf8'));
  const told = (list: typeof warnings) => list.map(({ code, file, message }) => ({ code, file, message }));
  expect(told(warnings)).toEqual(told(fresh.result.model.warnings));
}

async function appendTo(root: string, file: string, text: string): Promise<void> {
  await writeFile(path.join(root, file), `${await readFile(path.join(root, file), 'utf8')}${text}`);
}

/** The log of article records in .cache/ (build.ts). */
async function recordLog(root: string): Promise<string> {
  const name = (await readdir(path.join(root, '.cache'))).find((entry) => entry.startsWith('records-') && entry.endsWith('.log'));
  expect(name).toBeDefined();
  return path.join(root, '.cache', name!);
}

describe('the article records a rebuild takes from .cache/', () => {
  it('are made again when a person file is added for a name an unchanged article lists', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await folder(), 'dist');
    await writeFile(path.join(root, TRETJI), (await readFile(path.join(root, TRETJI), 'utf8')).replace('people: [Darja Žagar, Cene Zupan]', 'people: [Darja Žagar, Cene Zupan, Hana Kos]'));
    const first = await buildSite(root, { outDir });
    expect(first.result.model.warnings.map((warning) => [warning.code, warning.file])).toContainEqual(['article/unknown-person', TRETJI]);
    await appendTo(root, 'content/articles/2025/drugi.md', '\nDodatek.\n');
    await buildSite(root, { outDir });

    // tretji.md is as it was; what its record is made from is not.
    await writeFile(path.join(root, 'content/people/hana-kos.md'), '---\nname: Hana Kos\ngender: f\nrole: ravnateljica\n---\n\nRavnateljica šole.\n');
    const built = await buildSite(root, { outDir });
    expect(built.result.model.warnings.map((warning) => warning.code)).not.toContain('article/unknown-person');
    await expectFresh(root, outDir, built.result.model.warnings);
  });

  it('are not trusted when a byte of theirs is damaged, and the build is the one a fresh build makes', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await folder(), 'dist');
    await buildSite(root, { outDir });
    await appendTo(root, 'content/articles/2025/drugi.md', '\nDodatek.\n');
    await buildSite(root, { outDir });

    // A person's id in the record of an article not edited since: read as it is, the article would name »cene-zupbn«.
    const log = await recordLog(root);
    const bytes = await readFile(log);
    const at = bytes.indexOf('cene-zupan');
    expect(at).toBeGreaterThan(0);
    bytes[at + 8] = 'b'.charCodeAt(0);
    await writeFile(log, bytes);
    await appendTo(root, 'content/articles/2025/peti.md', '\nDodatek.\n');
    const built = await buildSite(root, { outDir });
    expect(await listFiles(outDir)).not.toContain('osebe/cene-zupbn/index.html');
    await expectFresh(root, outDir, built.result.model.warnings);
  });

  // A legal takedown: the record keeps the names an article's people: lists who have no person file, and the
  // warnings that quote them, which .cache/ (kept between CI runs) must not hold once the article is gone.
  it('of an article taken down are erased from .cache/', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await folder(), 'dist');
    const story = 'content/articles/2025/zgodba.md';
    await writeFile(path.join(root, story), '---\ntitle: "Zgodba"\ndate: 2025-03-02\npeople: [Zoran Kvarkopletnik]\ntags: [preizkus]\n---\n\nBesedilo zgodbe.\n');
    await buildSite(root, { outDir });
    await appendTo(root, 'content/articles/2025/drugi.md', '\nDodatek.\n');
    await buildSite(root, { outDir });
    const holding = async () => {
      const bytes = await readFile(await recordLog(root));
      return ['utf8', 'latin1', 'utf16le'].some((encoding) => bytes.toString(encoding as BufferEncoding).includes('Kvarkopletnik'));
    };
    expect(await holding()).toBe(true);

    await rm(path.join(root, story));
    await buildSite(root, { outDir });
    expect(await holding()).toBe(false);
  });
});
