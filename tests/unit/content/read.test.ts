import { createHash } from 'node:crypto';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { decodeText, readContent, readSiteFile, readText, toProjectPath, withoutText, type KnownFiles } from '../../../src/content/read.ts';
import { ArhivarError } from '../../../src/errors.ts';
import { sourceKey } from '../../../src/pipeline/articles.ts';
import { writeCacheFile } from '../../../src/pipeline/cache.ts';
import { KNOWN_FILES, readKnownFiles } from '../../../src/pipeline/unchanged.ts';
import { makeTempDir } from '../../helpers.ts';

describe('readContent', () => {
  it('reports content/people as a link to nothing, and reads the articles all the same', async () => {
    const root = await makeTempDir('arhivar-read-');
    await mkdir(path.join(root, 'content/articles'), { recursive: true });
    await writeFile(path.join(root, 'content/articles/a.md'), '---\ntitle: Župan\ndate: 2025-01-01\n---\n\nBesedilo.\n');
    await symlink(path.join(root, 'drugje'), path.join(root, 'content/people'));
    const sources = await readContent(root);
    expect(sources.articles.map((source) => source.file)).toEqual(['content/articles/a.md']);
    expect(sources.errors.map((error) => [error.code, error.file, error.message])).toEqual([
      ['content/not-a-folder', 'content/people', 'content/people is a link to nothing, so nothing in it can be read'],
    ]);
  });

  it('does not follow content/articles, content/people or content/site.yaml when they are links out of content/', async () => {
    const root = await makeTempDir('arhivar-read-');
    const outside = await makeTempDir('arhivar-outside-');
    await mkdir(path.join(outside, 'clanki'), { recursive: true });
    await mkdir(path.join(outside, 'osebe'), { recursive: true });
    await writeFile(path.join(outside, 'clanki', 'skrivnost.md'), '---\ntitle: Skrivnost\ndate: 2025-01-01\n---\n\nBesedilo.\n');
    await writeFile(path.join(outside, 'osebe', 'ana-novak.md'), '---\nname: Ana Novak\n---\n');
    await writeFile(path.join(outside, 'nastavitve.yaml'), 'title: Ni naš\n');
    await mkdir(path.join(root, 'content'), { recursive: true });
    await symlink(path.join(outside, 'clanki'), path.join(root, 'content/articles'));
    await symlink(path.join(outside, 'osebe'), path.join(root, 'content/people'));
    await symlink(path.join(outside, 'nastavitve.yaml'), path.join(root, 'content/site.yaml'));
    const sources = await readContent(root);
    expect([sources.site, sources.articles, sources.people]).toEqual([undefined, [], []]);
    expect(sources.errors.map((error) => [error.code, error.file])).toEqual([
      ['content/symlink-outside', 'content/articles'],
      ['content/symlink-outside', 'content/people'],
      ['content/symlink-outside', 'content/site.yaml'],
    ]);
    expect(sources.errors[2]!.message).toContain('nastavitve.yaml');
    // Nor do the commands that read the settings alone (check and the dev server take baseUrl from them).
    expect(await readSiteFile(root)).toBeUndefined();
    await rm(path.join(root, 'content/site.yaml'));
    await writeFile(path.join(root, 'content/site.yaml'), 'title: Naš\n');
    expect((await readSiteFile(root))?.text).toBe('title: Naš\n');
  });

  it('follows content/articles and content/site.yaml when they are links that stay inside content/', async () => {
    const root = await makeTempDir('arhivar-read-');
    await mkdir(path.join(root, 'content/arhiv-2025'), { recursive: true });
    await writeFile(path.join(root, 'content/arhiv-2025/a.md'), '---\ntitle: Župan\ndate: 2025-01-01\n---\n\nBesedilo.\n');
    await writeFile(path.join(root, 'content/nastavitve.yaml'), 'title: Naš\n');
    await symlink('arhiv-2025', path.join(root, 'content/articles'));
    await symlink('nastavitve.yaml', path.join(root, 'content/site.yaml'));
    const sources = await readContent(root);
    expect(sources.errors).toEqual([]);
    expect(sources.site?.text).toBe('title: Naš\n');
    expect(sources.articles.map((source) => source.file)).toEqual(['content/articles/a.md']);
  });

  it('gives each file the hash of its decoded text, and keys by it as by the text itself', async () => {
    const root = await makeTempDir('arhivar-read-');
    await mkdir(path.join(root, 'content/articles'), { recursive: true });
    // Windows line endings and a BOM: the hash is of the text as arhivar reads it, not of the bytes.
    await writeFile(path.join(root, 'content/articles/a.md'), '\ufeff---\r\ntitle: Župan\r\ndate: 2025-01-01\r\n---\r\n\r\nBesedilo.\r\n');
    const { articles } = await readContent(root);
    const [source] = articles;
    expect(source!.text).toBe('---\ntitle: Župan\ndate: 2025-01-01\n---\n\nBesedilo.\n');
    expect(source!.hash).toBe(createHash('sha1').update(source!.text).digest('base64url'));
    // The key changes with the text whether it is made from the hash or from the text.
    const other = { ...source!, text: source!.text.replace('Župan', 'Županja') };
    expect(sourceKey(source!)).not.toBe(sourceKey({ ...other, hash: createHash('sha1').update(other.text).digest('base64url') }));
    expect(sourceKey({ ...source!, hash: undefined })).not.toBe(sourceKey({ ...other, hash: undefined }));
  });
});

