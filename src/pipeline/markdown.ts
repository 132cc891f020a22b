import { createHash } from 'node:crypto';
import type { ArticleSource } from '../content/article.ts';
import type { Person } from '../content/person.ts';
import { ArhivarError } from '../errors.ts';
import type { RenderedMarkdown } from '../markdown/render.ts';
import { defaultPoolSize, MarkdownPool, NestedTooDeep, TimeLimitExceeded, type ArticleTask, type DetectedPeople } from '../workers/markdown-pool.ts';
import { RecordCache } from './cache.ts';
import { codeVersion } from './version.ts';
import type { LoadCache } from '../load-cache.ts';
import { compileWorker } from '../workers/compile.ts';

/**
 * Renders every article body and, when asked, detects the registry's people in it, in the order given.
 * A body rendered by an earlier build with the same arhivar code comes from .cache/ (keyed by a hash of
 * the body), and so do people found by an earlier build (keyed by a hash of the registry's names and of
 * the title, summary and body). The rest go to a pool of worker threads with a time limit per article,
 * so one pathological article fails with `article/too-slow` instead of hanging the build.
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
  /** Detect these people (the registry) in title, summary and body text of every article. */
  detect?: { people: readonly Person[] } | undefined;
  /** People found by earlier loads in this process (the dev server's), keyed by file; checked first. */
  reusePeople?: LoadCache['people'] | undefined;
}

export interface RenderedBodies {
  bodies: (RenderedMarkdown | undefined)[];
  /** Set when options.detect was given (undefined for an article that failed to render). */
  detected: (DetectedPeople | undefined)[];
  /** Hash of each body: names its rendered html and text (see render/fingerprint.ts setContentKey). */
  keys: string[];
  /** Time spent detecting people, summed over the worker threads (it overlaps the rendering). */
  detectMs: number;
  errors: ArhivarError[];
}

/** What shapes detection besides the article: the names, aliases, genders and detect flags of the registry, in order. */
export function registryKey(people: readonly Person[]): string {
  const hash = createHash('sha1');
  for (const person of people) hash.update(JSON.stringify([person.id, person.name, person.aliases, person.gender ?? null, person.detect])).update('\n');
  return hash.digest('base64url');
}

export async function renderArticleBodies(articles: readonly ArticleSource[], options: MarkdownOptions): Promise<RenderedBodies> {
  const useCache = options.cache ?? true;
  const version = await codeVersion();
  const cache = useCache ? await RecordCache.open<StoredMarkdown>(options.root, 'markdown', version) : undefined;
  const detect = options.detect;
  const peopleCache = useCache && detect ? await RecordCache.open<DetectedPeople>(options.root, 'people', version) : undefined;
  const registry = detect ? registryKey(detect.people) : '';
  const bodies: (RenderedMarkdown | undefined)[] = new Array(articles.length);
  const detected: (DetectedPeople | undefined)[] = new Array(articles.length);
  const keys = articles.map((article) => createHash('sha1').update(article.body).digest('base64url'));
  const peopleKeys = detect ? articles.map((article) => peopleKey(registry, article)) : [];
  const tasks: { index: number; task: Omit<ArticleTask, 'id'> }[] = [];
  articles.forEach((article, index) => {
    const recent = options.reuse?.get(article.file);
    const hit = recent && recent.text === article.body ? recent.value : restoreMarkdown(cache?.get(keys[index]!));
    if (hit) {
      bodies[index] = hit;
      options.reuse?.set(article.file, { text: article.body, value: hit });
    }
    let wantPeople = false;
    if (detect) {
      const recentPeople = options.reusePeople?.get(article.file);
      const found = recentPeople && recentPeople.text === peopleKeys[index] ? recentPeople.value : peopleCache?.get(peopleKeys[index]!);
      if (found) {
        detected[index] = found;
        options.reusePeople?.set(article.file, { text: peopleKeys[index]!, value: found });
      } else wantPeople = true;
    }
    if (hit && !wantPeople) return;
    tasks.push({
      index,
      task: {
        body: hit ? undefined : article.body,
        text: hit?.text,
        detect: wantPeople ? { title: article.title, summary: article.frontMatter.summary } : undefined,
      },
    });
  });

  const errors: ArhivarError[] = [];
  let detectMs = 0;
  if (tasks.length > 0) {
    const timeLimitMs = options.timeLimitMs ?? ARTICLE_TIME_LIMIT_MS;
    const size = Math.min(options.workers ?? defaultPoolSize(), Math.ceil(tasks.length / ARTICLES_PER_WORKER));
    const workerFile = await compileWorker(options.root, 'workers/markdown-worker.ts');
    const pool = new MarkdownPool({ workerFile, size, timeLimitMs, people: detect?.people });
    try {
      await Promise.all(
        tasks.map(async ({ index, task }) => {
          const article = articles[index]!;
          try {
            const result = await pool.run(task);
            if (result.rendered) {
              bodies[index] = result.rendered;
              cache?.set(keys[index]!, storeMarkdown(result.rendered));
              options.reuse?.set(article.file, { text: article.body, value: result.rendered });
            }
            detectMs += result.detectMs ?? 0;
            if (result.detected) {
              detected[index] = result.detected;
              peopleCache?.set(peopleKeys[index]!, result.detected);
              options.reusePeople?.set(article.file, { text: peopleKeys[index]!, value: result.detected });
            }
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
  await peopleCache?.save();
  return { bodies, detected, keys, detectMs, errors };
}

/**
 * Rendered Markdown as kept in .cache/: the long strings as UTF-8 bytes. v8 serialises a string with any
 * non-Latin-1 letter (č, š, ž) as UTF-16, so this halves the file a rebuild reads (136 to 60 MB at 10,000 articles).
 */
interface StoredMarkdown {
  html: Uint8Array;
  text: Uint8Array;
  firstParagraph: string;
  wordCount: number;
}

function storeMarkdown(rendered: RenderedMarkdown): StoredMarkdown {
  return { ...rendered, html: Buffer.from(rendered.html), text: Buffer.from(rendered.text) };
}

const utf8 = new TextDecoder();

function restoreMarkdown(stored: StoredMarkdown | undefined): RenderedMarkdown | undefined {
  if (!stored) return undefined;
  return { html: utf8.decode(stored.html), text: utf8.decode(stored.text), firstParagraph: stored.firstParagraph, wordCount: stored.wordCount };
}

function peopleKey(registry: string, article: ArticleSource): string {
  const summary = article.frontMatter.summary;
  return createHash('sha1')
    .update(`${registry}\0${article.title}\0${summary === undefined ? '-' : `+${summary}`}\0`)
    .update(article.body)
    .digest('base64url');
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
