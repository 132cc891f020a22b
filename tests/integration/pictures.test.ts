import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { checkSite } from '../../src/commands/check.ts';
import { startDevServer } from '../../src/dev/server.ts';
import type { DevLoadReport } from '../../src/dev/vite-plugin.ts';
import { outputPathFor } from '../../src/site/urls.ts';
import { fragmentElements } from '../support/html.ts';
import { gif, jpeg, png } from '../support/pictures.ts';
import { devSession, listFiles, makeTempDir, removeDir, waitFor } from '../helpers.ts';

const NOW = new Date('2026-01-01T00:00:00Z');

const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"><rect width="300" height="150"/></svg>\n';

function article(title: string, date: string, body: string, people = ''): string {
  return `---\ntitle: "${title}"\ndate: ${date}\ntags: [slike]\n${people}---\n\n${body}\n`;
}

const SEJA = article(
  'Seja sveta s fotografijami',
  '2025-03-10',
  [
    '![Županja na seji](/slike/seja.png "Foto: Bor Kos/STA")',
    '',
    'Občinski svet je sprejel proračun za prihodnje leto.',
    '',
    '![Pokončna fotografija dvorane](/slike/dvorana.jpg)',
    '',
    '![Zemljevid občine](/slike/zemljevid.svg) in ![Posnetek iz drugega vira](https://example.si/slika.jpg)',
    '',
    '![Fotografija ob članku](slike/ob-clanku.png)',
  ].join('\n'),
  'people: [Ana Novak]\n',
);

const ANA = '---\nname: Ana Novak\nrole: županja\ngender: f\n---\n\nAna Novak je županja.\n\n![Ana Novak](/slike/portret.gif "Foto: arhiv občine")\n';

const DRUGI = article('Drugi članek brez slik', '2025-03-11', 'Besedilo brez fotografij, le o seji odbora.');

async function site(): Promise<string> {
  const root = await makeTempDir('arhivar-pictures-');
  await mkdir(path.join(root, 'content', 'articles', '2025'), { recursive: true });
  await mkdir(path.join(root, 'content', 'people'), { recursive: true });
  await mkdir(path.join(root, 'public', 'slike'), { recursive: true });
  await mkdir(path.join(root, 'public', '2025', '03', '10', 'seja-sveta-s-fotografijami', 'slike'), { recursive: true });
  await writeFile(path.join(root, 'content', 'site.yaml'), 'title: Testni arhiv\ndescription: Arhiv za preizkuse\nbaseUrl: https://arhiv.testni-dnevnik.si/\n');
  await writeFile(path.join(root, 'content', 'articles', '2025', 'seja.md'), SEJA);
  await writeFile(path.join(root, 'content', 'articles', '2025', 'drugi.md'), DRUGI);
  await writeFile(path.join(root, 'content', 'people', 'ana-novak.md'), ANA);
  await writeFile(path.join(root, 'public', 'slike', 'portret.gif'), gif(240, 320));
  await writeFile(path.join(root, 'public', 'slike', 'seja.png'), png(640, 360));
  // The frame header comes after 20 KB of EXIF: more than the reader's first read.
  await writeFile(path.join(root, 'public', 'slike', 'dvorana.jpg'), jpeg(4032, 3024, { orientation: 6, exifBytes: 20_000 }));
  await writeFile(path.join(root, 'public', 'slike', 'zemljevid.svg'), SVG);
  await writeFile(path.join(root, 'public', '2025', '03', '10', 'seja-sveta-s-fotografijami', 'slike', 'ob-clanku.png'), png(200, 100));
  return root;
}

const SEJA_PAGE = '/2025/03/10/seja-sveta-s-fotografijami/';
const DRUGI_PAGE = '/2025/03/11/drugi-clanek-brez-slik/';

async function snapshot(outDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of await listFiles(outDir)) files.set(file, createHash('sha256').update(await readFile(path.join(outDir, file))).digest('hex'));
  return files;
}

const session = devSession();
const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await removeDir(folder);
});

async function outFolder(): Promise<string> {
  const folder = await makeTempDir('arhivar-pictures-dist-');
  folders.push(folder);
  return path.join(folder, 'dist');
}

function pictures(html: string) {
  const body = html.slice(html.indexOf('class="article-body"'));
  return fragmentElements(body)
    .filter((element) => element.tag === 'img')
    .map(({ attrs }) => ({ src: attrs.src, width: attrs.width, height: attrs.height, loading: attrs.loading, decoding: attrs.decoding }));
}

function meta(html: string, property: string): string | undefined {
  return new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1];
}

