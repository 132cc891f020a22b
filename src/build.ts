import path from 'node:path';
import { ArhivarError, ContentErrors, sortErrors, withProblems } from './errors.ts';
import { CONTENT_DIR, readContent, type ContentSources } from './content/read.ts';
import { parseSiteConfig, placeholderBaseUrl, type SiteConfig } from './config/site.ts';
import type { Article } from './content/article.ts';
import type { ContentDate } from './content/dates.ts';
import type { Person } from './content/person.ts';
import { checkRedirects } from './content/redirects.ts';
import { pruneCache, type LoadCache } from './load-cache.ts';
import { buildRegistry, loadRegistry, type Registry } from './people/registry.ts';
import { peopleFilesKey, readStoredPeople, storePeople } from './pipeline/people.ts';
import { collectArchive, withTagNames, type Archive } from './site/archive.ts';
import { mergedTagWarnings } from './pipeline/tag-spellings.ts';
import { basePathOf, outputPathFor, urls } from './site/urls.ts';
import { cutSlug, MAX_SLUG_LENGTH } from './site/slug.ts';
import { listPages, type PageSpec } from './render/pages.ts';
import { contentKeyOf, recordKeyOf, setContentKey, setRecordKey } from './render/fingerprint.ts';
import type { AssetUrls, SiteContext } from './render/context.ts';
import { ASSETS_FOLDER, buildAssets, stylesheetWarnings, type BuiltAssets, type OutputFile } from './output/assets.ts';
import { CHUNK_FOLDER, SHARD_FOLDER } from './search/manifest.ts';
import { buildArchiveSearch } from './search/documents.ts';
import { searchFiles } from './pipeline/search.ts';
import { writeSite } from './output/write.ts';
import { readPublicPages } from './output/public-pages.ts';
import { forgetPublishedTree, publicConflicts, publicFolderContents, readPublishedTree, shadowedPublicFile, type WrittenPaths } from './output/publish.ts';
import { holdingOutputFolder, type LockCommand, type LockHolder } from './output/build-lock.ts';
import type { TreeStamp } from './output/side-trees.ts';
import { addTime, time, timeSync, type Timings } from './pipeline/timings.ts';
import { Erasures, type Erasure } from './pipeline/cache.ts';
import { checkCacheFolder, checkContentFolder } from './pipeline/folders.ts';
import { beforeHandOver, BodyRenderer, startMarkdownWorkers, WAITING_BODIES_LIMIT } from './pipeline/markdown.ts';
import { relatedArticles } from './pipeline/related.ts';
import { bodyWarnings } from './pipeline/body-warnings.ts';
import { fileNameTypoWarning, guessedGenderWarning, missingSurnameWarning, roleInNameWarning } from './pipeline/person-warnings.ts';
import type { MarkdownPool } from './workers/markdown-pool.ts';
import { hasStoredValidations, validateArticles } from './pipeline/articles.ts';
import { newestArticles, newestBeforeValidation, type NewestArticles } from './pipeline/newest.ts';
import { articleRecord, clockChangeWarnings, draftAddress, restoredRecord, storedRecord, unaddressedPeopleErrors, withoutBody, type Draft, type StoredRecord } from './pipeline/records.ts';
import { openRecordLog } from './pipeline/record-log.ts';
import { checkAddresses, lastPublishedAddresses, recordPublishedAddresses, type AddressCheck, type LastAddresses } from './pipeline/published-addresses.ts';
import { checkPublishedPeople, recordPublishedPeople, type PeopleCheck } from './pipeline/published-people.ts';
import { append } from './append.ts';
import { measureBodyPictures } from './pipeline/pictures.ts';
import { collectGarbage } from './memory.ts';
import type { PictureSize } from './site/pictures.ts';

export type { NewestArticles } from './pipeline/newest.ts';

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
   * pipeline/newest.ts), and an older article may still fail; otherwise they are told once every
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
  /**
   * Where the last builds published each article (pipeline/published-addresses.ts): an article no longer at one
   * of them, with nothing standing there now, is warned about (article/address-changed). The build and
   * `arhivar check` pass it; the dev server does not, since it publishes nothing.
   */
  lastAddresses?: LastAddresses | undefined;
  /**
   * The site is loaded to be published (`arhivar build`, which sets it itself, and `arhivar check`): a baseUrl
   * left out or at a local or example address is warned about (site/placeholder-baseUrl). The dev server
   * does not set it: it serves the site on 127.0.0.1 by design.
   */
  publishing?: boolean | undefined;
  /**
   * Told the records of .cache/'s logs that this load did not use: what the site no longer publishes (an
   * article deleted, made a draft or held back, the text before an edit). build() erases them once the site is
   * swapped in.
   */
  erasures?: Erasures | undefined;
}

export interface SiteModel {
  config: SiteConfig;
  archive: Archive;
  registry: Registry;
  /** Rendered person bios by id. */
  bios: Map<string, string>;
  warnings: ArhivarError[];
  /** The articles held back because they are dated in the future; the site changes when the first is due. */
  heldBack: HeldBack | undefined;
  /**
   * The address of each article held back (urls.article, without the base path) and its date: the dev
   * server's 404 there says when the article comes, not that the page is missing.
   */
  heldBackUrls: ReadonlyMap<string, ContentDate>;
  /**
   * The address each draft would have (urls.article, without the base path) and its file, when drafts are left
   * out: `arhivar check` tells a link to one that the address is a draft's, not wrong.
   */
  draftUrls: ReadonlyMap<string, string>;
  /**
   * When this build's output or warnings change with no change to the inputs: the first held-back article
   * is due, an `updated:` still to come is reached (and its warning goes), or an article published before
   * its date (--future) with such an `updated:` reaches its date (and the warning starts).
   */
  changesAt: Date | undefined;
  /** The check of the addresses the last builds published (LoadOptions.lastAddresses), for the build to record after publishing. */
  addresses?: AddressCheck | undefined;
  /** The check of the person pages the last builds published, for the build to record after publishing. */
  people?: PeopleCheck | undefined;
  /**
   * The addresses of public/'s HTML pages the sitemap lists (output/public-pages.ts readPublicPages): read
   * with public/'s list by the build and the dev server, which set it here; none when not read.
   */
  publicPages?: readonly string[] | undefined;
  /** The width and height of the bodies' and bios' pictures in public/ (pipeline/pictures.ts), set as publicPages is; none when not read. */
  pictureSizes?: ReadonlyMap<string, PictureSize> | undefined;
  /** Lets go of the .cache/ file that bodies are read from (LoadOptions.bodiesOnDisk); a no-op otherwise. */
  close: () => void;
}

