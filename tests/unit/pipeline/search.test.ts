import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/content/article.ts';
import type { Person } from '../../../src/content/person.ts';
import { searchFiles } from '../../../src/pipeline/search.ts';
import { setRecordKey } from '../../../src/render/fingerprint.ts';
import type { IndexFile } from '../../../src/search/index-builder.ts';
import { makeTempDir, removeDir } from '../../helpers.ts';
import { testArticle } from '../../helpers/article.ts';

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await removeDir(root);
});

function article(title: string, people: string[]): Article {
  return testArticle({
    file: `content/articles/2025/${title}.md`,
    slug: title,
    url: `/2025/12/22/${title}/`,
    title,
    date: { instant: new Date('2025-12-22T12:30:00Z'), hasTime: true },
    summary: 'Prvi odstavek.',
    people,
    html: '<p>Prvi odstavek.</p>',
    text: 'Prvi odstavek o seji občinskega sveta.',
    wordCount: 6,
  });
}

function archiveNaming(name: string, aliases: readonly string[] = []) {
  const articles = [article('seja', ['janez-novak']), article('proracun', [])];
  // As build.ts gives them: the same files, so the same record keys, in both builds.
  articles.forEach((record, n) => setRecordKey(record, `source-${n}\0people-files`));
  const person = { id: 'janez-novak', name, aliases } as Person;
  return { articles, peopleById: new Map([[person.id, { person }]]) } as unknown as Parameters<typeof searchFiles>[0];
}

async function collect(files: AsyncIterable<IndexFile>): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for await (const file of files) result.set(file.path, file.hash);
  return result;
}

/** Every file with its bytes; a file given by hash alone is read from `published` (what dist/ holds). */
async function contents(files: AsyncIterable<IndexFile>, published = new Map<string, string>()): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for await (const file of files) result.set(file.path, file.bytes ? Buffer.from(file.bytes).toString('utf8') : published.get(file.path)!);
  return result;
}