describe('toProjectPath', () => {
  it('gives the path from the root with / between folders, as path.relative does, for any two paths', () => {
    const part = fc.constantFrom('content', 'articles', 'a.md', '.', '..', '', 'č ž', '.skrito', 'x..y');
    const somePath = fc.tuple(fc.boolean(), fc.array(part, { maxLength: 5 })).map(([absolute, parts]) => `${absolute ? '/' : ''}${parts.join('/')}`);
    fc.assert(
      fc.property(somePath, somePath, fc.boolean(), (root, rest, joined) => {
        const absolute = joined ? path.join(root, rest) : `${root}/${rest}`;
        expect(toProjectPath(root, absolute)).toBe(path.relative(root, absolute).split(path.sep).join('/'));
      }),
      { numRuns: 3000 },
    );
  });

  it.runIf(path.sep === '/')('cuts a path listed under the root without resolving it, as a rebuild asks for 10,000 (issue 6)', () => {
    const relative = vi.spyOn(path, 'relative');
    try {
      expect(toProjectPath('/srv/arhiv', path.join('/srv/arhiv', 'content/articles/2025/a.md'))).toBe('content/articles/2025/a.md');
      expect(relative).not.toHaveBeenCalled();
    } finally {
      relative.mockRestore();
    }
  });
});

describe('withoutText', () => {
  it('gives a record of the file that reads its text again when asked for, checked against the hash', async () => {
    const root = await makeTempDir('arhivar-read-');
    await mkdir(path.join(root, 'content/articles'), { recursive: true });
    const file = path.join(root, 'content/articles/a.md');
    await writeFile(file, '---\ntitle: Župan\n---\n\nBesedilo.\n');
    const [source] = (await readContent(root)).articles;
    const kept = withoutText(root, source!);
    // The original let go of, as a load does: the record still gives the text, from the file.
    source!.text = '';
    expect([kept.file, kept.hash, kept.mtimeMs]).toEqual([source!.file, source!.hash, source!.mtimeMs]);
    expect(withoutText(root, kept).text).toBe('---\ntitle: Župan\n---\n\nBesedilo.\n');
    await writeFile(file, '---\ntitle: Županja\n---\n\nBesedilo.\n');
    expect(() => withoutText(root, kept).text).toThrow(/changed while arhivar was building/);
  });

  it('copies a record without a hash, text and all: its text could not be checked if read again', () => {
    const source = { file: 'content/articles/a.md', text: 'Besedilo.', mtimeMs: 0 };
    const copy = withoutText('/nowhere', source);
    source.text = '';
    expect(copy.text).toBe('Besedilo.');
  });
});

