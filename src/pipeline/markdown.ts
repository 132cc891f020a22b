import { createHash } from 'node:crypto';
import type { ArticleSource } from '../content/article.ts';
import type { Person } from '../content/person.ts';
import { ArhivarError, sortErrors } from '../errors.ts';
import type { MarkdownFacts, RenderedMarkdown } from '../markdown/render.ts';
import { decodeMarkdown, defaultPoolSize, MarkdownPool, NestedTooDeep, TimeLimitExceeded, type ArticleTask, type DetectedPeople, type EncodedMarkdown } from '../workers/markdown-pool.ts';
import { RecordCache, type Erasures } from './cache.ts';
import { BlobLog } from './blob-log.ts';
import { contentCacheVersion } from './version.ts';
import { sha1 } from '../hash.ts';
import { RoomWaiters } from '../queue.ts';
import { sessionLog, type LoadCache } from '../load-cache.ts';
import { compileWorker } from '../workers/compile.ts';
import { releaseBytes } from '../memory.ts';

/**
 * Renders every article body and, when asked, detects the registry's people in it, in the order given.
 * A body rendered by an earlier build with the same arhivar code comes from .cache/ (keyed by a hash of
 * the body), and so do people found by an earlier build (keyed by a hash of the registry's names and of
 * the title, summary and body). The rest go to a pool of worker threads with a time limit per article,
 * so one pathological article fails with `article/too-slow` instead of hanging the build.
 */
export const ARTICLE_TIME_LIMIT_MS = 10_000;

/**
 * Bodies that may wait for a worker before loadSite stops validating (BodyRenderer.roomFor): the main thread
 * validates several times faster than two workers render, so without a bound every body of a cold build
 * would wait in memory (about 300 MB at 100,000 articles; 10,000 bodies are about 30 MB). Not lower: held
 * at 1,000, a cold build of 10,000 articles took 6 % longer and 9 % more CPU (4 alternating runs), as the
 * main thread then validates while both workers render instead of before.
 */
export const WAITING_BODIES_LIMIT = 10_000;

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
  /**
   * Leave rendered bodies in .cache/ and read each one when it is asked for, instead of holding them all
   * (see BlobLog); the caller must then call close() on the result once no body will be read again. Needs the
   * cache. With `session` (the dev server) bodies are always left on disk, in a log the session keeps open.
   */
  bodiesOnDisk?: boolean | undefined;
  /** The dev server's session: the log of rendered bodies is kept open in it between loads. */
  session?: LoadCache | undefined;
  /** Workers started before the registry was known (startMarkdownWorkers); open() gives them the registry. */
  started?: Promise<MarkdownPool> | undefined;
  /** Told, once the logs are saved, the records of rendered bodies and people found that this run did not use (see Erasures). */
  erasures?: Erasures | undefined;
}

export const MARKDOWN_WORKER_ENTRY = 'workers/markdown-worker.ts';

/**
 * Starts the Markdown workers before content/ is read, so that loading the renderer (0.15-0.4 s a worker)
 * overlaps the reading instead of following it; BodyRenderer.open takes them over with the registry. With
 * no rendered bodies in .cache/ from this version of arhivar (a cold build) every article will go to a
 * worker, so all of them are started; otherwise one, as BodyRenderer.open would, and more only as needed.
 * The caller must hand the pool to BodyRenderer.open or close it.
 */
export async function startMarkdownWorkers(
  options: Pick<MarkdownOptions, 'root' | 'cache' | 'timeLimitMs' | 'workers'> & { background?: boolean },
): Promise<MarkdownPool> {
  const workerFile = await compileWorker(options.root, MARKDOWN_WORKER_ENTRY);
  const cold = options.cache === false || !(await BlobLog.exists(options.root, 'markdown', await contentCacheVersion()));
  const size = cold ? Math.max(1, options.workers ?? defaultPoolSize()) : 1;
  return new MarkdownPool({ workerFile, size, timeLimitMs: options.timeLimitMs ?? ARTICLE_TIME_LIMIT_MS, peopleLater: true, background: options.background, wholeRegistry: cold });
}

