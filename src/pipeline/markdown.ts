import { createHash } from 'node:crypto';
import type { ArticleSource } from '../content/article.ts';
import { ArhivarError } from '../errors.ts';
import type { RenderedMarkdown } from '../markdown/render.ts';
import { defaultPoolSize, MarkdownPool, NestedTooDeep, TimeLimitExceeded } from '../workers/markdown-pool.ts';
import { RecordCache } from './cache.ts';
import { codeVersion } from './version.ts';
import type { LoadCache } from '../load-cache.ts';
import { compileWorker } from '../workers/compile.ts';

/**
 * Renders every article body, in the order given. A body rendered by an earlier build with the same
 * arhivar code comes from .cache/ (keyed by a hash of the body); the rest go to a pool of worker threads
 * with a time limit per article, so one pathological article fails with `article/too-slow` instead of
 * hanging the build.
 */
export const ARTICLE_TIME_LIMIT_MS = 10_000;

/** Below this many uncached articles one worker is enough; starting more costs more than it saves. */
const ARTICLES_PER_WORKER = 200;

export interface MarkdownOptions {
  /** Project root: the cache lives in <root>/.cache/. */
  root: string;
  /** Per article; ARTICLE_TIME_LIMIT_MS by default. */
  timeLimitMs?: number;
  /** Keep rendered bodies in .cache/ (default true). */
  cache?: boolean;
  /** Worker threads at most; the number of cores by default. */
  workers?: number;
  /** Bodies rendered by earlier loads in this process (the dev server's), keyed by file; checked first. */
  reuse?: LoadCache['markdown'] | undefined;
}

export interface RenderedBodies {
  bodies: (RenderedMarkdown | undefined)[];
  errors: ArhivarError[];
}

export async function renderArticleBodies(articles: readonly ArticleSource[], options: MarkdownOptions): Promise<RenderedBodies> {
  const useCache = options.cache ?? true;
  const cache = useCache ? await RecordCache.open<RenderedMarkdown>(options.root, 'markdown', await codeVersion()) : undefined;
  const bodies: (RenderedMarkdown | undefined)[] = new Array(articles.length);
  const keys = articles.map((article) => createHash('sha1').update(article.body).digest('base64url'));
  const missing: number[] = [];
  articles.forEach((article, index) => {
    const recent = options.reuse?.get(article.file);
    const hit = recent && recent.text === article.body ? recent.value : cache?.get(keys[index]!);
    if (hit) {
      bodies[index] = hit;
      options.reuse?.set(article.file, { text: article.body, value: hit });
    } else missing.push(index);
  });

  const errors: ArhivarError[] = [];
  if (missing.length > 0) {
    const timeLimitMs = options.timeLimitMs ?? ARTICLE_TIME_LIMIT_MS;
    const size = Math.min(options.workers ?? defaultPoolSize(), Math.ceil(missing.length / ARTICLES_PER_WORKER));
    const workerFile = await compileWorker(options.root, 'workers/markdown-worker.ts');
    const pool = new MarkdownPool({ workerFile, size, timeLimitMs });
    try {
      await Promise.all(
        missing.map(async (index) => {
          const article = articles[index]!;
          try {
            const rendered = await pool.render(article.body);
            bodies[index] = rendered;
            cache?.set(keys[index]!, rendered);
            options.reuse?.set(article.file, { text: article.body, value: rendered });
          } catch (error) {
            errors.push(renderError(article, error, timeLimitMs));
          }
        }),
      );
    } finally {
      await pool.close();
    }
  }
  // A failed build keeps what it rendered: the next attempt needs it too.
  await cache?.save();
  return { bodies, errors };
}

function renderError(article: ArticleSource, error: unknown, timeLimitMs: number): ArhivarError {
  if (error instanceof TimeLimitExceeded) {
    return new ArhivarError({
      code: 'article/too-slow',
      message: `rendering the Markdown took longer than ${timeLimitMs / 1000} s, so it was stopped; the text probably holds a construct the parser handles very slowly (thousands of nested or unclosed * _ [ or > marks)`,
      file: article.file,
      line: article.bodyLine,
      hint: 'look for long runs of * _ [ ] or > in the text, or split the article',
    });
  }
  if (error instanceof NestedTooDeep) {
    return new ArhivarError({
      code: 'markdown/too-complex',
      message: `the Markdown is nested too deeply to render (${error.message})`,
      file: article.file,
      line: article.bodyLine,
      hint: 'look for long runs of > - * [ characters from a broken export; remove them or escape them with \\',
      cause: error,
    });
  }
  return new ArhivarError({
    code: 'article/markdown-failed',
    message: `the Markdown could not be rendered: ${error instanceof Error ? error.message : String(error)}`,
    file: article.file,
    line: article.bodyLine,
    hint: 'check the text for unusual markup; if it looks ordinary, report it as a bug in arhivar',
    cause: error,
  });
}