describe('pictures of a body get the width and height of their file in public/', () => {
  it('from PNG, JPEG (turned by its EXIF orientation) and SVG headers, root- and page-relative; none for another host', async () => {
    const root = await site();
    folders.push(root);
    const outDir = await outFolder();
    await build({ root, outDir, now: NOW });
    const html = await readFile(path.join(outDir, outputPathFor(SEJA_PAGE)), 'utf8');
    expect(pictures(html)).toEqual([
      { src: '/slike/seja.png', width: '640', height: '360', loading: undefined, decoding: 'async' },
      { src: '/slike/dvorana.jpg', width: '3024', height: '4032', loading: 'lazy', decoding: 'async' },
      { src: '/slike/zemljevid.svg', width: '300', height: '150', loading: 'lazy', decoding: 'async' },
      { src: 'https://example.si/slika.jpg', width: undefined, height: undefined, loading: 'lazy', decoding: 'async' },
      { src: 'slike/ob-clanku.png', width: '200', height: '100', loading: 'lazy', decoding: 'async' },
    ]);
    expect(meta(html, 'og:image')).toBe('https://arhiv.testni-dnevnik.si/slike/seja.png');
    expect(meta(html, 'og:image:width')).toBe('640');
    expect(meta(html, 'og:image:height')).toBe('360');
    // A bio's picture, on the person's page.
    const person = await readFile(path.join(outDir, outputPathFor('/osebe/ana-novak/')), 'utf8');
    const bio = fragmentElements(person.slice(person.indexOf('class="bio"'))).find((element) => element.tag === 'img');
    expect(bio?.attrs).toMatchObject({ src: '/slike/portret.gif', width: '240', height: '320', decoding: 'async' });
  });

  it('a picture replaced by one of other dimensions changes the page that shows it and nothing else, as a fresh build makes it', async () => {
    const root = await site();
    folders.push(root);
    const outDir = await outFolder();
    await build({ root, outDir, now: NOW });
    const before = await snapshot(outDir);

    await writeFile(path.join(root, 'public', 'slike', 'seja.png'), png(1200, 800));
    const rebuilt = await build({ root, outDir, now: NOW });
    const after = await snapshot(outDir);
    const html = await readFile(path.join(outDir, outputPathFor(SEJA_PAGE)), 'utf8');
    expect(pictures(html)[0]).toMatchObject({ width: '1200', height: '800' });
    expect(meta(html, 'og:image:width')).toBe('1200');
    const changed = [...after].filter(([file, sha]) => before.get(file) !== sha).map(([file]) => file).sort();
    // The page, and the picture itself, copied from public/.
    expect(changed).toEqual([outputPathFor(SEJA_PAGE), 'slike/seja.png'].sort());
    expect(rebuilt.pagesRendered).toBe(1);

    const fresh = await outFolder();
    await build({ root, outDir: fresh, now: NOW, cache: false });
    expect(after).toEqual(await snapshot(fresh));
    // The page without pictures is as it was.
    expect(after.get(outputPathFor(DRUGI_PAGE))).toBe(before.get(outputPathFor(DRUGI_PAGE)));
  });

  it('warns, with the article and the line, of a picture whose file is no picture (a web page saved as .jpg)', async () => {
    const root = await site();
    folders.push(root);
    await writeFile(path.join(root, 'public', 'slike', 'dvorana.jpg'), '<!DOCTYPE html>\n<html><head><title>Dvorana</title></head><body>Stran ni najdena</body></html>\n');
    const outDir = await outFolder();
    const built = await build({ root, outDir, now: NOW });
    const warning = built.model.warnings.find((entry) => entry.code === 'article/unreadable-picture');
    expect(warning).toMatchObject({ file: 'content/articles/2025/seja.md', line: 12 });
    expect(warning!.message).toContain('public/slike/dvorana.jpg');
    // The page is still made, the picture without a size.
    expect(pictures(await readFile(path.join(outDir, outputPathFor(SEJA_PAGE)), 'utf8'))[1]).toMatchObject({ src: '/slike/dvorana.jpg', width: undefined });

    const checked = await checkSite({ root, now: NOW });
    expect(checked.warnings.filter((entry) => entry.code === 'article/unreadable-picture').map((entry) => [entry.file, entry.line])).toEqual([['content/articles/2025/seja.md', 12]]);
  });

  it('in arhivar dev too, and a picture replaced there shows its new size after the reload', async () => {
    const root = await site();
    session.folders.push(root);
    const loads: DevLoadReport[] = [];
    session.server = await startDevServer({ root, port: 0, logLevel: 'silent', now: () => NOW.getTime(), onLoad: (report) => loads.push(report) });
    await waitFor(() => loads.length > 0, 'the first load');
    const page = async () => pictures(await (await fetch(new URL(SEJA_PAGE, session.server!.url))).text())[0];
    expect(await page()).toMatchObject({ src: '/slike/seja.png', width: '640', height: '360' });
    await writeFile(path.join(root, 'public', 'slike', 'seja.png'), png(1200, 800));
    await waitFor(() => loads.length > 1, 'the load after public/ changed');
    expect(await page()).toMatchObject({ width: '1200', height: '800' });
  });
});