/**
 * Runs `work` (reading content/, which holds the main thread) with `workers` from startMarkdownWorkers that
 * are not yet handed to BodyRenderer.open. Waits for them to start first, or they would start only after
 * `work`; a failure to start is left for the renderer to report. Stops them if `work` fails: nothing else
 * would, and their threads would keep the process alive.
 */
export async function beforeHandOver<T>(workers: Promise<MarkdownPool> | undefined, work: () => Promise<T>): Promise<T> {
  await workers?.catch(() => undefined);
  try {
    return await work();
  } catch (error) {
    await closeWorkers(workers);
    throw error;
  }
}

/** Stops workers from startMarkdownWorkers that will not be handed to BodyRenderer.open. */
export async function closeWorkers(workers: Promise<MarkdownPool> | undefined): Promise<void> {
  await workers?.then((pool) => pool.close()).catch(() => undefined);
}

export interface RenderedBodies {
  bodies: (RenderedMarkdown | undefined)[];
  /** The bios given to addBio, by person id; one that failed to render is missing (its error is in `errors`). */
  bios: Map<string, RenderedMarkdown>;
  /** Set when options.detect was given (undefined for an article that failed to render). */
  detected: (DetectedPeople | undefined)[];
  /** Hash of each body: names its rendered html and text (see render/fingerprint.ts setContentKey). */
  keys: string[];
  /** The key of each article's people found (its record in their log), '' when people are not detected. */
  detections: string[];
  /** Time spent detecting people, summed over the worker threads (it overlaps the rendering). */
  detectMs: number;
  errors: ArhivarError[];
  /** people/detector-fallback, once per worker whose detector fell back. */
  warnings: ArhivarError[];
  /** Closes the .cache/ file that bodies are read from (options.bodiesOnDisk); bodies cannot be read after it. */
  close: () => void;
}

/**
 * What shapes detection besides the article: the names, surnames, aliases, genders, roles (a gender may be
 * guessed from one) and detect flags of the registry, in order.
 */
export function registryKey(people: readonly Person[]): string {
  const hash = createHash('sha1');
  for (const person of people) {
    hash.update(JSON.stringify([person.id, person.name, person.surname ?? null, person.aliases, person.gender ?? null, person.role ?? null, person.detect])).update('\n');
  }
  return hash.digest('base64url');
}

/** Names a body by its text: the key of its rendering in .cache/ and of the pages' content (setContentKey). */
export function bodyKey(body: string): string {
  return sha1(body);
}

/** bodyKey of a body given as its UTF-8 bytes (the same key: sha1 hashes a string as its UTF-8). */
export function bodyKeyOfBytes(bytes: Uint8Array): string {
  return sha1(bytes);
}

export async function renderArticleBodies(articles: readonly ArticleSource[], options: MarkdownOptions): Promise<RenderedBodies> {
  const renderer = await BodyRenderer.open(options);
  for (const article of articles) renderer.add(article);
  return renderer.finish();
}

/**
 * renderArticleBodies one article at a time: `add` each article as soon as its front matter is validated,
 * so the worker threads render the first bodies while the main thread is still reading the rest (the
 * load stage of a cold build then overlaps the Markdown instead of preceding it); `finish` waits for all.
 */