describe('search files kept in .cache/ (pipeline/search.ts)', () => {
  it('makes a document again when only the name of one of its people changed, though its record key did not', async () => {
    const root = await makeTempDir();
    roots.push(root);
    // A person without a file is named as the first article that lists them spells it, so another
    // article's edit can rename them in this one: the record key alone does not say so.
    const before = await collect(searchFiles(archiveNaming('Janez Novak'), { root }));
    const published = new Map(before);
    const after = await collect(searchFiles(archiveNaming('Janko Novakovič'), { root, isPublished: (path, hash) => published.get(path) === hash }));
    const fresh = await collect(searchFiles(archiveNaming('Janko Novakovič'), { root, cache: false }));
    expect(after).toEqual(fresh);
    expect(after).not.toEqual(before);
  });

  it('makes a document again when an alias was added to one of its people, though its record key did not change', async () => {
    const root = await makeTempDir();
    roots.push(root);
    const before = await collect(searchFiles(archiveNaming('Janez Novak'), { root }));
    const published = new Map(before);
    const after = await collect(searchFiles(archiveNaming('Janez Novak', ['Johann Nowak']), { root, isPublished: (path, hash) => published.get(path) === hash }));
    const fresh = await collect(searchFiles(archiveNaming('Janez Novak', ['Johann Nowak']), { root, cache: false }));
    expect(after).toEqual(fresh);
    expect(after).not.toEqual(before);
  });

  it('saves again the terms it had to make while the files were made, when a record in the log no longer decodes', async () => {
    const root = await makeTempDir();
    roots.push(root);
    const archive = archiveNaming('Janez Novak');
    await collect(searchFiles(archive, { root }));
    const name = (await readdir(path.join(root, '.cache'))).find((file) => file.startsWith('search-terms-') && file.endsWith('.log'))!;
    const log = path.join(root, '.cache', name);
    // Damage every record's value (its first byte, v8's version tag); lengths and keys stay readable.
    const bytes = await readFile(log);
    for (let offset = 0; offset < bytes.length; offset += 4 + bytes.readUInt32LE(offset)) bytes[offset + 6 + bytes.readUInt16LE(offset + 4)] = 0;
    await writeFile(log, bytes);

    // Nothing published, so the index is made again and reads every document's terms: each is made anew.
    const again = await collect(searchFiles(archive, { root }));
    const grown = (await stat(log)).size;
    expect(grown).toBeGreaterThan(bytes.length);
    expect(again).toEqual(await collect(searchFiles(archive, { root, cache: false })));
    // The next build finds them in the log and adds nothing.
    await collect(searchFiles(archive, { root }));
    expect((await stat(log)).size).toBe(grown);
  });

  it('makes every file that names a URL again when the site moves under another path, and the same files as a fresh index', async () => {
    const root = await makeTempDir();
    roots.push(root);
    const archive = archiveNaming('Janez Novak');
    const atRoot = await contents(searchFiles(archive, { root }));
    const isPublished = (path: string) => atRoot.has(path);
    for (const basePath of ['/arhiv/', '/']) {
      const moved = await contents(searchFiles(archive, { root, basePath, isPublished, readPublished: (path) => Buffer.from(atRoot.get(path)!) }), atRoot);
      expect(moved).toEqual(await contents(searchFiles(archive, { root, basePath, cache: false })));
      // dist/ keeps its layout; the manifest and the chunks name URLs under the path.
      expect([...moved.keys()].every((path) => path.startsWith('iskanje/'))).toBe(true);
      const manifest = JSON.parse(moved.get('iskanje/indeks.json')!) as { base: string };
      expect(manifest.base).toBe(`${basePath}iskanje/indeks/`);
      const chunks = [...moved].filter(([path]) => path.startsWith('iskanje/indeks/d/'));
      const urls = chunks.flatMap(([, json]) => (JSON.parse(json) as { u: string }[]).map((entry) => entry.u));
      expect(urls.sort()).toEqual([`${basePath}2025/12/22/proracun/`, `${basePath}2025/12/22/seja/`]);
    }
  });

  it('makes a search document only for the edited article and those of the chunk that holds it, not for every article', async () => {
    const root = await makeTempDir();
    roots.push(root);
    // Forty articles of about a kilobyte each, so the index has several chunks of about 8 KB.
    const paragraph = 'Občinski svet je na seji obravnaval proračun, ceste, vrtce in prostorski načrt. '.repeat(12);
    const titlesRead = new Set<number>();
    const archiveOf = (edited: string) => {
      const articles = Array.from({ length: 40 }, (_, n) => {
        const record = testArticle({ file: `content/articles/2025/clanek-${n}.md`, url: `/2025/12/22/clanek-${n}/`, title: `Članek ${n}`, text: n === 10 ? `${paragraph}${edited}` : paragraph });
        setRecordKey(record, n === 10 ? `source-${n}-${edited}\0people-files` : `source-${n}\0people-files`);
        // Counts whose document is made: toSearchDocument reads every article's title.
        const { title } = record;
        Object.defineProperty(record, 'title', { get: () => (titlesRead.add(n), title) });
        return record;
      });
      return { articles, peopleById: new Map() } as unknown as Parameters<typeof searchFiles>[0];
    };
    const before = await contents(searchFiles(archiveOf('Prej.'), { root }));
    expect([...before.keys()].filter((path) => path.startsWith('iskanje/indeks/d/')).length).toBeGreaterThan(3);
    titlesRead.clear();
    const after = await contents(
      searchFiles(archiveOf('Potem so sklenili drugače.'), { root, isPublished: (path) => before.has(path), readPublished: (path) => Buffer.from(before.get(path)!) }),
      before,
    );
    expect(titlesRead.has(10)).toBe(true);
    expect(titlesRead.size).toBeLessThan(10);
    expect(after).toEqual(await contents(searchFiles(archiveOf('Potem so sklenili drugače.'), { root, cache: false })));
  });
});
