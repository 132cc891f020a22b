import type { StoredValidation } from './pipeline/articles.ts';
import type { RenderedMarkdown } from './markdown/render.ts';
import type { DetectedPeople } from './workers/markdown-pool.ts';
import type { BlobLog } from './pipeline/blob-log.ts';
import type { RecordCache } from './pipeline/cache.ts';
import type { ArticleRecord } from './pipeline/records.ts';
import type { MarkdownHead } from './pipeline/markdown.ts';

/**
 * Parse results kept between loads by the dev server: an article whose text is unchanged is neither
 * validated nor rendered again. Keyed by file and compared by a hash of what the result is made from,
 * never by modification time, so an edit that keeps the time (or a clock skew) cannot serve a stale page.
 * A hash rather than the text itself, so that a file the dev server never had to read (content/read.ts
 * KnownFiles) need not be read to be compared.
 */
export interface LoadCache {
  /** Per file: its validation (its body cut from the file's text when read) and body key, with the source key (pipeline/articles.ts sourceKey: path and text). */
  articles: Map<string, Reused<StoredValidation>>;
  /** Per file: its rendered body, with the body's key (pipeline/markdown.ts bodyKey). */
  markdown: Map<string, Reused<RenderedMarkdown>>;
  /** Per file: the people found, with the detection key (registry + title + summary + body). */
  people: Map<string, Reused<DetectedPeople>>;
  /**
   * Per file: the article's record (pipeline/records.ts), with its record key (build.ts: the source key, the
   * registry's key and the detection setting), which names everything the record is made from.
   */
  records: Map<string, Reused<ArticleRecord>>;
  /**
   * The rendered-body log in .cache/, opened by the first load and kept open for the session: the bodies in
   * `markdown` are read from it when a page asks for them (see pipeline/markdown.ts).
   */
  bodies?: BlobLog<MarkdownHead> | undefined;
  /**
   * The logs of validations and of people found in .cache/, opened by the first load and kept for the
   * session (see sessionLog): a reload after an edit then reads neither again (about 0.2 s at 10,000 articles).
   */
  logs: Partial<SessionLogs>;
}

interface SessionLogs {
  articles: Promise<RecordCache<StoredValidation>>;
  people: Promise<RecordCache<DetectedPeople>>;
  /** Resolves to `bodies` once open: two loads that start together must not open the log twice (see pipeline/markdown.ts). */
  bodies: Promise<BlobLog<MarkdownHead>>;
}

/**
 * The session's log of that name, opened by `open` the first time. One that failed to open is not kept, so
 * the next load tries again. Between loads the log holds only the entries the session has used, which the
 * session's own maps hold anyway (RecordCache.open with keptBetweenRuns).
 */
export function sessionLog<K extends keyof SessionLogs>(session: LoadCache, name: K, open: () => SessionLogs[K]): SessionLogs[K] {
  const kept = session.logs[name];
  if (kept) return kept;
  const opening = open();
  session.logs[name] = opening;
  opening.catch(() => {
    if (session.logs[name] === opening) delete session.logs[name];
  });
  return opening;
}

/**
 * Lets go of the session's rendered bodies, after one was found damaged in .cache/ (cache/damaged: the log
 * has been removed from disk, but the session still holds it open and points into it). The records go too,
 * since their html and text are read from that log; the next load renders those bodies anew.
 */
export function forgetRenderedBodies(session: LoadCache): void {
  session.bodies?.close();
  session.bodies = undefined;
  delete session.logs.bodies;
  session.markdown.clear();
  session.records.clear();
}

export function createLoadCache(): LoadCache {
  return { articles: new Map(), markdown: new Map(), people: new Map(), records: new Map(), logs: {} };
}

/** A result of an earlier load and the key of what it was made from. */
export interface Reused<T> {
  key: string;
  value: T;
}

/** The result kept for `file` when it was made from `key`; otherwise computed now and kept. */
export function cached<T>(cache: Map<string, Reused<T>> | undefined, file: string, key: string, compute: () => T): T {
  const hit = cache?.get(file);
  if (hit && hit.key === key) return hit.value;
  const value = compute();
  cache?.set(file, { key, value });
  return value;
}

/** Drops entries of files that no longer exist. */
export function pruneCache(cache: LoadCache, files: ReadonlySet<string>): void {
  for (const map of [cache.articles, cache.markdown, cache.people, cache.records]) for (const file of map.keys()) if (!files.has(file)) map.delete(file);
}