export class BodyRenderer {
  private readonly bodies: (RenderedMarkdown | undefined)[] = [];
  private readonly bios = new Map<string, RenderedMarkdown>();
  private readonly detected: (DetectedPeople | undefined)[] = [];
  private readonly keys: string[] = [];
  private readonly detections: string[] = [];
  private readonly errors: ArhivarError[] = [];
  private readonly running: Promise<void>[] = [];
  private readonly timeLimitMs: number;
  private readonly maxWorkers: number;
  /** Started by open() (or before it: MarkdownOptions.started); finish() closes it. */
  private pool!: Promise<MarkdownPool>;
  private tasks = 0;
  /** Tasks handed to run() and not finished yet. */
  private unfinished = 0;
  private readonly room = new RoomWaiters();
  /** Articles (by index) still with the workers, until their task settles. */
  private readonly pending = new Map<number, Promise<void>>();
  /** How to move an article's task ahead of the others, once it is submitted to the pool. */
  private readonly promotions = new Map<number, () => void>();
  /** Articles asked for (see rendered) before their task reached the pool. */
  private readonly wanted = new Set<number>();
  private detectMs = 0;
  /** A worker's people detector fell back to the whole registry's index (people/lazy-detector.ts): arhivar's bug, told. */
  private readonly fallbacks: ArhivarError[] = [];
  private failure: { error: unknown } | undefined;

  private constructor(
    private readonly options: MarkdownOptions,
    private readonly cache: BlobLog<MarkdownHead> | undefined,
    private readonly peopleCache: RecordCache<DetectedPeople> | undefined,
    private readonly registry: string,
  ) {
    this.timeLimitMs = options.timeLimitMs ?? ARTICLE_TIME_LIMIT_MS;
    this.maxWorkers = Math.max(1, options.workers ?? defaultPoolSize());
    this.onDisk = Boolean(cache && (options.bodiesOnDisk || options.session));
    this.ownsCache = !options.session;
  }

  /** False when the log belongs to the dev server's session, which keeps it open between loads. */
  private readonly ownsCache: boolean;

  /** Bodies are read from the cache when asked for (options.bodiesOnDisk), not held. */
  private readonly onDisk: boolean;

  static async open(options: MarkdownOptions): Promise<BodyRenderer> {
    const useCache = options.cache ?? true;
    // One worker is started before anything else (unless the caller started the pool earlier still), so it
    // loads (and builds its people detector) while the caches are read and the front matter validated: after
    // an edit, the edited article need not wait for it. When every body is cached it is stopped unused.
    const people = options.detect?.people;
    const pool = options.started
      ? options.started.then((started) => {
          started.setup(people);
          return started;
        })
      : compileWorker(options.root, MARKDOWN_WORKER_ENTRY).then(
          (workerFile) => new MarkdownPool({ workerFile, size: 1, timeLimitMs: options.timeLimitMs ?? ARTICLE_TIME_LIMIT_MS, people }),
        );
    // A pool that cannot start fails the first task that needs it (run); unused, it is not an error.
    pool.catch(() => undefined);
    try {
      const version = await contentCacheVersion();
      const session = options.session;
      const openLog = () => BlobLog.open<MarkdownHead>(options.root, 'markdown', version);
      // One log for the session, even when a second load starts while the first is opening it: two would
      // write the same spill file (named by the process) over each other.
      const cache = !useCache ? undefined : session ? await sessionLog(session, 'bodies', async () => (session.bodies = await openLog())) : await openLog();
      // Indexed: a rebuild reads the people found in the edited articles alone, and keeps the others (addWithRecord).
      const openPeople = (keptBetweenRuns = false) => RecordCache.open<DetectedPeople>(options.root, 'people', version, { keptBetweenRuns, indexed: true });
      const peopleCache = !useCache || !options.detect ? undefined : await (session ? sessionLog(session, 'people', () => openPeople(true)) : openPeople());
      const renderer = new BodyRenderer(options, cache, peopleCache, options.detect ? registryKey(options.detect.people) : '');
      renderer.pool = pool;
      return renderer;
    } catch (error) {
      // No finish() will close the pool: its workers would keep the process alive.
      await closeWorkers(pool);
      throw error;
    }
  }

