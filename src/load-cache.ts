import type { validateArticle } from './content/article.ts';
import type { RenderedMarkdown } from './markdown/render.ts';
import type { DetectedPeople } from './workers/markdown-pool.ts';
import type { BlobLog } from './pipeline/blob-log.ts';

/**
 * Parse results kept between loads by the dev server: an article whose text is unchanged is neither
 * validated nor rendered again. Keyed by file and compared by the full text, so an edit that keeps
 * the modification time (or a clock skew) can never serve a stale page.
 */
export interface LoadCache {
  articles: Map<string, { text: string; value: ReturnType<typeof validateArticle> }>;
  markdown: Map<string, { text: string; value: RenderedMarkdown }>;
  /** People found in each article; `text` is the detection key (registry + title + summary + body). */
  people: Map<string, { text: string; value: DetectedPeople }>;
  /**
   * The rendered-body log in .cache/, opened by the first load and kept open for the session: the bodies in
   * `markdown` are read from it when a page asks for them (see pipeline/markdown.ts).
   */
  bodies?: BlobLog<{ firstParagraph: string; wordCount: number }> | undefined;
}

export function createLoadCache(): LoadCache {
  return { articles: new Map(), markdown: new Map(), people: new Map() };
}

export function cached<T>(cache: Map<string, { text: string; value: T }> | undefined, key: string, text: string, compute: () => T): T {
  const hit = cache?.get(key);
  if (hit && hit.text === text) return hit.value;
  const value = compute();
  cache?.set(key, { text, value });
  return value;
}

/** Drops entries of files that no longer exist. */
export function pruneCache(cache: LoadCache, files: ReadonlySet<string>): void {
  for (const map of [cache.articles, cache.markdown, cache.people]) for (const file of map.keys()) if (!files.has(file)) map.delete(file);
}
