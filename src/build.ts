import path from 'node:path';
import { ArhivarError, ContentErrors, sortErrors } from './errors.ts';
import { readContent, type ContentSources, type SourceFile } from './content/read.ts';
import { parseSiteConfig, type SiteConfig } from './config/site.ts';
import { validateArticle, type Article, type ArticleSource } from './content/article.ts';
import { peekDateAndDraft } from './content/front-matter.ts';
import type { Person } from './content/person.ts';
import type { RenderedMarkdown } from './markdown/render.ts';
import { pruneCache, type LoadCache } from './load-cache.ts';
import { buildRegistry, loadRegistry, resolveNames, type Registry } from './people/registry.ts';
import { peopleFilesKey, readStoredPeople, storePeople } from './pipeline/people.ts';
import { combineArticlePeople } from './people/article-people.ts';
import { collectArchive, compareNewestFirst, type Archive } from './site/archive.ts';
import { slugify } from './site/slug.ts';
import { urls } from './site/urls.ts';
import { listPages, type PageSpec } from './render/pages.ts';
import { setContentKey, setRecordKey } from './render/fingerprint.ts';
import type { AssetUrls, SiteContext } from './render/context.ts';
import { buildAssets, type BuiltAssets, type OutputFile } from './output/assets.ts';
import { buildArchiveSearch } from './search/documents.ts';
import { searchFiles } from './pipeline/search.ts';
import { writeSite } from './output/write.ts';
import { readPublishedTree } from './output/publish.ts';
import { addTime, time, timeSync, type Timings } from './pipeline/timings.ts';
import { checkCacheFolder, checkOutputFolder, checkPublicFolder } from './pipeline/folders.ts';
import { beforeHandOver, BodyRenderer, startMarkdownWorkers, WAITING_BODIES_LIMIT } from './pipeline/markdown.ts';
import { relatedArticles } from './pipeline/related.ts';
import type { DetectedPeople, MarkdownPool } from './workers/markdown-pool.ts';
import { hasStoredValidations, validateArticles } from './pipeline/articles.ts';

/**
 * The whole pipeline: load → validate → render Markdown → enrich (people, tags) → collect → pages → write.
 * `loadSite` is everything up to the page list and is shared by `build`, `check` and the dev server.
 */
export interface LoadOptions {
  root: string;
  /** The moment that decides which dated articles are out yet; the clock by default. */
  now?: Date;
  /** Publish articles dated after `now` too (the --future flag). */
  includeFuture?: boolean;
  /** Publish drafts too (dev server preview). */
  includeDrafts?: boolean;
  /** Filled with milliseconds per pipeline stage when given (the benchmark reads it). */
  timings?: Timings;
  /** Per-article limit for rendering Markdown (ARTICLE_TIME_LIMIT_MS by default). */
  markdownTimeLimitMs?: number;
  /** Reuse and keep rendered Markdown and page fingerprints in <root>/.cache/ (default true). */
  cache?: boolean;
  /** Content already read (the dev server re-reads only edited files); read from root otherwise. */
  sources?: ContentSources;
  /** Parse results of earlier loads in this process, reused for files whose text is unchanged (the dev server keeps one). */
  reuse?: LoadCache;
  /** Called as work advances (per article read, then per page written); the CLI draws its progress line from it. */
  onProgress?: (progress: BuildProgress) => void;
  /**
   * The caller will not read `sources` again: each article's text is let go once the article is validated
   * and its body is with the Markdown workers (about 65 MB at 10,000 articles, V8 keeping č, š, ž text at
   * two bytes a character). `arhivar build` sets it, and so does the dev server, whose LiveSources hands
   * every load records of the files of its own.
   */
  releaseSources?: boolean;
  /**
   * Leave rendered article bodies in .cache/ and read each when a page or the search index asks for it,
   * instead of holding them all (about 650 MB at 100,000 articles). The caller must call `close()` on the
   * model once it is done with it. `arhivar build` sets it. Loads with `reuse` (the dev server) always
   * leave them on disk, in a log that `reuse` keeps open for the session.
   */
  bodiesOnDisk?: boolean;
  /**
   * Markdown workers the caller started before reading content/ (startMarkdownWorkers in pipeline/markdown.ts);
   * loadSite takes them over and stops them. Without it, loadSite starts them itself when it reads content/.
   */
  markdownWorkers?: Promise<MarkdownPool> | undefined;
  /**
   * Told the newest page of articles as soon as they are complete, while the others are still with the
   * Markdown workers (those are sent first): the dev server shows the home page from them. Without
   * validations in .cache/ they are picked by peeked dates before the archive is validated (see
   * newestBeforeValidation), and an older article may still fail; otherwise they are told once every
   * article's front matter is valid. Never told when one of them fails. The SiteModel is what counts.
   */
  onNewestArticles?: ((newest: NewestArticles) => void) | undefined;
  /**
   * Told once every article's front matter is validated, while the Markdown may still be with the workers
   * (the dev server loads its page module through Vite then, see vite-plugin.ts loadPagesLater).
   */
  onValidated?: (() => void) | undefined;
  /** Stops the load: the Markdown workers are stopped and the load fails (the dev server, when it closes). */
  signal?: AbortSignal | undefined;
}