  /**
   * Takes the next article (results come back in the order of `add`): from the caches, or sent to a worker.
   * `key` is bodyKey(article.body) when the caller knows it; the body is then read only if it must be rendered.
   * `bytes` is the body as UTF-8 when the caller has it (the key was made from it), so it is not encoded again.
   */
  add(article: ArticleSource, key = bodyKey(article.body), bytes?: Uint8Array): void {
    const { options, cache, peopleCache } = this;
    const index = this.keys.length;
    this.keys.push(key);
    this.bodies.push(undefined);
    this.detected.push(undefined);
    const recent = options.reuse?.get(article.file);
    const hit = recent && recent.key === key ? recent.value : this.stored(key);
    if (hit) {
      this.bodies[index] = hit;
      options.reuse?.set(article.file, { key, value: hit });
    }
    let wantPeople = false;
    const peopleKey = options.detect ? detectionKey(this.registry, article, key) : '';
    this.detections.push(peopleKey);
    if (options.detect) {
      const recentPeople = options.reusePeople?.get(article.file);
      const reused = recentPeople && recentPeople.key === peopleKey;
      if (reused) peopleCache?.keep(peopleKey);
      const found = reused ? recentPeople.value : peopleCache?.get(peopleKey);
      if (found) {
        this.detected[index] = found;
        options.reusePeople?.set(article.file, { key: peopleKey, value: found });
      } else wantPeople = true;
    }
    if (hit && !wantPeople) return;
    const task: Omit<ArticleTask, 'id'> = {
      body: hit ? undefined : (bytes ?? utf8Encoder.encode(article.body)),
      text: hit?.text,
      detect: wantPeople ? { title: article.title, summary: article.frontMatter.summary } : undefined,
    };
    this.unfinished++;
    // Handled at once, so a failure while the caller is still adding articles is not an unhandled rejection.
    const settled = this.run({ owner: 'article', file: article.file, bodyLine: article.bodyLine }, index, key, peopleKey, task)
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.pending.delete(index);
        this.room.wake(--this.unfinished);
      });
    this.pending.set(index, settled);
    this.running.push(settled);
  }

  /**
   * Takes the next article as add() does, for one whose record .cache/ holds (build.ts): its body from the log of
   * rendered bodies, and no people, which the record has; `detection` is the key of the people found in it, whose
   * record in their log is kept as used. False, and nothing taken, when the log holds no such body: the caller
   * then add()s the article.
   */
  addWithRecord(key: string, detection: string): boolean {
    if (this.options.reuse) return false;
    const body = this.stored(key);
    if (!body) return false;
    this.keys.push(key);
    this.bodies.push(body);
    this.detected.push(undefined);
    this.detections.push(detection);
    if (detection) this.peopleCache?.keep(detection);
    return true;
  }

  /**
   * Renders a person's bio on the workers, under the articles' time limit: rendered on the main thread, a bio
   * with a table of 100,000 columns held the build for a minute, and nothing could stop it. finish() gives it
   * (RenderedBodies.bios) or its error (person/too-slow). Not kept in .cache/ here: pipeline/people.ts keeps
   * every bio once all render, so a build whose person files are unchanged sends none.
   */
  addBio(id: string, bio: string, origin: Pick<BodyOrigin, 'file' | 'bodyLine'>): void {
    const settled = this.poolFor(++this.tasks)
      .then(async (pool) => {
        try {
          const { rendered } = await pool.run({ body: utf8Encoder.encode(bio) });
          this.bios.set(id, decodeMarkdown(rendered!));
        } catch (error) {
          this.errors.push(renderError({ owner: 'person', ...origin }, error, this.timeLimitMs));
        }
      })
      // A pool that cannot start is arhivar's failure, not the bio's: it goes to finish() as it is.
      .catch((error: unknown) => {
        this.failure ??= { error };
      });
    this.running.push(settled);
  }

  /**
   * Waits until the articles at `indices` (numbered in the order of add) are done, sending those that still
   * wait for a worker before all others. Then result() has them: the dev server shows the home page from
   * the newest articles while the rest are rendered.
   */
  async rendered(indices: readonly number[]): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const index of indices) {
      const settled = this.pending.get(index);
      if (!settled) continue;
      const promote = this.promotions.get(index);
      if (promote) promote();
      else this.wanted.add(index);
      waits.push(settled);
    }
    await Promise.all(waits);
  }

  /**
   * One article's body and people ahead of every article added, for a page shown before the load is done
   * (the dev server's early home page, see pipeline/newest.ts). Nothing is numbered: the body and people go
   * into .cache/ only, where the article's add() finds them later. undefined when it cannot be rendered; its
   * add() will report why.
   */
  async preview(article: ArticleSource): Promise<{ body: RenderedMarkdown; detected: DetectedPeople | undefined } | undefined> {
    const { options } = this;
    const key = bodyKey(article.body);
    const recent = options.reuse?.get(article.file);
    const hit = recent && recent.key === key ? recent.value : this.stored(key);
    const peopleKey = options.detect ? detectionKey(this.registry, article, key) : '';
    const recentPeople = options.reusePeople?.get(article.file);
    const found = !options.detect ? undefined : recentPeople && recentPeople.key === peopleKey ? recentPeople.value : this.peopleCache?.peek(peopleKey);
    if (hit && (!options.detect || found)) return { body: hit, detected: found };
    try {
      const pool = await this.pool;
      const submitted = pool.submit({
        body: hit ? undefined : utf8Encoder.encode(article.body),
        text: hit?.text,
        detect: options.detect && !found ? { title: article.title, summary: article.frontMatter.summary } : undefined,
      });
      submitted.promote();
      const result = await submitted.result;
      // Kept in .cache/ as add()'s results are: validation adds the same article next and finds it there instead
      // of rendering it again, and a dev server stopped before that keeps the newest page's bodies for its next start.
      if (result.rendered && !hit) this.cache?.set(key, headOf(result.rendered), [result.rendered.html, result.rendered.text]);
      if (result.detected && !found) this.peopleCache?.set(peopleKey, result.detected);
      const body = hit ?? (result.rendered ? new Utf8Body(result.rendered) : undefined);
      const detected = found ?? result.detected;
      if (!body || (options.detect && !detected)) return undefined;
      return { body, detected };
    } catch {
      return undefined;
    }
  }

  /** What is known of the article at `index` so far: its body once rendered, the people found once detected. */
  result(index: number): { body: RenderedMarkdown | undefined; detected: DetectedPeople | undefined } {
    return { body: this.bodies[index], detected: this.detected[index] };
  }

  /** Articles and bios sent to the workers so far (the cached ones are not). */
  get sent(): number {
    return this.tasks;
  }

  /** Resolves once at most `limit` added articles are still being rendered or wait for a worker. */
  roomFor(limit: number): Promise<void> {
    return this.room.wait(this.unfinished, limit);
  }

  /** Takes where the body came from, not the article: the article's body, cut from its file's text, would keep the text alive until the worker is done. */
  private async run(article: BodyOrigin, index: number, key: string, peopleKey: string, task: Omit<ArticleTask, 'id'>): Promise<void> {
    const { options } = this;
    // A pool that cannot start is arhivar's failure, not the article's: it goes to finish() as it is.
    const pool = await this.poolFor(++this.tasks);
    try {
      const submitted = pool.submit(task);
      if (this.wanted.delete(index)) submitted.promote();
      else this.promotions.set(index, submitted.promote);
      const result = await submitted.result.finally(() => this.promotions.delete(index));
      if (result.rendered) {
        this.cache?.set(key, headOf(result.rendered), [result.rendered.html, result.rendered.text]);
        // Kept as the UTF-8 bytes the worker sent, or left in .cache/ to be read when a page needs it.
        const body = this.onDisk ? this.stored(key)! : new Utf8Body(result.rendered);
        // The log has copied them. The promises this result came through were made when the article was added and
        // were in the old generation by then, so its bytes stayed until this thread's next full collection: in a
        // traced cold build of 10,000 articles about 56 of the 65 MB the workers sent were still held near the end.
        if (this.onDisk) releaseBytes(result.rendered.html, result.rendered.text);
        this.bodies[index] = body;
        options.reuse?.set(article.file, { key, value: body });
      }
      this.detectMs += result.detectMs ?? 0;
      if (result.detectorFallback !== undefined) this.fallbacks.push(detectorFallback(article, result.detectorFallback));
      if (result.detected) {
        this.detected[index] = result.detected;
        this.peopleCache?.set(peopleKey, result.detected);
        options.reusePeople?.set(article.file, { key: peopleKey, value: result.detected });
      }
    } catch (error) {
      this.errors.push(renderError(article, error, this.timeLimitMs));
    }
  }

  /** The pool, given another worker per ARTICLES_PER_WORKER uncached articles. */
  private async poolFor(tasks: number): Promise<MarkdownPool> {
    const pool = await this.pool;
    pool.grow(Math.min(this.maxWorkers, Math.ceil(tasks / ARTICLES_PER_WORKER)));
    return pool;
  }

  /** The body kept in .cache/ under `key`: read now, or when asked for (options.bodiesOnDisk). */
  private stored(key: string): RenderedMarkdown | undefined {
    const cache = this.cache;
    const head = cache?.head(key);
    if (!cache || !head) return undefined;
    if (this.onDisk) return new DiskBody(cache, key, head);
    const [html, text] = cache.parts(key);
    return new Utf8Body({ ...head, html: html!, text: text! });
  }

  /** Stops the workers: articles not rendered yet fail, and finish() reports them. */
  async stop(): Promise<void> {
    await this.pool.then(
      (pool) => pool.close(),
      () => undefined,
    );
  }

  async finish(): Promise<RenderedBodies> {
    try {
      await Promise.all(this.running);
    } finally {
      await this.pool.then(
        (pool) => pool.close(),
        () => undefined,
      );
    }
    const close = () => {
      if (this.ownsCache) this.cache?.close();
    };
    try {
      // A failed build keeps what it rendered: the next attempt needs it too.
      await this.cache?.save();
      await this.peopleCache?.save();
      this.options.erasures?.add(this.cache?.staleRecords());
      this.options.erasures?.add(this.peopleCache?.staleRecords());
    } finally {
      if (!this.onDisk || this.failure) close();
    }
    if (this.failure) throw this.failure.error;
    return { bodies: this.bodies, bios: this.bios, detected: this.detected, keys: this.keys, detections: this.detections, detectMs: this.detectMs, errors: sortErrors(this.errors), warnings: this.fallbacks, close };
  }
}

