import { createHash } from 'node:crypto';
import { findRelated, type RelatedInput } from '../site/related.ts';
import { readCacheFile, writeCacheFile } from './cache.ts';
import { contentCacheVersion } from './version.ts';

/**
 * findRelated for the archive, kept in .cache/ with a hash of all it reads (every article's people, tags
 * and date, in order). Editing an article's text without changing whom it names leaves that hash alone,
 * so a rebuild after such an edit reads the lists back instead of scoring 10,000 articles again (about
 * 130 ms). Only the last result is kept.
 */
interface StoredRelated {
  version: string;
  key: string;
  related: number[][];
}

const FILE = 'related.bin';

export async function relatedArticles(root: string, articles: readonly RelatedInput[], useCache = true): Promise<number[][]> {
  if (!useCache) return findRelated(articles);
  const version = await contentCacheVersion();
  const hash = createHash('sha1');
  for (const article of articles) {
    hash.update(`${article.date.instant.getTime()}\0${article.people.join('\0')}\0\0`);
    for (const tag of article.tags) hash.update(`${tag.slug}\0`);
    hash.update('\n');
  }
  const key = hash.digest('base64url');
  const stored = await readCacheFile<StoredRelated>(root, FILE);
  if (stored?.version === version && stored.key === key && stored.related?.length === articles.length) return stored.related;
  const related = findRelated(articles);
  await writeCacheFile(root, FILE, { version, key, related } satisfies StoredRelated);
  return related;
}
