import { validateArticle, type Article, type ArticleSource } from '../content/article.ts';
import { peekDateAndDraft } from '../content/front-matter.ts';
import type { Person } from '../content/person.ts';
import type { SourceFile } from '../content/read.ts';
import type { SiteConfig } from '../config/site.ts';
import type { RenderedMarkdown } from '../markdown/render.ts';
import type { Registry } from '../people/registry.ts';
import { compareNewestFirst } from '../site/archive.ts';
import { urls } from '../site/urls.ts';
import type { DetectedPeople } from '../workers/markdown-pool.ts';
import type { BodyRenderer } from './markdown.ts';
import { articleRecord, restoredRecord, withoutBody, type Draft, type StoredRecord } from './records.ts';

/**
 * The newest page of articles ahead of the rest of the archive (LoadOptions.onNewestArticles): the dev
 * server shows its home page from them while the other articles are still being validated or rendered.
 */

/** The newest published articles (a page of them, newest first) and what the home page needs besides. */
export interface NewestArticles {
  config: SiteConfig;
  /** The registry and the people these articles name without a file (the site's people, as far as known). */
  people: ReadonlyMap<string, Person>;
  articles: Article[];
  /** Published articles in all. */
  count: number;
}

/**
 * LoadOptions.onNewestArticles: the newest page of `published`, rendered ahead of the others. `stored[n]` is
 * published[n]'s record as .cache/ kept it, when the load took it from there (its people found were not read).
 */
export async function newestArticles(
  renderer: BodyRenderer,
  published: readonly Draft[],
  config: SiteConfig,
  registry: Registry,
  stored: readonly (StoredRecord | undefined)[] = [],
): Promise<NewestArticles | undefined> {
  // Only articles at least as new as the page's last can be on it: a sort of those few, where a sort of all
  // 10,000 (each with its URL made) took 20-60 ms on the way to the home page.
  const times = Float64Array.from(published, (draft) => draft.frontMatter.date.instant.getTime()).sort();
  const oldestOnPage = times.length > config.pageSize ? times[times.length - config.pageSize]! : -Infinity;
  const newest = published
    .flatMap((draft, index) => {
      const { date } = draft.frontMatter;
      return date.instant.getTime() < oldestOnPage ? [] : [{ index, date, title: draft.title, url: urls.article(date, draft.slug) }];
    })
    .sort(compareNewestFirst)
    .slice(0, config.pageSize);
  await renderer.rendered(newest.map(({ index }) => index));
  return newestPage(
    newest.map(({ index }) => ({ draft: published[index]!, ...renderer.result(index), stored: stored[index] })),
    config,
    registry,
    published.length,
  );
}

/** Articles validated ahead of the others (their own and the unpeeked ones) before the early home page is given up. */
const MAX_EARLY_VALIDATIONS = 500;

/**
 * LoadOptions.onNewestArticles before the archive is validated: the newest page of articles picked by the
 * dates peeked from every file's front matter (content/front-matter.ts peekDateAndDraft), with only those
 * articles, and the files that could not be peeked at, validated and rendered now. On a fresh checkout of
 * 10,000 articles the home page then waits for reading the files, not for validating all of them.
 * The page may not be the site's: an older article whose front matter peeks differently from how it
 * validates, or any article that fails (the site is then its problems). The dev server compares it with
 * the site's home page once the load is done and reloads the browser if they differ. undefined, and
 * nothing told early, when one of the chosen articles fails or peeks wrong, or too many files cannot be peeked.
 */
export async function newestBeforeValidation(
  sources: readonly SourceFile[],
  renderer: BodyRenderer,
  config: SiteConfig,
  registry: Registry,
  /** Whether an article of this date (ms) and draft flag is published by this load. */
  publishes: (time: number, draft: boolean) => boolean,
): Promise<NewestArticles | undefined> {
  const peeked = sources.map((source) => peekDateAndDraft(source.text));
  const chosen: ArticleSource[] = [];
  let validations = 0;
  // undefined when the file fails: it is reported by the load, and the site is its problems, not a home page.
  const validated = (source: SourceFile): ArticleSource | undefined => {
    validations++;
    const result = validateArticle(source);
    return result.errors.length === 0 ? result.article : undefined;
  };
  let count = 0;
  const candidates: { index: number; time: number }[] = [];
  for (const [index, peek] of peeked.entries()) {
    if (peek) {
      if (publishes(peek.time, peek.draft)) candidates.push({ index, time: peek.time });
      continue;
    }
    if (validations >= MAX_EARLY_VALIDATIONS) return undefined;
    const article = validated(sources[index]!);
    if (!article) return undefined;
    if (publishes(article.frontMatter.date.instant.getTime(), article.frontMatter.draft)) {
      chosen.push(article);
      count++;
    }
  }
  count += candidates.length;
  // Every article at least as new as the page's last (ties included) is validated; older ones cannot be on it.
  const times = Float64Array.from([...candidates.map(({ time }) => time), ...chosen.map((article) => article.frontMatter.date.instant.getTime())]).sort();
  const oldestOnPage = times.length > config.pageSize ? times[times.length - config.pageSize]! : -Infinity;
  for (const { index, time } of candidates) {
    if (time < oldestOnPage) continue;
    if (validations >= MAX_EARLY_VALIDATIONS) return undefined;
    const article = validated(sources[index]!);
    // Peeked differently from how it validates: which articles are newest is not known yet.
    if (!article || article.frontMatter.date.instant.getTime() !== time || article.frontMatter.draft !== peeked[index]!.draft) return undefined;
    chosen.push(article);
  }
  const newest = chosen
    .map((article) => ({ article, date: article.frontMatter.date, title: article.title, url: urls.article(article.frontMatter.date, article.slug) }))
    .sort(compareNewestFirst)
    .slice(0, config.pageSize);
  const rendered = await Promise.all(newest.map(({ article }) => renderer.preview(article)));
  return newestPage(
    newest.map(({ article }, n) => ({ draft: withoutBody(article), body: rendered[n]?.body, detected: rendered[n]?.detected })),
    config,
    registry,
    count,
  );
}

/** The NewestArticles of drafts rendered (newest first); undefined when one failed: the load will report it. */
function newestPage(
  rendered: readonly { draft: Draft; body: RenderedMarkdown | undefined; detected: DetectedPeople | undefined; stored?: StoredRecord | undefined }[],
  config: SiteConfig,
  registry: Registry,
  count: number,
): NewestArticles | undefined {
  const people = new Map(registry.people);
  const articles: Article[] = [];
  for (const { draft, body, detected, stored } of rendered) {
    // Failed: the load will report it, and there is no home page to show before that. A record kept in .cache/
    // stands for the people found, which the load did not read for it.
    if (!body || (config.detectPeople && !detected && !stored)) return undefined;
    const record = stored ? restoredRecord(draft, body, stored) : articleRecord(draft, body, detected, registry);
    for (const person of record.unknownPeople) if (!people.has(person.id)) people.set(person.id, person);
    articles.push(record.article);
  }
  return { config, people, articles, count };
}