/**
 * A rendered body in .cache/: this head, and the html and text as UTF-8 bytes (parts 0 and 1), as the workers
 * send them. v8 would keep a string with any non-Latin-1 letter (č, š, ž) as UTF-16: twice the bytes.
 */
export type MarkdownHead = MarkdownFacts;

/**
 * Every fact of the body (the summary, the word count, what the warnings are made of, the image a shared link
 * shows) travels in the head, so a build that takes the body from .cache/ shows and warns as a fresh one
 * does. renderMarkdown sets an optional fact only when there is one, so most heads stay small. Heads kept by
 * other arhivar code are never read: the log is named by contentCacheVersion, a hash of src/ (not of templates/).
 */
function headOf(rendered: EncodedMarkdown): MarkdownHead {
  const { html: _html, text: _text, ...head } = rendered;
  return head;
}

const utf8 = new TextDecoder();
const utf8Encoder = new TextEncoder();

/**
 * A rendered body held as UTF-8 bytes (as .cache/ stores it) whose html and text are decoded on every read.
 * V8 keeps a string with č, š or ž at two bytes a character, so the bytes take half the memory of the
 * strings (about 150 to 76 MB at 10,000 articles). A build reads each body once or twice (its page, the
 * search index, a full-text feed), a rebuild only those of the pages whose inputs changed, and the dev server
 * only those of the pages asked for; decoding a 3 KB body takes a few microseconds.
 */
