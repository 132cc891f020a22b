import { sha1 } from '../hash.ts';
import { validateArticle, type ArticleSource } from '../content/article.ts';
import type { SourceFile } from '../content/read.ts';
import { RecordCache, type Erasures } from './cache.ts';
import { contentCacheVersion } from './version.ts';
import { cached, sessionLog, type LoadCache } from '../load-cache.ts';
import { bodyKeyOfBytes } from './markdown.ts';

const utf8 = new TextEncoder();

/**
 * validateArticle for every source, reusing the results of earlier builds from .cache/ for files whose path
 * and text are unchanged (front matter parsing, YAML and the schema are most of the load stage). Only
 * results without errors are kept, so every problem is found afresh each run. The body is not stored when
 * it is the tail of the file text; it is cut from the text again on reading.
 */
type Validation = ReturnType<typeof validateArticle>;

export interface StoredValidation {
  result: Validation;
  /** When set, result.article.body is the last `bodyLength` characters of the file text. */
  bodyLength?: number;
  /** The body's key (pipeline/markdown.ts bodyKey), so a rebuild finds the rendered body without the text. */
  bodyKey?: string;
}

export interface ValidateOptions {
  root: string;
  /** Keep results in .cache/ (default true). */
  cache?: boolean | undefined;
  /** Results of earlier loads in this process (the dev server's), checked before .cache/ and kept up to date. */
  reuse?: LoadCache['articles'] | undefined;
  /** The dev server's session: the validations' log in .cache/ is opened once and kept in it between loads. */
  session?: LoadCache | undefined;
  /**
   * Told each result as soon as it is known, in the order of `sources`, with the source key and the body's
   * key when they are known. Between batches the event loop runs, so work started from here (Markdown on
   * worker threads) is kept fed while the rest is validated.
   */
  onResult?:
    | ((result: Validation, source: SourceFile, key: string | undefined, bodyKey: string | undefined, bodyBytes: Uint8Array | undefined) => void)
    | undefined;
  /**
   * Awaited after each batch (with onResult), once the event loop has turned: the caller holds validation
   * there while the work it started from onResult is too far behind (loadSite: too many bodies waiting for
   * a Markdown worker).
   */
  betweenBatches?: (() => Promise<void>) | undefined;
  /**
   * Given the saving of new results to .cache/ instead of saving them before returning; the caller must call
   * it. loadSite saves after the dev server's home page is shown (about a quarter of a second at 10,000
   * articles, on the way to it otherwise).
   */
  deferSave?: ((save: () => Promise<void>) => void) | undefined;
  /**
   * Whether a valid result is kept in .cache/ (all by default): loadSite keeps only those of the articles it
   * publishes, so the front matter of a draft or of an article held back for a later date is not kept there.
   */
  keep?: ((result: Validation) => boolean) | undefined;
  /** Told, once the results are saved, the records of the log that this run did not use (see Erasures). */
  erasures?: Erasures | undefined;
}

/** The name of the validations' log in .cache/. */
const LOG = 'articles';

/** Whether .cache/ holds validations made by this arhivar (a load then validates most files from them). */
export async function hasStoredValidations(root: string): Promise<boolean> {
  return RecordCache.exists(root, LOG, await contentCacheVersion());
}

/** Articles validated between two turns of the event loop when onResult is given. */
const BATCH = 32;

export async function validateArticles(sources: readonly SourceFile[], options: ValidateOptions): Promise<Validation[]> {
  const { reuse, onResult } = options;
  const openLog = async (keptBetweenRuns = false) => RecordCache.open<StoredValidation>(options.root, LOG, await contentCacheVersion(), { keptBetweenRuns });
  const cache = options.cache === false ? undefined : await (options.session ? sessionLog(options.session, 'articles', () => openLog(true)) : openLog());
  // The key (a hash of the path and the text) and the body's key are given to onResult when computed.
  let key: string | undefined;
  let bodyKey: string | undefined;
  // The body as UTF-8, when its key was made from it: the Markdown workers are sent these bytes.
  let bodyBytes: Uint8Array | undefined;
  const validate = (source: SourceFile): Validation => {
    key = undefined;
    bodyKey = undefined;
    bodyBytes = undefined;
    if (!cache) return cached(reuse, source.file, sourceKey(source), () => ({ result: validateArticle(source) })).result;
    key = sourceKey(source);
    const recent = reuse?.get(source.file);
    if (recent && recent.key === key) {
      cache.keep(key);
      // With the body's key: a reload need not read the body to find its rendering.
      bodyKey = recent.value.bodyKey;
      return restore(recent.value, source);
    }
    let stored = cache.get(key);
    const result = stored ? restore(stored, source) : validateArticle(source);
    bodyKey = stored?.bodyKey;
    const kept = options.keep?.(result) ?? true;
    if (stored && !kept) cache.forget(key);
    if (!stored && result.errors.length === 0 && result.article) {
      // Encoded once: hashing the string would encode it too, and the workers need the bytes.
      bodyBytes = utf8.encode(result.article.body);
      bodyKey = bodyKeyOfBytes(bodyBytes);
      stored = store(result, source.text, bodyKey);
      if (kept) cache.set(key, stored);
    }
    // The stored form, not the result: a body cut from the file's text keeps the whole text alive, and the
    // dev server keeps this map for the session (at 100,000 articles about 650 MB of texts).
    reuse?.set(source.file, { key, value: stored ?? { result, bodyKey } });
    return result;
  };
  const results: Validation[] = [];
  for (const [index, source] of sources.entries()) {
    const result = validate(source);
    results.push(result);
    if (!onResult) continue;
    onResult(result, source, key, bodyKey, bodyBytes);
    bodyBytes = undefined;
    if (index % BATCH !== BATCH - 1) continue;
    await new Promise((resolve) => setImmediate(resolve));
    await options.betweenBatches?.();
  }
  const save = async () => {
    await cache?.save();
    options.erasures?.add(cache?.staleRecords());
  };
  if (cache && options.deferSave) options.deferSave(save);
  else await save();
  return results;
}

/** Names a file's path and text: everything its validation result is made from. */
export function sourceKey(source: SourceFile): string {
  return sha1(`${source.file}\0${source.hash !== undefined ? `sha1:${source.hash}` : source.text}`);
}

function store(result: Validation, text: string, bodyKey: string): StoredValidation {
  const body = result.article!.body;
  if (!text.endsWith(body)) return { result, bodyKey };
  return { result: { ...result, article: { ...result.article!, body: '' } }, bodyLength: body.length, bodyKey };
}

/**
 * The stored result, its body cut from the file's text when first asked for: a rebuild asks only for the
 * bodies .cache/ holds no rendering of, so the text of an unchanged file is never read (content/read.ts).
 */
function restore(stored: StoredValidation, source: SourceFile): Validation {
  const { bodyLength } = stored;
  if (bodyLength === undefined) return stored.result;
  const article: ArticleSource = { ...stored.result.article!, body: '' };
  let body: string | undefined;
  Object.defineProperty(article, 'body', {
    enumerable: true,
    get: () => {
      if (body === undefined) {
        const text = source.text;
        body = text.slice(text.length - bodyLength);
      }
      return body;
    },
  });
  return { ...stored.result, article };
}
