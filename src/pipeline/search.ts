import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { OutputFile } from '../output/assets.ts';
import { toSearchDocument } from '../search/documents.ts';
import { buildSearchIndex, createStemmer, documentTerms, type DocumentTerms } from '../search/index-builder.ts';
import type { Archive } from '../site/archive.ts';
import { CACHE_DIR, RecordCache } from './cache.ts';
import { codeVersion } from './version.ts';

/**
 * The search index files of the archive, kept in .cache/ with a hash of the documents they were built
 * from: a rebuild whose articles give the same search documents (same order, text, people and tags)
 * reads the files back instead of indexing every article again. One file holds the last index only
 * (an append-only log would keep a copy of the whole index per edit); the key includes arhivar's version. Each file carries the hash of its
 * bytes, so the writer does not hash them again. The terms of each document are kept too
 * (`search-terms-*.log`, keyed by the document's hash), so after an edit only that document is read for words.
 */
interface StoredIndex {
  key: string;
  /** UTF-8 bytes: v8 would store the strings as UTF-16 (they hold č, š, ž), twice the size. */
  files: { path: string; bytes: Uint8Array; hash: string }[];
}

export interface SearchFilesOptions {
  root: string;
  /** Use .cache/ (default true). */
  cache?: boolean | undefined;
}

export async function buildSearchFiles(archive: Pick<Archive, 'articles' | 'peopleById'>, options: SearchFilesOptions): Promise<OutputFile[]> {
  const personName = (id: string) => archive.peopleById.get(id)?.person.name;
  const documents = archive.articles.map((article) => toSearchDocument(article, personName));
  if (options.cache === false) return buildSearchIndex(documents).files;

  const version = await codeVersion();
  const hash = createHash('sha1').update(version);
  const documentKeys = documents.map((document) => {
    const { text, ...rest } = document;
    const key = createHash('sha1').update(JSON.stringify(rest)).update(`\0${text.length}\0`).update(text).digest('base64url');
    hash.update(key);
    return key;
  });
  const key = hash.digest('base64url');
  const file = path.join(options.root, CACHE_DIR, 'search.bin');
  const stored = await readStored(file);
  if (stored?.key === key) return stored.files;

  const termsCache = await RecordCache.open<DocumentTerms>(options.root, 'search-terms', version);
  const stemOf = createStemmer();
  const terms = documents.map((document, n) => {
    let found = termsCache.get(documentKeys[n]!);
    if (!found) {
      found = documentTerms(document, stemOf);
      termsCache.set(documentKeys[n]!, found);
    }
    return found;
  });
  const built = buildSearchIndex(documents, {}, terms).files;
  // Each string is let go once it is encoded, so the index is never held as strings and bytes at once.
  const files = built.map((entry, n) => {
    const bytes = Buffer.from(entry.bytes);
    built[n] = undefined!;
    return { path: entry.path, bytes, hash: createHash('sha1').update(bytes).digest('base64url') };
  });
  await termsCache.save();
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, serialize({ key, files } satisfies StoredIndex));
  await rename(temporary, file);
  return files;
}

async function readStored(file: string): Promise<StoredIndex | undefined> {
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return undefined;
  try {
    return deserialize(bytes) as StoredIndex;
  } catch {
    return undefined;
  }
}