// The body's facts are its own fields, copied in whole by the constructor (declaration merging).
interface Utf8Body extends Readonly<MarkdownFacts> {}
class Utf8Body implements RenderedMarkdown {
  readonly #stored: EncodedMarkdown;

  constructor(stored: EncodedMarkdown) {
    this.#stored = stored;
    Object.assign(this, headOf(stored));
  }

  get html(): string {
    return utf8.decode(this.#stored.html);
  }

  get text(): string {
    return utf8.decode(this.#stored.text);
  }
}

/**
 * A rendered body left in .cache/ (options.bodiesOnDisk), its html and text read from the file on every read:
 * a build reads each body once or twice, so at 100,000 articles this saves about 650 MB for a few
 * microseconds per read.
 */
interface DiskBody extends Readonly<MarkdownFacts> {}
class DiskBody implements RenderedMarkdown {
  constructor(
    private readonly cache: BlobLog<MarkdownHead>,
    private readonly key: string,
    head: MarkdownHead,
  ) {
    Object.assign(this, head);
  }

  get html(): string {
    return utf8.decode(this.cache.part(this.key, 0));
  }

  get text(): string {
    return utf8.decode(this.cache.part(this.key, 1));
  }
}

/** The file and line a body or bio starts on, and whose it is (an error's code starts with it), for its errors. */
interface BodyOrigin {
  owner: 'article' | 'person';
  file: string;
  bodyLine: number | undefined;
}

/** What detection in one article depends on: the registry, the title, the summary and the body (by its hash). */
function detectionKey(registry: string, article: ArticleSource, bodyKey: string): string {
  const summary = article.frontMatter.summary;
  return sha1(`${registry}\0${article.title}\0${summary === undefined ? '-' : `+${summary}`}\0${bodyKey}`);
}

/**
 * The people found in the article are right (the whole index found them), but a person's forms broke the promise the
 * lazy detector builds people by: articles the same worker detected before may have missed them, until a build
 * detects them again (a change to the article or to the registry).
 */
function detectorFallback(article: BodyOrigin, why: string): ArhivarError {
  return new ArhivarError({
    code: 'people/detector-fallback',
    message: `detecting people here, ${why}, so this build's worker used the whole registry's index from this article on; articles it detected before may have missed that person`,
    file: article.file,
    hint: 'this is a bug in arhivar, not in the content: report it with the person file; the build goes on',
  });
}

function renderError(article: BodyOrigin, error: unknown, timeLimitMs: number): ArhivarError {
  const { owner } = article;
  if (error instanceof TimeLimitExceeded) {
    return new ArhivarError({
      code: `${owner}/too-slow`,
      message: `rendering the ${owner === 'person' ? "bio's " : ''}Markdown took longer than ${timeLimitMs / 1000} s, so it was stopped; the text probably holds a construct the parser handles very slowly (thousands of nested or unclosed * _ [ or > marks, or a table thousands of columns wide)`,
      file: article.file,
      line: article.bodyLine,
      hint: owner === 'person' ? 'look for long runs of * _ [ ] | or > in the bio, and shorten it' : 'look for long runs of * _ [ ] | or > in the text, or split the article',
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
    code: `${owner}/markdown-failed`,
    message: `the Markdown could not be rendered: ${error instanceof Error ? error.message : String(error)}`,
    file: article.file,
    line: article.bodyLine,
    hint: 'check the text for unusual markup; if it looks ordinary, report it as a bug in arhivar',
    cause: error,
  });
}