/** The newest published articles (a page of them, newest first) and what the home page needs besides. */
export interface NewestArticles {
  config: SiteConfig;
  /** The registry and the people these articles name without a file (the site's people, as far as known). */
  people: ReadonlyMap<string, Person>;
  articles: Article[];
  /** Published articles in all. */
  count: number;
}

export interface SiteModel {
  config: SiteConfig;
  archive: Archive;
  registry: Registry;
  /** Rendered person bios by id. */
  bios: Map<string, string>;
  warnings: ArhivarError[];
  /** When the earliest article held back for its future date is due; the site changes then. */
  nextPublication: Date | undefined;
  /** Lets go of the .cache/ file that bodies are read from (LoadOptions.bodiesOnDisk); a no-op otherwise. */
  close: () => void;
}

export async function loadSite(options: LoadOptions): Promise<SiteModel> {
  const { timings } = options;
  const loadStarted = performance.now();
  // Reading content/ holds the main thread (about 0.6 s at 10,000 articles): the workers load meanwhile.
  const started =
    options.markdownWorkers ?? (options.sources ? undefined : startMarkdownWorkers({ root: options.root, cache: options.cache, timeLimitMs: options.markdownTimeLimitMs }));
  const useCache = options.cache !== false;
  const { sources, config, configErrors, peopleKey, storedPeople, registry, registryErrors } = await beforeHandOver(started, async () => {
    if (useCache) await checkCacheFolder(options.root);
    const sources = options.sources ?? (await readContent(options.root));
    const { config, errors: configErrors } = parseSiteConfig(sources.site);
    const peopleKey = peopleFilesKey(sources.people);
    const storedPeople = useCache ? await readStoredPeople(options.root, peopleKey) : undefined;
    const { registry, errors: registryErrors } = storedPeople ? buildRegistry(storedPeople.people) : loadRegistry(sources.people);
    return { sources, config, configErrors, peopleKey, storedPeople, registry, registryErrors };
  });
  const errors: ArhivarError[] = [...sources.errors, ...configErrors, ...registryErrors];
  const warnings: ArhivarError[] = [...(sources.warnings ?? [])];

  const now = options.now ?? new Date();
  const publishes = (time: number, draft: boolean) => (options.includeDrafts || !draft) && (options.includeFuture || time <= now.getTime());
  const isPublished = (draft: Draft) => publishes(draft.frontMatter.date.instant.getTime(), draft.frontMatter.draft);
  // People are detected next to the Markdown, in the same worker threads. Bodies go to the workers as their
  // front matter is validated, so stage "parse" (what remains of it after "load") overlaps the load stage.
  const renderer = await BodyRenderer.open({
    root: options.root,
    timeLimitMs: options.markdownTimeLimitMs,
    cache: options.cache,
    reuse: options.reuse?.markdown,
    detect: config.detectPeople ? { people: [...registry.people.values()] } : undefined,
    reusePeople: options.reuse?.people,
    bodiesOnDisk: options.bodiesOnDisk,
    session: options.reuse,
    started,
  });
  // Without their bodies: a body (and the file text it is cut from) is needed only until the workers have it.
  const drafts: Draft[] = [];
  const published: Draft[] = [];
  // published[n]'s source key (see setRecordKey below), when validation computed one.
  const publishedKeys: (string | undefined)[] = [];
  if (options.reuse) pruneCache(options.reuse, new Set(sources.articles.map((source) => source.file)));
  const { signal } = options;
  const tellNewest = options.onNewestArticles;
  let saveValidations: (() => Promise<void>) | undefined;
  const stopRendering = () => void renderer.stop();
  signal?.addEventListener('abort', stopRendering, { once: true });
  if (signal?.aborted) stopRendering();
  // Before validation, which lets go of the texts: the newest articles by their peeked dates, told as soon as
  // they are rendered (a fresh checkout's home page then waits for no other article). Validation waits for
  // them: it would hold this thread's core, and the workers run at a lower priority than this thread.
  // Not when .cache/ holds validations of this arhivar: validation then takes a few tenths of a second, and
  // peeking would read every file, where the files whose stat is unchanged are otherwise not read at all.
  const toldEarly =
    tellNewest && !signal?.aborted && !(useCache && (await hasStoredValidations(options.root)))
      ? await newestBeforeValidation(sources.articles, renderer, config, registry, publishes).then(
          (newest) => {
            if (newest) tellNewest(newest);
            return newest !== undefined;
          },
          () => false,
        )
      : false;
  try {
    await validateArticles(sources.articles, {
      root: options.root,
      cache: options.cache,
      reuse: options.reuse?.articles,
      // Bodies wait for the workers as UTF-8 bytes: at most WAITING_BODIES_LIMIT of them, so a large archive's do not all wait at once.
      betweenBatches: () => {
        signal?.throwIfAborted();
        return renderer.roomFor(WAITING_BODIES_LIMIT);
      },
      deferSave: tellNewest ? (save) => (saveValidations = save) : undefined,
      onResult: (result, source, key, bodyKey, bodyBytes) => {
        errors.push(...result.errors);
        if (result.article) {
          // Not `const { body, ...draft }`: reading the body of an article restored from .cache/ reads its file.
          const draft = withoutBody(result.article);
          drafts.push(draft);
          if (isPublished(draft)) {
            published.push(draft);
            publishedKeys.push(key);
            // Rendered even when other files have errors, so a too-slow article is reported in the same run.
            renderer.add(result.article, bodyKey, bodyBytes);
          }
        }
        // After add(), which takes the body it needs there and then: the body may be cut from this text.
        if (options.releaseSources) source.text = '';
      },
    });
  } catch (error) {
    // Stop the worker threads before giving up, or they would keep the process alive.
    signal?.removeEventListener('abort', stopRendering);
    await renderer.finish().catch(() => undefined);
    throw error;
  }

  options.onValidated?.();

  let nextPublication: Date | undefined;
  for (const draft of drafts) {
    const due = draft.frontMatter.date.instant;
    if (options.includeFuture || (draft.frontMatter.draft && !options.includeDrafts) || due.getTime() <= now.getTime()) continue;
    if (!nextPublication || due < nextPublication) nextPublication = due;
  }
  errors.push(...findDuplicateUrls(published));
  addTime(timings, 'load', performance.now() - loadStarted);
  // Otherwise the newest articles are told once every article is validated, when none has an error.
  const newestTold =
    tellNewest && !toldEarly && errors.length === 0
      ? newestArticles(renderer, published, config, registry).then(
          (newest) => newest && tellNewest(newest),
          () => undefined,
        )
      : undefined;
  // The validations go to .cache/ once the newest articles are told: the dev server's home page waits for nothing else.
  const validationsSaved = (newestTold ?? Promise.resolve()).then(() => saveValidations?.());
  // Awaited below unless rendering fails first; that failure is the one to report.
  validationsSaved.catch(() => undefined);

  const markdown = await time(timings, 'parse', () => renderer.finish()).finally(() => signal?.removeEventListener('abort', stopRendering));
  await validationsSaved;
  // From here on a failure must let go of the bodies' file; success hands it to the caller (SiteModel.close).
  let handedOver = false;
  try {
    addTime(timings, 'detect', markdown.detectMs);
    errors.push(...markdown.errors);
    if (errors.length > 0) throw new ContentErrors(sortErrors(errors));
    const allPeople = new Map(registry.people);
    const articles: Article[] = [];
    // An article record is made from its file (the source key) and these alone, so pages can be fingerprinted
    // by the key instead of by every field (render/fingerprint.ts setRecordKey).
    const recordInputs = `${peopleKey}\0${config.detectPeople ? 'detect' : 'no-detect'}`;
    const renderErrors: ArhivarError[] = [];
    for (const [index, draft] of published.entries()) {
      options.onProgress?.({ phase: 'reading', articlesRead: articles.length + 1, pagesWritten: 0 });
      const record = articleRecord(draft, markdown.bodies[index]!, markdown.detected[index], registry);
      for (const person of record.unknownPeople) if (!allPeople.has(person.id)) allPeople.set(person.id, person);
      warnings.push(...record.warnings);
      const { article } = record;
      setContentKey(article, markdown.keys[index]!);
      const key = publishedKeys[index];
      if (key !== undefined) setRecordKey(article, `${key}\0${recordInputs}`);
      articles.push(article);
    }

    // Only registry people have bios (a person known from an article's people list alone has none).
    const bios = new Map(storedPeople?.bios);
    const unrendered = storedPeople ? [] : [...allPeople.values()].filter((person) => person.bio);
    if (unrendered.length > 0) {
      // Loaded only now, so a build whose bios all come from .cache/ never loads remark on this thread (about 90 ms).
      const { renderMarkdown } = await import('./markdown/render.ts');
      for (const person of unrendered) {
        try {
          bios.set(person.id, renderMarkdown(person.bio!).html);
        } catch (error) {
          renderErrors.push(renderFailure(error, person.file ?? '', undefined));
        }
      }
    }
    if (renderErrors.length > 0) throw new ContentErrors(sortErrors(renderErrors));
    if (useCache && !storedPeople) await storePeople(options.root, { key: peopleKey, people: [...registry.people.values()], bios });

    const archive = timeSync(timings, 'collect', () => collectArchive(articles, allPeople));
    const relatedStarted = performance.now();
    archive.related = await relatedArticles(options.root, archive.articles, options.cache);
    addTime(timings, 'collect', performance.now() - relatedStarted);
    handedOver = true;
    return { config, archive, registry, bios, warnings: sortErrors(warnings), nextPublication, close: markdown.close };
  } finally {
    if (!handedOver) markdown.close();
  }
}