/**
 * A load that sends at least this many bodies to the Markdown workers (a cold build, a dev server's fresh start)
 * collects the main thread's garbage (memory.ts) once every article is validated and once every body is in. At
 * 10,000 articles V8 otherwise let this thread's heap grow to 150–300 MB through those stages, with 70–100 MB alive.
 * An edit sends a body or a few, and pays for no collection.
 */
const BULK_RENDERING = 1000;

/** Where person files are, as an error names them (content/read.ts toProjectPath). */
const PEOPLE_FOLDER = `${CONTENT_DIR}/people/`;
/** The warnings that say a person has no file, wrong while a person file has an error and is left out. */
const REGISTRY_WARNINGS: ReadonlySet<string> = new Set(['article/unknown-person', 'article/unknown-not-person']);

export async function loadSite(options: LoadOptions): Promise<SiteModel> {
  const { timings } = options;
  const loadStarted = performance.now();
  if (!options.sources) await checkContentFolder(options.root);
  // Reading content/ holds the main thread (about 0.6 s at 10,000 articles): the workers load meanwhile.
  const started =
    options.markdownWorkers ?? (options.sources ? undefined : startMarkdownWorkers({ root: options.root, cache: options.cache, timeLimitMs: options.markdownTimeLimitMs }));
  const useCache = options.cache !== false;
  const { sources, config, configErrors, configWarnings, siteKeyLines, peopleKey, storedPeople, registry, registryErrors } = await beforeHandOver(started, async () => {
    if (useCache) await checkCacheFolder(options.root);
    const sources = options.sources ?? (await readContent(options.root));
    const { config, errors: configErrors, warnings: configWarnings, keyLines: siteKeyLines } = parseSiteConfig(sources.site);
    const peopleKey = peopleFilesKey(sources.people);
    const storedPeople = useCache ? await readStoredPeople(options.root, peopleKey) : undefined;
    const { registry, errors: registryErrors } = storedPeople ? buildRegistry(storedPeople.people) : loadRegistry(sources.people);
    return { sources, config, configErrors, configWarnings, siteKeyLines, peopleKey, storedPeople, registry, registryErrors };
  });
  const errors: ArhivarError[] = [...sources.errors, ...configErrors, ...registryErrors];
  const warnings: ArhivarError[] = [...(sources.warnings ?? []), ...configWarnings];
  // Not while site.yaml has an error: its defaults stand in for what it says then.
  const baseUrlWarning = options.publishing && configErrors.length === 0 ? placeholderBaseUrl(config, sources.site, siteKeyLines) : undefined;
  if (baseUrlWarning) warnings.push(baseUrlWarning);

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
    erasures: options.erasures,
  });
  // Without their bodies: a body (and the file text it is cut from) is needed only until the workers have it.
  const drafts: Draft[] = [];
  const published: Draft[] = [];
  // An article record is made from its file (the source key) and these alone, so pages can be fingerprinted
  // by the key instead of by every field (render/fingerprint.ts setRecordKey).
  const recordInputs = `${peopleKey}\0${config.detectPeople ? 'detect' : 'no-detect'}`;
  // published[n]'s record key, when validation computed a source key, and its record as .cache/ kept it.
  const recordKeys: (string | undefined)[] = [];
  const storedRecords: (StoredRecord | undefined)[] = [];
  // The dev server keeps each article's record in its session (options.reuse) instead.
  const recordLog = useCache && !options.reuse ? await openRecordLog(options.root) : undefined;
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
      session: options.reuse,
      // Bodies wait for the workers as UTF-8 bytes: at most WAITING_BODIES_LIMIT of them, so a large archive's do not all wait at once.
      betweenBatches: () => {
        signal?.throwIfAborted();
        return renderer.roomFor(WAITING_BODIES_LIMIT);
      },
      deferSave: tellNewest ? (save) => (saveValidations = save) : undefined,
      // A draft's or a held-back article's front matter is not kept in .cache/: it is validated again each time.
      keep: (result) => result.article !== undefined && publishes(result.article.frontMatter.date.instant.getTime(), result.article.frontMatter.draft),
      erasures: options.erasures,
      onResult: (result, source, key, bodyKey, bodyBytes) => {
        append(errors, result.errors);
        if (result.article) {
          // Not `const { body, ...draft }`: reading the body of an article restored from .cache/ reads its file.
          const draft = withoutBody(result.article);
          drafts.push(draft);
          if (isPublished(draft)) {
            published.push(draft);
            const recordKey = key === undefined ? undefined : `${key}\0${recordInputs}`;
            recordKeys.push(recordKey);
            // Its body and people are not needed when .cache/ holds the record made from them.
            const stored = recordKey === undefined || bodyKey === undefined ? undefined : recordLog?.get(recordKey);
            if (stored && renderer.addWithRecord(bodyKey!, stored.detection)) storedRecords.push(stored);
            else {
              storedRecords.push(undefined);
              // Rendered even when other files have errors, so a too-slow article is reported in the same run.
              renderer.add(result.article, bodyKey, bodyBytes);
            }
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
  // Only registry people have bios (a person known from an article's people list alone has none). Rendered on
  // the workers, under the articles' time limit, when .cache/ does not hold them (a person file changed).
  if (!storedPeople) for (const person of registry.people.values()) if (person.bio) renderer.addBio(person.id, person.bio, { file: person.file ?? '', bodyLine: person.bioLine });

  options.onValidated?.();

  let heldBack: HeldBack | undefined;
  const heldBackUrls = new Map<string, ContentDate>();
  const draftUrls = new Map<string, string>();
  for (const draft of drafts) {
    if (draft.frontMatter.draft && !options.includeDrafts) draftUrls.set(draftAddress(draft), draft.file);
    const due = draft.frontMatter.date.instant;
    if (options.includeFuture || (draft.frontMatter.draft && !options.includeDrafts) || due.getTime() <= now.getTime()) continue;
    heldBackUrls.set(draftAddress(draft), draft.frontMatter.date);
    // Its record is made only when it comes out, but an embargo set in the hour the clocks change is when it matters.
    warnings.push(...clockChangeWarnings(draft));
    if (!heldBack) heldBack = { count: 0, next: due, nextFile: draft.file };
    heldBack.count++;
    if (due < heldBack.next) Object.assign(heldBack, { next: due, nextFile: draft.file });
  }
  let changesAt = heldBack?.next;
  for (const draft of published) {
    const updated = draft.frontMatter.updated?.instant;
    if (!updated || updated.getTime() <= now.getTime()) continue;
    const date = draft.frontMatter.date.instant;
    if (date.getTime() > now.getTime()) {
      // Dated in the future and published now (--future): it may well be updated later still, until its date
      // comes; from then on it is warned about, so a build with nothing changed must not skip that moment.
      if (!changesAt || date < changesAt) changesAt = date;
      continue;
    }
    // An article published now whose change is still to come.
    warnings.push(updatedInFuture(draft));
    // The warning goes when that time comes, so a build with nothing changed must not repeat it after then.
    if (!changesAt || updated < changesAt) changesAt = updated;
  }
  // Articles held back for their date too: a clash found only when one of them comes out would fail the
  // build that publishes it, unattended at the embargo time, instead of this one.
  const standing = drafts.filter((draft) => !draft.frontMatter.draft);
  const clashes = findAddressClashes(standing);
  append(errors, clashes.map((clash) => clash.error));
  // The dev server shows drafts, but the build publishes none, so a clash only a draft gives is no error: the
  // draft's part of it is left out, as the build leaves it out, and a warning says what it will be once published.
  const draftsShown = options.includeDrafts && standing.length < drafts.length ? draftClashes(drafts) : undefined;
  if (draftsShown) append(warnings, draftsShown.warnings);
  const addresses = options.lastAddresses && (await checkAddresses(options.lastAddresses, published, standing));
  if (addresses) append(warnings, addresses.warnings);
  addTime(timings, 'load', performance.now() - loadStarted);
  // Otherwise the newest articles are told once every article is validated, when none has an error.
  const newestTold =
    tellNewest && !toldEarly && errors.length === 0
      ? newestArticles(renderer, published, config, registry, storedRecords).then(
          (newest) => newest && tellNewest(newest),
          () => undefined,
        )
      : undefined;
  // The validations go to .cache/ once the newest articles are told: the dev server's home page waits for nothing else.
  const validationsSaved = (newestTold ?? Promise.resolve()).then(() => saveValidations?.());
  // Awaited below unless rendering fails first; that failure is the one to report.
  validationsSaved.catch(() => undefined);

  // Every text read is garbage now (in the old generation: they were all read before the first was validated), and
  // this thread has only the workers to wait for.
  const bulk = renderer.sent >= BULK_RENDERING;
  if (bulk) collectGarbage();
  const markdown = await time(timings, 'parse', () => renderer.finish()).finally(() => signal?.removeEventListener('abort', stopRendering));
  await validationsSaved;
  // What came of taking in every body, before the model is made and the pages are written.
  if (bulk) collectGarbage();
  // From here on a failure must let go of the bodies' file; success hands it to the caller (SiteModel.close).
  let handedOver = false;
  try {
    addTime(timings, 'detect', markdown.detectMs);
    // With errors the build stops, but not yet: the warnings of the files that could be read are found too,
    // from what is at hand (every valid article's body is rendered by now), so the editor fixing the errors
    // learns of them in the same run. Related articles and writing, the costly part, are skipped then.
    // A person file with an error is missing from the registry, so an article naming that person would be
    // warned of an unknown person: those warnings wait until every person file reads.
    const peopleMissing = errors.some((error) => error.file?.startsWith(PEOPLE_FOLDER) ?? false);
    // Of every article, held back and drafts too, as when the file is read: an embargoed article must not fail the
    // unattended build that publishes it. Not while a person file is left out: it may be the one with the name.
    if (!peopleMissing) {
      const answered = new Map<string, boolean>();
      for (const draft of drafts) errors.push(...unaddressedPeopleErrors(draft, registry, answered));
    }
    // After that: a bio that failed to render (person/too-slow) leaves its person in the registry.
    append(errors, markdown.errors);
    append(warnings, markdown.warnings);
    const allPeople = new Map(registry.people);
    const articles: Article[] = [];
    const sameBodies = new SameBodies();
    for (const [index, draft] of published.entries()) {
      options.onProgress?.({ phase: 'reading', articlesRead: articles.length + 1, pagesWritten: 0 });
      // Its body did not render (markdown/too-complex, a time limit): that error is told, and no page is made.
      if (markdown.bodies[index] === undefined) continue;
      if (draftsShown?.leftOut.has(draft)) continue;
      const recordKey = recordKeys[index];
      const stored = storedRecords[index];
      // The dev server's reload after an edit makes only the edited articles' records again, and so does a build.
      const kept = recordKey === undefined ? undefined : options.reuse?.records.get(draft.file);
      const record =
        kept && kept.key === recordKey
          ? kept.value
          : stored
            ? restoredRecord(draft, markdown.bodies[index]!, stored)
            : articleRecord(draft, markdown.bodies[index]!, markdown.detected[index], registry);
      if (recordKey !== undefined) options.reuse?.records.set(draft.file, { key: recordKey, value: record });
      if (recordKey !== undefined && recordLog && !stored) {
        const keep = storedRecord(record, markdown.detections[index]!);
        if (keep) recordLog.set(recordKey, keep);
      }
      for (const person of record.unknownPeople) if (!allPeople.has(person.id)) allPeople.set(person.id, person);
      warnings.push(...(peopleMissing ? record.warnings.filter((warning) => !REGISTRY_WARNINGS.has(warning.code)) : record.warnings));
      const dropped = draftsShown?.redirectsLeftOut.get(draft);
      const article = dropped ? withoutRedirects(record.article, dropped) : record.article;
      // Not part of the record, which is kept per file: it depends on the other articles. Not for a draft, which
      // the dev server shows: it is the copy still being written, and the hint would ask for its draft: true.
      const copy = draft.frontMatter.draft ? undefined : sameBodies.add({ article, bodyLine: draft.bodyLine }, markdown.keys[index]!);
      if (copy) warnings.push(duplicateBody(copy.later, copy.earlier));
      setContentKey(article, markdown.keys[index]!);
      if (recordKey !== undefined) setRecordKey(article, dropped ? `${recordKey}\0without:${[...dropped].join('\0')}` : recordKey);
      articles.push(article);
    }
    // Before the errors are thrown, as the other logs are saved: a failed build keeps what it made.
    if (recordLog) {
      await recordLog.save();
      options.erasures?.add(recordLog.staleRecords());
    }

    const bios = new Map(storedPeople?.bios);
    const bioFacts = new Map(storedPeople?.bioFacts);
    // In the registry's order, not the order the workers finished them in: .cache/ then holds the same bytes each time.
    for (const id of registry.people.keys()) {
      const rendered = markdown.bios.get(id);
      if (!rendered) continue;
      const { html, imagesWithoutAlt, imagesNamedByFile, vagueLinks, droppedUrls, droppedHtml, spacedAddresses, skippedHeadings, pastedTables } = rendered;
      bios.set(id, html);
      if (imagesWithoutAlt || imagesNamedByFile || vagueLinks || droppedUrls || droppedHtml || spacedAddresses || skippedHeadings || pastedTables) {
        bioFacts.set(id, { imagesWithoutAlt, imagesNamedByFile, vagueLinks, droppedUrls, droppedHtml, spacedAddresses, skippedHeadings, pastedTables });
      }
    }
    // Not with errors: a registry or bios stored without a broken person file would be taken as whole next time.
    if (useCache && !storedPeople && errors.length === 0) await storePeople(options.root, { key: peopleKey, people: [...registry.people.values()], bios, bioFacts });
    // Kept with the bios in .cache/, so a build that renders none still warns.
    for (const [id, facts] of bioFacts) {
      const person = registry.people.get(id);
      if (person?.file !== undefined) warnings.push(...bodyWarnings(facts, 'person', person.file, person.bioLine ?? 1));
    }
    for (const person of registry.people.values()) {
      const warning = guessedGenderWarning(person);
      if (warning) warnings.push(warning);
      const surname = missingSurnameWarning(person);
      if (surname) warnings.push(surname);
      const fileName = fileNameTypoWarning(person);
      if (fileName) warnings.push(fileName);
      const role = roleInNameWarning(person);
      if (role) warnings.push(role);
    }

    const archive = timeSync(timings, 'collect', () => collectArchive(sameTagNames(articles), allPeople));
    append(warnings, mergedTagWarnings(published, archive.tagsBySlug));
    // Which people have a page is known only now, from the articles that name them.
    const people = options.lastAddresses && checkPublishedPeople(await options.lastAddresses.readPeople(), archive.people, registry);
    // While two person files have one name, which of them the articles mean is left to the order of the files, so a
    // page »moved« to the second file is no rename: its redirectFrom: hint would ask to keep the file to delete.
    const duplicatePeople = errors.some((error) => error.code === 'person/duplicate');
    if (people && !duplicatePeople) append(warnings, people.warnings);
    if (errors.length > 0) throw new ContentErrors(sortErrors(errors), sortErrors(warnings));
    const relatedStarted = performance.now();
    archive.related = await relatedArticles(options.root, archive.articles, options.cache);
    addTime(timings, 'collect', performance.now() - relatedStarted);
    handedOver = true;
    return { config, archive, registry, bios, warnings: sortErrors(warnings), heldBack, heldBackUrls, draftUrls, changesAt, addresses: addresses || undefined, people: people || undefined, close: markdown.close };
  } finally {
    if (!handedOver) markdown.close();
  }
}

/**
 * The articles with every tag spelled as its tag page names it (site/archive.ts withTagNames). A copy keeps
 * its original's body key, and its record key says which names it was given: it is made from them too.
 */
function sameTagNames(articles: Article[]): Article[] {
  const { articles: named, renamed } = withTagNames(articles);
  for (const [original, copy] of renamed) {
    const contentKey = contentKeyOf(original);
    if (contentKey !== undefined) setContentKey(copy, contentKey);
    const recordKey = recordKeyOf(original);
    if (recordKey !== undefined) setRecordKey(copy, `${recordKey}\0tags:${copy.tags.map((tag) => tag.name).join('\0')}`);
  }
  return named;
}

/**
 * Published articles by their body's key (pipeline/markdown.ts bodyKey), to find a body that is another's
 * byte for byte: a file copied as a start, with only its title or date changed, publishes the same story
 * twice. The key is at hand for every article, from the cache too, so this costs a Map lookup each. Of two,
 * the later one (by date, then by path) is told, whatever order the files were read in: a copy made as a
 * start has the newer date. An article with no text is told so by article/empty-body, and not here.
 */
interface BodyOf {
  article: Article;
  bodyLine: number;
}

class SameBodies {
  readonly #first = new Map<string, BodyOf>();

  add(entry: BodyOf, key: string): { earlier: BodyOf; later: BodyOf } | undefined {
    if (entry.article.wordCount === 0 && !entry.article.image) return undefined;
    const other = this.#first.get(key);
    if (!other) {
      this.#first.set(key, entry);
      return undefined;
    }
    const [earlier, later] = isEarlier(entry.article, other.article) ? [entry, other] : [other, entry];
    this.#first.set(key, earlier);
    return { earlier, later };
  }
}

function isEarlier(a: Article, b: Article): boolean {
  const difference = a.date.instant.getTime() - b.date.instant.getTime();
  return difference < 0 || (difference === 0 && a.file < b.file);
}

function duplicateBody(later: BodyOf, earlier: BodyOf): ArhivarError {
  return new ArhivarError({
    code: 'article/duplicate-body',
    message: `the text of this article is the same, byte for byte, as that of ${earlier.article.file}, so the two pages read the same`,
    file: later.article.file,
    line: later.bodyLine,
    hint: 'if this file was copied from that one as a start, write its own text (add draft: true until it is written); if it is the same story twice, delete one of them',
  });
}

/**
 * Two articles at one address (article/duplicate-url), or a `redirectFrom:` address taken (article/redirect-taken):
 * the error the build gives, told of `article`, and what stands in the way: `other`'s page, or its redirect from
 * the same address (`otherRedirects`); no `other` when the address is `article`'s own.
 */
interface AddressClash {
  error: ArhivarError;
  article: Draft;
  /** The address in `article`'s redirectFrom: that is taken; none for article/duplicate-url. */
  from?: string | undefined;
  other?: Draft | undefined;
  otherRedirects?: boolean | undefined;
}

function findAddressClashes(articles: readonly Draft[]): AddressClash[] {
  const byUrl = new Map<string, Draft>();
  const clashing: Array<{ article: Draft; other: Draft; url: string }> = [];
  for (const article of articles) {
    const url = draftAddress(article);
    const first = byUrl.get(url);
    if (first) clashing.push({ article, other: first, url });
    else byUrl.set(url, article);
  }
  const freeSlug = freeSlugs(articles, byUrl);
  const clashes: AddressClash[] = clashing.map(({ article, other, url }) => {
    const error = new ArhivarError({
      code: 'article/duplicate-url',
      message: `this article and ${other.file} both have the date and slug of ${url}`,
      file: article.file,
      line: article.keyLines.get('slug') ?? article.keyLines.get('title'),
      hint: `give one of them a different slug: line, such as slug: ${freeSlug(article)}`,
    });
    return { error, article, other };
  });
  append(clashes, findTakenRedirects(articles, byUrl));
  return clashes;
}

/**
 * For each article told of a clash in turn, the first of its slug-2, slug-3, … whose address no article has, no
 * `redirectFrom:` names and no earlier hint offered (commands/article-place.ts freeSlug does the same for new
 * and import). Every clash was offered slug-2, so with a title used three times a day (»Prometne informacije«)
 * two editors following the hints clashed again, and a third article at slug-2 made it a clash of its own.
 * The number each address has reached is kept, so 500 clashes at one address cost 500 looks and not 125,000.
 */
function freeSlugs(articles: readonly Draft[], byUrl: ReadonlyMap<string, Draft>): (article: Draft) => string {
  const taken = new Set(byUrl.keys());
  for (const article of articles) for (const from of article.frontMatter.redirectFrom) taken.add(from);
  const reached = new Map<string, number>();
  return (article) => {
    const address = draftAddress(article);
    for (let number = reached.get(address) ?? 2; ; number++) {
      // The number takes the place of a long slug's end, cut at a word, as the commands cut it.
      const suffix = `-${number}`;
      const candidate = `${cutSlug(article.slug, MAX_SLUG_LENGTH - suffix.length)}${suffix}`;
      const candidateAddress = urls.article(article.frontMatter.date, candidate);
      if (taken.has(candidateAddress)) continue;
      taken.add(candidateAddress);
      reached.set(address, number + 1);
      return candidate;
    }
  };
}

/**
 * A `redirectFrom:` address must be free: not an article's own address (the page there is the article), and
 * not another article's earlier address too (only one page can stand there).
 */
function findTakenRedirects(articles: readonly Draft[], byUrl: ReadonlyMap<string, Draft>): AddressClash[] {
  const { taken } = checkRedirects(articles, {
    redirectFrom: (article) => article.frontMatter.redirectFrom,
    line: (article) => article.keyLines.get('redirectFrom'),
    ownerOf: (from) => byUrl.get(from),
    code: 'article/redirect-taken',
    noun: 'article',
    eitherOf: 'one of the two articles',
  });
  return taken.map(({ error, item, from, owner, other }) => ({ error, article: item, from, other: owner === item ? undefined : (owner ?? other), otherRedirects: !owner }));
}

/** What the dev server leaves out of the drafts it shows, so that the published articles keep their addresses. */
interface DraftsShown {
  /** Drafts whose page is not shown: a published article (or another draft) has their address. */
  leftOut: Set<Draft>;
  /** Addresses a draft's redirectFrom: names that are not shown: a published article has them. */
  redirectsLeftOut: Map<Draft, Set<string>>;
  /** An article/draft-clash warning for each clash, saying what the build will tell once the draft is published. */
  warnings: ArhivarError[];
}

/**
 * The clashes of `drafts` (every article, drafts too) with a draft in them, which the build, publishing no draft,
 * does not have. The draft's part gives way, its page or its redirect, as in a build: counted as published, a
 * draft's address named in an article's redirectFrom: made every page of the dev server an article/redirect-taken
 * that the build, which published the site, never gave. A clash with no draft in it is not one of these, but it is
 * told from the build's own run (of the articles that are no drafts), not from this one: a draft's address can
 * hide it here, as when two published articles redirect from it (each is taken by the draft's page, and neither
 * by the other, the clash the build tells).
 */
function draftClashes(drafts: readonly Draft[]): DraftsShown {
  const shown: DraftsShown = { leftOut: new Set(), redirectsLeftOut: new Map(), warnings: [] };
  const leaveOutRedirect = (draft: Draft, from: string) => {
    const left = shown.redirectsLeftOut.get(draft) ?? new Set<string>();
    shown.redirectsLeftOut.set(draft, left.add(from));
  };
  for (const clash of findAddressClashes(drafts)) {
    const { error, article, from, other } = clash;
    const isDraft = (draft: Draft | undefined) => draft?.frontMatter.draft === true;
    if (!(isDraft(article) || isDraft(other))) continue;
    // The told article's part gives way when it is a draft, and otherwise the other's (which then is one).
    const yielding = isDraft(article) ? article : other!;
    if (from === undefined) shown.leftOut.add(yielding);
    else if (yielding === article) leaveOutRedirect(article, from);
    else if (clash.otherRedirects) leaveOutRedirect(yielding, from);
    else shown.leftOut.add(yielding);
    shown.warnings.push(draftAddressClash(error, [article, other].filter(isDraft) as Draft[]));
  }
  return shown;
}

function draftAddressClash(problem: ArhivarError, drafts: readonly Draft[]): ArhivarError {
  const names = drafts.map((draft) => (draft.file === problem.file ? 'this draft' : draft.file));
  return new ArhivarError({
    code: 'article/draft-clash',
    message: `once ${names.join(' and ')} ${names.length > 1 ? 'are' : 'is'} published, ${problem.message} (${problem.code})`,
    file: problem.file,
    line: problem.line,
    hint: `before the draft is published, ${problem.hint}; until then npm run dev leaves the draft's page or redirect out, as the build does`,
  });
}

/** A draft shown without the `redirectFrom:` addresses a published article has (draftClashes). */
function withoutRedirects(original: Article, leftOut: ReadonlySet<string>): Article {
  // html and text are getters on the prototype of an article with a body (one restored from .cache/ reads its
  // file), so the spread does not copy them; not enumerable here, so withTagNames's spread of this copy reads nothing either.
  return Object.defineProperties(
    { ...original, redirectFrom: original.redirectFrom.filter((from) => !leftOut.has(from)) },
    { html: { get: () => original.html }, text: { get: () => original.text } },
  ) as Article;
}

export function siteContext(model: SiteModel, assets: AssetUrls): SiteContext {
  const people = new Map<string, Person>();
  for (const entry of model.archive.people) people.set(entry.person.id, entry.person);
  return { site: model.config, assets, people, siteFeed: model.archive.articles.length > 0 };
}

/** What measureBodyPictures reads of the model. */
export function siteOfPictures(model: SiteModel): Parameters<typeof measureBodyPictures>[1] {
  return { articles: model.archive.articles, bios: model.bios, people: model.registry.people, baseUrl: model.config.baseUrl };
}

/** `list` lets the dev server pass the page lister it reloads when templates change. */
export function sitePages(model: SiteModel, assets: AssetUrls, list: typeof listPages = listPages): Iterable<PageSpec> {
  return list({ context: siteContext(model, assets), archive: model.archive, bios: model.bios, publicPages: model.publicPages, pictureSizes: model.pictureSizes });
}

/** Files besides the pages (assets, search index); the dev server serves them (`build` takes the index from .cache/ when it can). */
export function siteFiles(model: SiteModel, assets: BuiltAssets): OutputFile[] {
  return [...assets.files, ...siteSearchFiles(model)];
}

export function siteSearchFiles(model: SiteModel): OutputFile[] {
  return buildArchiveSearch(model.archive, { basePath: basePathOf(model.config.baseUrl) }).files;
}

/**
 * Where a build of the model writes, known without bundling the assets or making the search index, for
 * `arhivar check`: every page and file listPages gives (no page is rendered, so the asset URLs it is given
 * do not matter), the search index's manifest, and the folders of the files named by their content.
 */
export function siteWrittenPaths(model: SiteModel): WrittenPaths {
  const noAssets: AssetUrls = { stylesheet: '', scripts: {} };
  // An index of no articles has no shards or chunks.
  const searchParts = model.archive.articles.length > 0 ? [SHARD_FOLDER, CHUNK_FOLDER].map((folder) => outputPathFor(`${urls.searchData()}${folder}`)) : [];
  const files = [outputPathFor(urls.searchIndex())];
  for (const page of sitePages(model, noAssets)) files.push(outputPathFor(page.url));
  return { files, folders: [ASSETS_FOLDER, ...searchParts] };
}

/**
 * Where a build writes, for a model that holds drafts (the dev server shows them): the paths of the same model
 * without its drafts, which a build does not publish, so public/ is judged as the build judges it. The people
 * with a page without the drafts are among those with one with them.
 */
export function publishedWrittenPaths(model: SiteModel): WrittenPaths {
  const articles = model.archive.articles.filter((article) => !article.draft);
  if (articles.length === model.archive.articles.length) return siteWrittenPaths(model);
  const people = new Map([...model.archive.peopleById].map(([id, entry]) => [id, entry.person]));
  // No page's address depends on its related articles: empty lists spare finding them over the whole archive.
  const archive: Archive = { ...collectArchive(articles, people), related: articles.map(() => []) };
  return siteWrittenPaths({ ...model, archive });
}

/**
 * What siteWrittenPaths makes its paths from: two models with the same key (sameAddressKey) have the same
 * written paths. Listing every page to find them takes 50 ms at 10,000 articles (47–60 ms once warm, 6
 * December), so the dev server lists them again only when this changes (an article added, retitled, moved or
 * retagged, a person file given redirectFrom:), not after an edit to a body, which shows in 0.3 s. listPages makes each address from an
 * article's url and redirectFrom, a person's id, redirectFrom and the number of articles about and by them, a tag's slug
 * and its number of articles, a month's number of articles and the page size; the search index's parts follow
 * from those, and sitemap.xml's from those and the HTML pages of public/ it lists (model.publicPages), which the
 * key leaves out: they change the number of parts only past 50,000 addresses, and in the dev server they are read
 * after the conflicts are told, so such a site's conflict with a public/sitemap-N.xml may be told late. A page made from anything else must add it here, or the dev server
 * would keep telling the public/ conflicts of the site before it (tests/unit/site-address-key.test.ts).
 */
export function siteAddressKey(model: SiteModel): string[] {
  const { archive } = model;
  // Strings the model holds already, most of them, compared one by one (sameAddressKey): joined, the key of
  // 10,000 articles took 6 ms to make.
  const key: string[] = [String(model.config.pageSize)];
  for (const article of archive.articles) {
    // A draft published (draft: false) keeps its address, but the build then writes its pages (publishedWrittenPaths).
    key.push(article.draft ? `draft ${article.url}` : article.url);
    for (const from of article.redirectFrom) key.push(`from ${from}`);
  }
  for (const entry of archive.people) {
    key.push(`person ${entry.person.id} ${entry.articles.length} ${entry.authored.length}`);
    for (const from of entry.person.redirectFrom ?? []) key.push(`person-from ${from}`);
  }
  for (const entry of archive.tags) key.push(`tag ${entry.tag.slug} ${entry.articles.length}`);
  for (const year of archive.years) for (const month of year.months) key.push(`month ${month.year}-${month.month} ${month.articles.length}`);
  return key;
}

export function sameAddressKey(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

export interface BuildOptions extends LoadOptions {
  /** Output folder relative to root; dist by default. */
  outDir?: string;
  /** Told once when another build (or an `arhivar check`) of the same output folder is running and this one waits for it to end. */
  onWaitForOtherBuild?: ((holder: LockHolder | undefined, lockPath: string) => void) | undefined;
  /**
   * The caller does what holdingOutputFolder (output/build-lock.ts) does around the build: it holds the
   * output folder's lock and has checked the folder (buildUnlessUnchanged). build() does it itself otherwise.
   */
  outputLocked?: boolean | undefined;
  /** How long one page may render before the build stops (template/timed-out); BUILD_RENDER_TIME_LIMIT_MS by default (output/render-watchdog.ts). */
  renderTimeLimitMs?: number | undefined;
}

/** `updated:` later than the build on an article published now: a year typed wrong, shown to every reader. */
function updatedInFuture(draft: Draft): ArhivarError {
  return new ArhivarError({
    code: 'article/updated-in-future',
    message: 'updated is later than now, so readers would see the article changed at a time still to come',
    file: draft.file,
    line: draft.keyLines.get('updated'),
    hint: 'correct the updated: date (the year?), or remove it until the article is changed',
  });
}

/**
 * Articles not published because they are dated in the future (not drafts): told after a build, so an
 * embargoed article is seen to wait, and a year typed wrong (2052) does not make one vanish in silence.
 */
export interface HeldBack {
  count: number;
  /** When the first of them is due, and its file. */
  next: Date;
  nextFile: string;
}

export interface BuildProgress {
  /** waiting: another build or a check of the site holds its output folder (output/build-lock.ts), and this one waits for it. */
  phase: 'waiting' | 'reading' | 'writing';
  articlesRead: number;
  pagesWritten: number;
  /** In phase waiting: what holds the output folder. */
  waitingFor?: LockCommand;
}

export interface BuildResult {
  model: SiteModel;
  pagesWritten: number;
  /** Pages rendered this time; the others were unchanged since the last build (.cache/). */
  pagesRendered: number;
  /** Files whose bytes were written; unchanged files are not touched. */
  filesWritten: number;
  /** dist/ as the record of it in .cache/ names it after the build (output/publish.ts PublishResult). */
  outputStamp?: TreeStamp | undefined;
  /**
   * What became of the records of .cache/'s logs that hold what the site no longer publishes (Erasures): left for
   * a later build to erase when another process had the log open (a dev server, another build), or could not be
   * erased. Undefined without .cache/.
   */
  erasure?: Erasure | undefined;
  elapsedMs: number;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  if (options.outputLocked) return buildAgainIfKeptStateUntrusted(options);
  // Before any work: a file where the site goes would otherwise fail the build only at its very end.
  return holdingOutputFolder(options.root, path.resolve(options.root, options.outDir ?? 'dist'), options, () => buildAgainIfKeptStateUntrusted(options));
}

/** The codes of the problems buildAgainIfKeptStateUntrusted builds again for, which must reach it as they are. */
const BUILT_AGAIN_FOR: ReadonlySet<string> = new Set(['cache/damaged', 'output/changed-outside']);

/**
 * Builds once more, with a warning, after a run that published nothing because what it kept from the last
 * build could not be trusted:
 * - a damaged record of rendered Markdown (cache/damaged, pipeline/blob-log.ts): that log was removed, and
 *   the bodies it held are rendered anew. A dev session's log (options.reuse) lives on in the session, so
 *   there the error stands;
 * - a file of dist/ removed, or replaced by a folder or its folder by a file, by something else (output/changed-outside, output/publish.ts): the record of
 *   dist/ is forgotten, and every file is written into a fresh tree.
 */
async function buildAgainIfKeptStateUntrusted(options: BuildOptions): Promise<BuildResult> {
  try {
    return await buildLocked(options);
  } catch (error) {
    if (!(error instanceof ArhivarError)) throw error;
    let warning: ArhivarError;
    if (error.code === 'cache/damaged' && !options.reuse) {
      warning = new ArhivarError({
        code: 'cache/damaged',
        file: error.file,
        message: 'a record of rendered Markdown in the build cache was damaged, so the file was removed and the build ran again, rendering those articles anew',
        hint: 'nothing to do now; if it happens again, check the disk',
      });
    } else if (error.code === 'output/changed-outside') {
      await forgetPublishedTree(options.root, path.resolve(options.root, options.outDir ?? 'dist'));
      warning = new ArhivarError({
        code: 'output/changed-outside',
        file: error.file,
        message: 'this file of the published site was removed, or replaced (by a folder, or its folder by a file), by something other than arhivar, so the build ran again and wrote every file of dist/ anew',
        hint: 'leave dist/ to arhivar: a build rewrites a file only when its content changes, so a change made there by hand stays or goes unpredictably; to start dist/ afresh, delete it and build',
      });
    } else {
      throw error;
    }
    // From the start: the first run took over and stopped the caller's Markdown workers, and let go of the
    // texts of the caller's sources if it was allowed to (their bodies would now render as empty).
    const result = await buildLocked({ ...options, markdownWorkers: undefined, sources: options.releaseSources ? undefined : options.sources });
    result.model.warnings.push(warning);
    return result;
  }
}

async function buildLocked(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const report = options.onProgress;
  report?.({ phase: 'reading', articlesRead: 0, pagesWritten: 0 });
  const outDir = options.outDir ?? 'dist';
  const target = path.resolve(options.root, outDir);
  const useCache = options.cache !== false;
  const erasures = useCache ? new Erasures() : undefined;
  // Until loadSite takes over the caller's Markdown workers, a failure must stop them, or their threads keep
  // the process alive after the problem is printed.
  const { lastAddresses, publicFolder } = await beforeHandOver(options.markdownWorkers, async () => ({
    lastAddresses: useCache ? await lastPublishedAddresses(options.root, target) : undefined,
    // What public/ holds that a build refuses (a link out of it, a name like ..\x, public a file) is read
    // before the content, so it is told with the content's errors and warnings in one run, not in the run
    // after they are fixed.
    publicFolder: await publicFolderContents(options.root),
  }));
  const refused = publicFolder.problems;
  // Read from the stylesheet on every build, also one that fails, as check reads them: Vite's own warning comes
  // only with a bundle made now, not one from .cache/.
  const themeWarnings = stylesheetWarnings();
  let model: SiteModel;
  try {
    model = await loadSite({ ...options, lastAddresses, publishing: true, erasures });
  } catch (error) {
    // A damaged record in .cache/ is about this run, not a problem of the archive: the build runs again
    // (buildAgainIfKeptStateUntrusted), and reads public/ again.
    if (error instanceof ArhivarError && error.code === 'cache/damaged') throw error;
    throw withProblems(error, refused, [...publicFolder.warnings, ...themeWarnings]);
  }
  // A file of public/ left out and told of (public/secret-file), and the stylesheet's warnings: with the content's
  // warnings, in their order. Before the assets are bundled, so a stylesheet that does not compile is told with
  // the warnings found in it (a ; forgotten above the bad part), as a failure of the content is.
  const told = [...publicFolder.warnings, ...themeWarnings];
  if (told.length > 0) model.warnings = sortErrors([...model.warnings, ...told]);
  if (refused.length > 0) {
    // Where the pages go is known without making them, so a file of public/ in their way is told now too
    // (as check tells it), and the assets and pages, which would not be published, are not made. From the
    // listing read above, not a second read: a link removed while the content loaded failed the build with
    // no problem told.
    try {
      const conflicts = publicConflicts(publicFolder.files, siteWrittenPaths(model));
      throw new ContentErrors(sortErrors([...refused, ...conflicts.problems]), sortErrors([...model.warnings, ...conflicts.warnings]));
    } finally {
      model.close();
    }
  }
  const articlesRead = model.archive.articles.length;
  report?.({ phase: 'writing', articlesRead, pagesWritten: 0 });
  try {
    const publicPages = readPublicPages(options.root, publicFolder.files, model.config.baseUrl);
    model.publicPages = publicPages.urls;
    // Pages of public/ the sitemap leaves out for a canonical link to another host (public/canonical-other-host).
    if (publicPages.warnings.length > 0) model.warnings = sortErrors([...model.warnings, ...publicPages.warnings]);
    const pictures = await measureBodyPictures(options.root, siteOfPictures(model), publicFolder.files, { cache: useCache });
    model.pictureSizes = pictures.sizes;
    if (pictures.warnings.length > 0) model.warnings = sortErrors([...model.warnings, ...pictures.warnings]);
    const assets = await buildAssets(options.root);
    const onPage = report && ((pagesWritten: number) => report({ phase: 'writing', articlesRead, pagesWritten }));
    const published = await readPublishedTree(options.root, target, options.cache);
    // The same files as siteFiles(); search files that dist/ already holds unchanged come without bytes, and
    // the others are made one at a time as the publisher writes them.
    const search = searchFiles(model.archive, {
      root: options.root,
      cache: options.cache,
      basePath: basePathOf(model.config.baseUrl),
      isPublished: published.has,
      readPublished: published.read,
      erasures,
    });
    const files = (async function* () {
      yield* assets.files;
      yield* search;
    })();
    const written = await writeSite(options.root, outDir, sitePages(model, assets.urls), files, {
      timings: options.timings,
      cache: options.cache,
      onPage,
      published,
      renderTimeLimitMs: options.renderTimeLimitMs,
      basePath: basePathOf(model.config.baseUrl),
    });
    // Only once the site is published: a failed build published nothing at the new addresses.
    if (useCache && model.addresses) await recordPublishedAddresses(options.root, target, model.addresses, model.archive.articles);
    if (useCache && model.people) await recordPublishedPeople(options.root, target, model.people);
    // Only now: until the new site is swapped in, the one published (and the spare tree made from it) may need them.
    const erasure = erasures?.erase();
    const { shadowedPublicFiles, ...counts } = written;
    for (const file of shadowedPublicFiles) model.warnings.push(shadowedPublicFile(file));
    if (shadowedPublicFiles.length > 0) {
      const sorted = sortErrors(model.warnings);
      model.warnings.length = 0;
      append(model.warnings, sorted);
    }
    return { model, ...counts, erasure, elapsedMs: performance.now() - started };
  } catch (error) {
    model.close();
    // public/ in the way of the pages, a template that throws or never returns (output/publish.ts), a stylesheet or
    // client script that does not bundle: the content's and the stylesheet's warnings are known by now, and told
    // with it, as check and dev tell them. Not with a problem the build runs again for (buildAgainIfKeptStateUntrusted).
    if (error instanceof ContentErrors && error.warnings.length === 0) throw new ContentErrors(error.errors, model.warnings);
    if (error instanceof ArhivarError && !BUILT_AGAIN_FOR.has(error.code) && model.warnings.length > 0) throw new ContentErrors([error], model.warnings);
    throw error;
  }
}
