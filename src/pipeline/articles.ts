import { createHash } from 'node:crypto';
import { validateArticle } from '../content/article.ts';
import type { SourceFile } from '../content/read.ts';
import { RecordCache } from './cache.ts';
import { codeVersion } from './version.ts';
import { cached, type LoadCache } from '../load-cache.ts';

/**
 * validateArticle for every source, reusing the results of earlier builds from .cache/ for files whose path
 * and text are unchanged (front matter parsing, YAML and the schema are most of the load stage). Only
 * results without errors are kept, so every problem is found afresh each run. The body is not stored when
 * it is the tail of the file text; it is cut from the text again on reading.
 */
type Validation = ReturnType<typeof validateArticle>;

interface StoredValidation {
  result: Validation;
  /** When set, result.article.body is the last `bodyLength` characters of the file text. */
  bodyLength?: number;
}

export interface ValidateOptions {
  root: string;
  /** Keep results in .cache/ (default true). */
  cache?: boolean | undefined;
  /** Results of earlier loads in this process (the dev server's), checked before .cache/ and kept up to date. */
  reuse?: LoadCache['articles'] | undefined;
  /**
   * Told each result as soon as it is known, in the order of `sources`. Between batches the event loop
   * runs, so work started from here (Markdown on worker threads) is kept fed while the rest is validated.
   */
  onResult?: ((result: Validation, source: SourceFile, key: string | undefined) => void) | undefined;
}

/** Articles validated between two turns of the event loop when onResult is given. */
const BATCH = 32;

export async function validateArticles(sources: readonly SourceFile[], options: ValidateOptions): Promise<Validation[]> {
  const { reuse, onResult } = options;
  const cache = options.cache === false ? undefined : await RecordCache.open<StoredValidation>(options.root, 'articles', await codeVersion());
  // The key (a hash of the path and the text) is given to onResult when it was computed.
  let key: string | undefined;
  const validate = (source: SourceFile): Validation => {
    key = undefined;
    if (!cache) return cached(reuse, source.file, source.text, () => validateArticle(source));
    const recent = reuse?.get(source.file);
    if (recent && recent.text === source.text) return recent.value;
    key = sourceKey(source);
    const stored = cache.get(key);
    const result = stored ? restore(stored, source.text) : validateArticle(source);
    if (!stored && result.errors.length === 0 && result.article) cache.set(key, store(result, source.text));
    reuse?.set(source.file, { text: source.text, value: result });
    return result;
  };
  const results: Validation[] = [];
  for (const [index, source] of sources.entries()) {
    const result = validate(source);
    results.push(result);
    if (!onResult) continue;
    onResult(result, source, key);
    if (index % BATCH === BATCH - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  await cache?.save();
  return results;
}

/** Names a file's path and text: everything its validation result is made from. */
export function sourceKey(source: SourceFile): string {
  const hash = createHash('sha1').update(source.file).update('\0');
  return (source.hash !== undefined ? hash.update(`sha1:${source.hash}`) : hash.update(source.text)).digest('base64url');
}

function store(result: Validation, text: string): StoredValidation {
  const body = result.article!.body;
  if (!text.endsWith(body)) return { result };
  return { result: { ...result, article: { ...result.article!, body: '' } }, bodyLength: body.length };
}

function restore(stored: StoredValidation, text: string): Validation {
  if (stored.bodyLength === undefined) return stored.result;
  return { ...stored.result, article: { ...stored.result.article!, body: text.slice(text.length - stored.bodyLength) } };
}