/** An article's record and what loadSite learns from it: people its list names who have no file, and warnings. */
interface ArticleRecord {
  article: Article;
  unknownPeople: Person[];
  warnings: ArhivarError[];
}

/** A validated article made whole with its rendered body and the people found in it. */
function articleRecord(draft: Draft, rendered: RenderedMarkdown, detected: DetectedPeople | undefined, registry: Registry): ArticleRecord {
  const warnings: ArhivarError[] = [];
  const explicit = resolveNames(registry, draft.frontMatter.people);
  for (const person of explicit.unknown) {
    warnings.push(
      new ArhivarError({
        code: 'article/unknown-person',
        message: `"${person.name}" has no file in content/people/; the page ${urls.person(person.id)} is made from the name alone`,
        file: draft.file,
        line: draft.keyLines.get('people'),
        hint: `add content/people/${person.id}.md with name: ${person.name} and a role, or correct the spelling`,
      }),
    );
  }
  const tagged = combineArticlePeople(detected, registry, explicit.ids, draft.frontMatter.notPeople);
  for (const name of tagged.unknownNotPeople) {
    warnings.push(
      new ArhivarError({
        code: 'article/unknown-not-person',
        message: `notPeople names "${name}", who has no file in content/people/, so it removes nobody`,
        file: draft.file,
        line: draft.keyLines.get('notPeople'),
        hint: 'write the name as in the person file (name: or an alias), or the file name without .md',
      }),
    );
  }
  const { updated, date } = draft.frontMatter;
  if (updated && updated.instant < date.instant) {
    warnings.push(
      new ArhivarError({
        code: 'article/updated-before-date',
        message: 'updated is earlier than date, so readers would see the article changed before it was published',
        file: draft.file,
        line: draft.keyLines.get('updated'),
        hint: 'correct the updated: date, or remove it if the article has not changed since publication',
      }),
    );
  }
  const tags = uniqueTags(draft.frontMatter.tags);
  const url = urls.article(draft.frontMatter.date, draft.slug);
  const article = articleWithBody(rendered, {
    file: draft.file,
    slug: draft.slug,
    url,
    title: draft.title,
    date: draft.frontMatter.date,
    updated: draft.frontMatter.updated,
    author: draft.frontMatter.author,
    source: draft.frontMatter.source,
    summary: draft.frontMatter.summary ?? rendered.firstParagraph,
    tags,
    people: tagged.people,
    mentionCounts: tagged.mentionCounts,
    draft: draft.frontMatter.draft,
    wordCount: rendered.wordCount,
  });
  return { article, unknownPeople: explicit.unknown, warnings };
}

