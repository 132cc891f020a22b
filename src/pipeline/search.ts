import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../content/article.ts';
import { contentKeyOf, recordKeyOf } from '../render/fingerprint.ts';
import { archivePersonNames, searchOrder, toSearchDocument } from '../search/documents.ts';
import {
  createStemmer,
  documentTerms,
  freshInput,
  indexFiles,
  reuseLayout,
  type DocumentList,
  type DocumentTerms,
  type IndexFile,
  type IndexLayout,
  type SearchDocument,
  type TermsList,
} from '../search/index-builder.ts';
import type { Archive } from '../site/archive.ts';
import { CACHE_DIR, readCacheFile, RecordCache, writeCacheFile, type Erasures } from './cache.ts';
import { contentCacheVersion } from './version.ts';
import { sha1 } from '../hash.ts';

/**
 * The search index files of the archive, made again only where the archive changed. .cache/ keeps:
 * - the terms of each document (`search-terms-*.log`, keyed by the document's key), so after an edit only
 *   the edited article is read for words;
 * - the layout of the last index (`search-layout.bin`: which documents, stems and files it had), so a shard
 *   or chunk that holds none of the edited articles is not made again. Such a file is given to the
 *   publisher by name and hash only, and only when the published dist/ already holds it with those bytes.
 * A document's key hashes what is indexed of it; its text stands in by the hash of the Markdown it was
 * rendered from, so an unchanged article's text is not even decoded.
 */
interface StoredLayout {
  version: string;
  layout: IndexLayout;
}

export interface SearchFilesOptions {
  root: string;
  /** Use .cache/ (default true). */
  cache?: boolean | undefined;
  /** The path the site is published under (site/urls.ts basePathOf); "/" by default. */
  basePath?: string | undefined;
  /** True when the published dist/ holds this file with these bytes (see output/publish.ts PublishedTree). */
  isPublished?: ((path: string, hash: string) => boolean) | undefined;
  /** The bytes of a file of the published dist/, when it holds it with these bytes (PublishedTree.read). */
  readPublished?: ((path: string, hash: string) => Uint8Array | undefined) | undefined;
  /** Told, once the terms are saved, the records of documents no longer indexed (see Erasures). */
  erasures?: Erasures | undefined;
}

const LAYOUT_FILE = 'search-layout.bin';
/** The file earlier versions kept the whole index in (tens of MB); removed when the layout is written. */
const OLD_INDEX_FILE = 'search.bin';

/**
 * The search files, made one at a time as the publisher takes them (see indexFiles): the manifest comes
 * last. The terms are saved before the first file is made (and any made while the files are), the layout
 * after the last.
 */