describe('readContent with what an earlier read learned (KnownFiles)', () => {
  const A = 'content/articles/a.md';
  const TEXT = '---\ntitle: Župan\ndate: 2025-01-01\n---\n\nBesedilo.\n';

  async function projectWithArticle() {
    const root = await makeTempDir('arhivar-known-');
    await mkdir(path.join(root, 'content/articles'), { recursive: true });
    await writeFile(path.join(root, A), TEXT);
    const first = await readContent(root, { known: new Map() });
    return { root, learned: first.known! };
  }

  /** The same facts as if they had been learned well after the file's last change (see STABLE_MS). */
  function learnedLater(learned: KnownFiles, changes: { hash?: string } = {}): KnownFiles {
    return new Map([...learned].map(([file, entry]) => [file, { ...entry, ...changes, readAtMs: entry.readAtMs + 10_000 }]));
  }

  it('learns every file it reads: its hash and the stat that shows it unchanged', async () => {
    const { learned } = await projectWithArticle();
    const entry = learned.get(A)!;
    expect(entry.hash).toBe(createHash('sha1').update(TEXT).digest('base64url'));
    expect(entry.size).toBe(Buffer.byteLength(TEXT));
    expect(entry.ino).toBeGreaterThan(0);
  });

  it('does not read a file whose stat is unchanged until its text is asked for', async () => {
    const { root, learned } = await projectWithArticle();
    // A wrong hash shows where the answer came from: had the file been read, its real hash would be given.
    const { articles, known } = await readContent(root, { known: learnedLater(learned, { hash: 'not-the-real-hash' }) });
    expect(articles[0]!.hash).toBe('not-the-real-hash');
    expect(known!.get(A)!.hash).toBe('not-the-real-hash');
    // Asked for, the text is read, and bytes that do not match the hash stop the build.
    const error = (() => {
      try {
        return articles[0]!.text;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ArhivarError);
    expect((error as ArhivarError).code).toBe('content/changed-during-build');
    expect((error as ArhivarError).file).toBe(A);
  });

  it('reads an unread file’s text when asked for, and lets the text go when set to ""', async () => {
    const { root, learned } = await projectWithArticle();
    const { articles } = await readContent(root, { known: learnedLater(learned) });
    const [source] = articles;
    expect(source!.text).toBe(TEXT);
    source!.text = '';
    expect(source!.text).toBe('');
  });

  it('says a file removed before its text was read was removed', async () => {
    const { root, learned } = await projectWithArticle();
    const { articles } = await readContent(root, { known: learnedLater(learned) });
    await rm(path.join(root, A));
    expect(() => articles[0]!.text).toThrow(/was removed or became unreadable while arhivar was building/);
  });

  it('reads a file again when it changed, even to bytes of the same length', async () => {
    const { root, learned } = await projectWithArticle();
    const edited = TEXT.replace('Besedilo.', 'Popravek.');
    expect(edited.length).toBe(TEXT.length);
    await writeFile(path.join(root, A), edited);
    const { articles } = await readContent(root, { known: learnedLater(learned) });
    expect(articles[0]!.text).toBe(edited);
    expect(articles[0]!.hash).toBe(createHash('sha1').update(edited).digest('base64url'));
  });

  it('reads a file again when it had changed just before the earlier read (its timestamps cannot be trusted)', async () => {
    const { root, learned } = await projectWithArticle();
    // As learned: read within a moment of being written.
    const fresh = new Map([...learned].map(([file, entry]) => [file, { ...entry, hash: 'not-the-real-hash' }]));
    const { articles } = await readContent(root, { known: fresh });
    expect(articles[0]!.hash).toBe(createHash('sha1').update(TEXT).digest('base64url'));
  });
});

describe('readText', () => {
  it('gives the sha1 of the decoded text, whether it hashes the bytes read or the text', () => {
    const sha1 = (text: string) => createHash('sha1').update(text).digest('base64url');
    const decomposed = '---\ntitle: Župan\n---\n\nAmeričani.\n'.normalize('NFD');
    for (const text of ['---\ntitle: Župan\n---\n\nBesedilo.\n', '\ufeff---\ntitle: Z BOM\n---\n', 'Vrstica\r\nz CRLF\r\n', 'Stari Mac\rkonec', '', decomposed]) {
      const bytes = new TextEncoder().encode(text);
      // TextEncoder writes a leading U+FEFF as the byte-order mark's three bytes, as an editor would.
      expect(readText(bytes, 'a.md').hash).toBe(sha1(decodeText(bytes, 'a.md')));
    }
  });

  it('composes letters saved decomposed (NFD: c + combining caron), keeping every line where it was', () => {
    const text = '---\ntitle: Ušakov\n---\n\nAmeričani\r\nin Ženeva.\n';
    const bytes = new TextEncoder().encode(text.normalize('NFD'));
    const read = readText(bytes, 'a.md');
    expect(read.text).toBe('---\ntitle: Ušakov\n---\n\nAmeričani\nin Ženeva.\n');
    expect(read.text.split('\n')).toHaveLength(text.split('\n').length);
    // The same text as the file saved composed, so the same hash: a build sees one article, however it was saved.
    expect(read.hash).toBe(readText(new TextEncoder().encode(text), 'b.md').hash);
  });
});

describe('decodeText', () => {
  /** The error decodeText throws for `bytes`. */
  function decodeError(bytes: Uint8Array): ArhivarError {
    try {
      decodeText(bytes, 'content/articles/2025/a.md');
    } catch (error) {
      if (error instanceof ArhivarError) return error;
      throw error;
    }
    throw new Error('decoded without an error');
  }

  it('says a Windows-1250 file looks like one, and gives the iconv command from windows-1250', () => {
    const error = decodeError(Uint8Array.from([...new TextEncoder().encode('---\ntitle: '), 0x8a, 0x6b, 0x6f, 0x66, 0x6a, 0x61, 0x0a]));
    expect([error.code, error.line, error.message]).toEqual(['content/not-utf8', 2, 'file is not valid UTF-8 (byte 0x8a at offset 11); it looks like a legacy encoding such as Windows-1250']);
    expect(error.hint).toContain('iconv -f windows-1250 -t utf-8');
  });

  it('says a file saved as UTF-16 (Notepad\'s "Unicode") is one, and gives the iconv command from utf-16, not windows-1250', () => {
    const text = '---\ntitle: Župan\ndate: 2025-01-01\n---\n';
    const littleEndian = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8])]);
    const bigEndian = Uint8Array.from([0xfe, 0xff, ...[...text].flatMap((char) => [char.charCodeAt(0) >> 8, char.charCodeAt(0) & 0xff])]);
    for (const bytes of [littleEndian, bigEndian]) {
      const error = decodeError(bytes);
      expect([error.code, error.line, error.file]).toEqual(['content/not-utf8', 1, 'content/articles/2025/a.md']);
      expect(error.message).toBe('file is saved as UTF-16 (it starts with the byte-order mark of UTF-16, as Windows Notepad saves "Unicode"), not UTF-8');
      expect(error.hint).toBe(
        'save it again as UTF-8 (in Notepad: Save as, Encoding UTF-8), or convert it: iconv -f utf-16 -t utf-8 "content/articles/2025/a.md" > "content/articles/2025/a.md.utf8" && mv "content/articles/2025/a.md.utf8" "content/articles/2025/a.md"',
      );
    }
  });
});

describe('readKnownFiles', () => {
  it('forgets a record of version 1, whose hashes were of the text before it was composed', async () => {
    const root = await makeTempDir('arhivar-known-');
    const files: KnownFiles = new Map([['content/articles/a.md', { size: 1, mtimeMs: 1, ctimeMs: 1, ino: 1, hash: 'h', readAtMs: 1 }]]);
    await writeCacheFile(root, KNOWN_FILES, { version: 1, files });
    expect(await readKnownFiles(root)).toEqual(new Map());
  });
});