/** LoadOptions.onNewestArticles: the newest page of `published`, rendered ahead of the others. */
async function newestArticles(renderer: BodyRenderer, published: readonly Draft[], config: SiteConfig, registry: Registry): Promise<NewestArticles | undefined> {
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
    newest.map(({ index }) => ({ draft: published[index]!, ...renderer.result(index) })),
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
async function newestBeforeValidation(
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
  rendered: readonly { draft: Draft; body: RenderedMarkdown | undefined; detected: DetectedPeople | undefined }[],
  config: SiteConfig,
  registry: Registry,
  count: number,
): NewestArticles | undefined {
  const people = new Map(registry.people);
  const articles: Article[] = [];
  for (const { draft, body, detected } of rendered) {
    // Failed: the load will report it, and there is no home page to show before that.
    if (!body || (config.detectPeople && !detected)) return undefined;
    const record = articleRecord(draft, body, detected, registry);
    for (const person of record.unknownPeople) if (!people.has(person.id)) people.set(person.id, person);
    articles.push(record.article);
  }
  return { config, people, articles, count };
}

/**
 * An article whose html and text are read from its rendered body when asked for, so a body kept in .cache/
 * is not decoded unless a page or the search index needs it (see pipeline/markdown.ts Utf8Body). A class,
 * so every article has one shape; html and text are getters on it, not own properties.
 */
class ArticleWithBody {
  readonly #body: RenderedMarkdown;

  constructor(fields: Omit<Article, 'html' | 'text'>, body: RenderedMarkdown) {
    Object.assign(this, fields);
    this.#body = body;
  }

  get html(): string {
    return this.#body.html;
  }

  get text(): string {
    return this.#body.text;
  }
}

function articleWithBody(body: RenderedMarkdown, fields: Omit<Article, 'html' | 'text'>): Article {
  // Object.assign gives the instance every other field of Article; TypeScript cannot see that through it.
  return new ArticleWithBody(fields, body) as unknown as Article;
}

/**
 * content/markdown-shape.ts refuses the shapes known to overflow remark's recursion; this catches any
 * other one, so a single article fails with its name instead of taking the build down.
 */
function renderFailure(error: unknown, file: string, line: number | undefined): ArhivarError {
  if (!(error instanceof RangeError)) throw error;
  return new ArhivarError({
    code: 'markdown/too-complex',
    message: `the Markdown is nested too deeply to render (${error.message})`,
    file,
    line,
    hint: 'look for long runs of > - * [ characters from a broken export; remove them or escape them with \\',
    cause: error,
  });
}

function uniqueTags(names: readonly string[]) {
  const seen = new Set<string>();
  const tags = [];
  for (const name of names) {
    const slug = slugify(name);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    tags.push({ name, slug });
  }
  return tags;
}

/** What loadSite keeps of a validated article once its body is with the renderer. */
type Draft = Omit<ArticleSource, 'body'>;

function withoutBody(article: ArticleSource): Draft {
  const { file, frontMatter, title, slug, bodyLine, keyLines } = article;
  return { file, frontMatter, title, slug, bodyLine, keyLines };
}

function findDuplicateUrls(articles: readonly Draft[]): ArhivarError[] {
  const byUrl = new Map<string, Draft>();
  const errors: ArhivarError[] = [];
  for (const article of articles) {
    const url = urls.article(article.frontMatter.date, article.slug);
    const first = byUrl.get(url);
    if (!first) {
      byUrl.set(url, article);
      continue;
    }
    errors.push(
      new ArhivarError({
        code: 'article/duplicate-url',
        message: `this article and ${first.file} both have the date and slug of ${url}`,
        file: article.file,
        line: article.keyLines.get('slug') ?? article.keyLines.get('title'),
        hint: 'give one of them a different slug: line, such as slug: ' + article.slug + '-2',
      }),
    );
  }
  return errors;
}

export function siteContext(model: SiteModel, assets: AssetUrls): SiteContext {
  const people = new Map<string, Person>();
  for (const entry of model.archive.people) people.set(entry.person.id, entry.person);
  return { site: model.config, assets, people };
}

/** `list` lets the dev server pass the page lister it reloads when templates change. */
export function sitePages(model: SiteModel, assets: AssetUrls, list: typeof listPages = listPages): Iterable<PageSpec> {
  return list({ context: siteContext(model, assets), archive: model.archive, bios: model.bios });
}

/** Files besides the pages (assets, search index); the dev server serves them (`build` takes the index from .cache/ when it can). */
export function siteFiles(model: SiteModel, assets: BuiltAssets): OutputFile[] {
  return [...assets.files, ...siteSearchFiles(model)];
}

export function siteSearchFiles(model: SiteModel): OutputFile[] {
  return buildArchiveSearch(model.archive).files;
}

export interface BuildOptions extends LoadOptions {
  /** Output folder relative to root; dist by default. */
  outDir?: string;
}

export interface BuildProgress {
  phase: 'reading' | 'writing';
  articlesRead: number;
  pagesWritten: number;
}

export interface BuildResult {
  model: SiteModel;
  pagesWritten: number;
  /** Pages rendered this time; the others were unchanged since the last build (.cache/). */
  pagesRendered: number;
  /** Files whose bytes were written; unchanged files are not touched. */
  filesWritten: number;
  elapsedMs: number;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const report = options.onProgress;
  report?.({ phase: 'reading', articlesRead: 0, pagesWritten: 0 });
  // Before any work: a file where the site goes would otherwise fail the build only at its very end.
  await checkOutputFolder(options.root, options.outDir ?? 'dist');
  await checkPublicFolder(options.root);
  const model = await loadSite(options);
  const articlesRead = model.archive.articles.length;
  report?.({ phase: 'writing', articlesRead, pagesWritten: 0 });
  try {
    const assets = await buildAssets(options.root);
    const onPage = report && ((pagesWritten: number) => report({ phase: 'writing', articlesRead, pagesWritten }));
    const outDir = options.outDir ?? 'dist';
    const published = await readPublishedTree(options.root, path.resolve(options.root, outDir), options.cache);
    // The same files as siteFiles(); search files that dist/ already holds unchanged come without bytes, and
    // the others are made one at a time as the publisher writes them.
    const search = searchFiles(model.archive, { root: options.root, cache: options.cache, isPublished: published.has });
    const files = (async function* () {
      yield* assets.files;
      yield* search;
    })();
    const written = await writeSite(options.root, outDir, sitePages(model, assets.urls), files, {
      timings: options.timings,
      cache: options.cache,
      onPage,
      published,
    });
    return { model, ...written, elapsedMs: performance.now() - started };
  } catch (error) {
    model.close();
    throw error;
  }
}