export async function* searchFiles(archive: Pick<Archive, 'articles' | 'peopleById'>, options: SearchFilesOptions): AsyncGenerator<IndexFile> {
  const personNames = archivePersonNames(archive);
  const articles = searchOrder(archive.articles);
  const basePath = options.basePath ?? '/';
  if (options.cache === false) {
    yield* indexFiles(freshInput(articles.map((article) => toSearchDocument(article, personNames, basePath)), { basePath }));
    return;
  }
  // Made only when the index reads one: after an edit, the edited articles' and those of the chunk that holds
  // them. Each unchanged article is known by its key alone (documentKeys).
  const made: (SearchDocument | undefined)[] = [];
  const documentAt = (n: number): SearchDocument => (made[n] ??= toSearchDocument(articles[n]!, personNames, basePath));
  const documents: DocumentList = { length: articles.length, at: documentAt };

  const version = await contentCacheVersion();
  const keyOf = documentKeys(personNames, basePath);
  const keys = articles.map((article, n) => keyOf(article, n, documentAt));
  const storedLayout = await readCacheFile<StoredLayout>(options.root, LAYOUT_FILE);
  const stored = storedLayout?.version === version && Array.isArray(storedLayout.layout?.documents) ? storedLayout.layout : undefined;
  const isPublished = options.isPublished ?? (() => false);
  // Nothing indexed changed and dist/ holds every file: only the manifest is made (and it is the same).
  // (A document's key holds its URL, so a site moved to another base path is indexed again.)
  const unchanged = stored && sameKeys(stored.documents, keys) ? reuseLayout(stored, basePath).files : undefined;
  if (unchanged?.every((file) => file.bytes !== undefined || isPublished(file.path, file.hash))) {
    yield* unchanged;
    return;
  }

  // Indexed: a rebuild reads the terms of the edited documents alone, and keeps the others.
  const termsCache = await RecordCache.open<DocumentTerms>(options.root, 'search-terms', version, { indexed: true });
  // A build with nothing kept reads every document: they are made first, all together. Made one at a time between
  // the terms of each, they cost a cold build's search files about 0.25 s more CPU at 10,000 articles (a median of
  // 2.47 against 2.22 s, 5 and 8 runs in one process each), for no reason found.
  if (!stored) for (let n = 0; n < articles.length; n++) documentAt(n);
  const stemOf = createStemmer();
  const termsOf = (n: number): DocumentTerms => {
    let found = termsCache.get(keys[n]!);
    if (!found) {
      found = documentTerms(documentAt(n), stemOf);
      termsCache.set(keys[n]!, found);
    }
    return found;
  };
  // Every document's terms stay in the log for later builds; they are read (decoded) only when the index
  // needs them, which after an edit in place is the edited documents' alone.
  for (let n = 0; n < keys.length; n++) if (!termsCache.keep(keys[n]!)) termsOf(n);
  const terms: TermsList = { length: keys.length, at: termsOf };
  const previous = stored && { layout: stored, termsBefore: (key: string) => termsCache.peek(key), isPublished, readPublished: options.readPublished };
  await termsCache.save();
  const madeFiles = indexFiles({ documents, keys, terms, previous, options: { basePath } });
  let next = madeFiles.next();
  for (; !next.done; next = madeFiles.next()) yield next.value;
  // Terms made again while the files were made (a record in the log that no longer decoded).
  await termsCache.save();
  options.erasures?.add(termsCache.staleRecords());
  await writeCacheFile(options.root, LAYOUT_FILE, { version, layout: next.value.layout } satisfies StoredLayout);
  await rm(path.join(options.root, CACHE_DIR, OLD_INDEX_FILE), { force: true });
}

/**
 * A document's key hashes everything of it that the index holds (a key changes whenever any of it does).
 * An article with a record key (build.ts) is named by it, the site's base path and its people's names, so no
 * document is made for an unchanged article: a record key names everything of the article (its fields, URL
 * and tags included; page fingerprints rely on that too), and the document is made from the article, the base
 * path its URL is under, and the names its people are found by. Those are not in the record key: a person
 * without a file is named as the first article to list them spells it, and a person's aliases come from their
 * file. Each person's names are hashed once, not in every article's key: a key of ASCII alone hashed in about
 * half the time (measured at 10,000 articles), and a person is named by tens or hundreds of articles.
 * Otherwise the document's fields are hashed, the text by the key of the Markdown it came from.
 */
function documentKeys(personNames: (id: string) => readonly string[], basePath: string): (article: Article, n: number, documentAt: (n: number) => SearchDocument) => string {
  const hashedNames = new Map<string, string>();
  const namesOf = (id: string): string => {
    let hashed = hashedNames.get(id);
    if (hashed === undefined) hashedNames.set(id, (hashed = sha1(personNames(id).join('\0'))));
    return hashed;
  };
  return (article, n, documentAt) => {
    const recordKey = recordKeyOf(article);
    if (recordKey !== undefined) {
      let input = `record\0${recordKey}\0${basePath}`;
      for (const id of article.people) input += `\0${namesOf(id)}`;
      return sha1(input);
    }
    const document = documentAt(n);
    const hash = createHash('sha1').update(JSON.stringify([document.url, document.title, document.date, document.dateTime, document.keywords ?? [], article.summary ?? null]));
    const contentKey = contentKeyOf(article);
    if (contentKey !== undefined) hash.update(`\0markdown\0${contentKey}`);
    else {
      const text = document.text;
      hash.update(`\0text\0${text.length}\0`).update(text);
    }
    return hash.digest('base64url');
  };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, n) => key === b[n]);
}

