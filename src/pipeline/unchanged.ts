import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildOptions, BuildResult, HeldBack } from '../build.ts';
import { readContent, STABLE_MS, type ContentSources, type KnownFiles } from '../content/read.ts';
import { ArhivarError } from '../errors.ts';
import { changesWhatBuildMakes } from '../output/left-out.ts';
import { folderKind } from '../folder-kind.ts';
import { CACHE_DIR, fileRecord, readCacheFile, removeAbandonedTemporaries, writeCacheFile, type LogReader } from './cache.ts';
import { someReaderOpen } from './blob-log.ts';
import { checkCacheFolder, checkContentFolder } from './folders.ts';
import { holdingOutputFolder } from '../output/build-lock.ts';
import { treeStamp } from '../output/side-trees.ts';
import { codeVersion } from './version.ts';
import { beforeHandOver, closeWorkers, startMarkdownWorkers } from './markdown.ts';

/**
 * The shortest rebuild: when every input is byte for byte what the last successful build read, the
 * output would be byte for byte what dist/ holds, so nothing is parsed, rendered or compared page by
 * page. The inputs are arhivar's own code and templates (its version), the build options, every file of
 * content/ and the list of public/ files. The one input that is not a file is the clock: an article
 * dated in the future appears when its time comes, and the warning about an `updated:` still to come goes
 * when that comes, so the record keeps the earliest such moment (changesAtMs) and the shortcut is not taken
 * from then on.
 */

/** Warnings about what one run met, not about the content: a build with nothing changed does not repeat them. */
const ABOUT_THIS_RUN = new Set(['cache/damaged', 'output/changed-outside']);
export interface LastBuild {
  /** 2: heldBack and changesAtMs in place of nextPublicationMs; 3: heldBack names its first article by its place. */
  version: 3;
  key: string;
  /** Inode of the dist/ folder the build swapped in: a dist/ deleted or replaced since is rebuilt. */
  distIno: number;
  /**
   * dist/'s times after the build (output/side-trees.ts TreeStamp): a file or folder deleted, added or renamed at its
   * top since is put right by a build. Missing in records of earlier builds, which then build once.
   */
  distTimes?: string | undefined;
  /**
   * The articles held back because they are dated in the future (v8 keeps the Date as it is), the first of them by
   * its place among the article files read, not by its name: holding an article back may be how it was taken down,
   * and its file's name what was taken down (a slug with a person's name). A build with nothing changed read the
   * same files in the same order (the key is made of them).
   */
  heldBack: (Omit<HeldBack, 'nextFile'> & { nextArticle: number }) | null;
  /** When (ms) the build's output or warnings change though no input does (SiteModel.changesAt). */
  changesAtMs: number | null;
  pagesWritten: number;
  articles: number;
  /** Each names an article's file by its place among the files read (`article`), as heldBack does. */
  warnings: { code: string; message: string; file?: string | undefined; article?: number | undefined; line?: number | undefined; hint?: string | undefined }[];
  /**
   * The reader files of the processes (a dev server, another build) that had a log of .cache/ open when the build
   * left records of what it no longer publishes there for them (Erasure). While one of them still has it open, a
   * build with nothing changed would leave them again, so it does nothing; once none has, it does its work and
   * erases them. Missing when the build erased all.
   */
  erasureLeftFor?: LogReader[] | undefined;
  /** .cache/'s logs as the build left them (cacheLogs). Missing in records of earlier builds, which then build once. */
  logs?: string | undefined;
}

export interface KeyOptions {
  outDir: string;
  includeFuture: boolean;
  includeDrafts: boolean;
}

/** With a CRC-32 like every .bin file (pipeline/cache.ts): a damaged changesAtMs could hold back an article after it is due. */
const RECORD = 'last-build.bin';

export async function inputsKey(root: string, sources: ContentSources, options: KeyOptions): Promise<string> {
  const hash = createHash('sha256');
  const field = (value: string | Uint8Array) => {
    hash.update(String(value.length)).update('\0').update(value);
  };
  field(await codeVersion());
  field(JSON.stringify([path.resolve(root, options.outDir), options.includeFuture, options.includeDrafts]));
  for (const file of [sources.site, ...sources.people, ...sources.articles]) {
    if (!file) continue;
    field(file.file);
    // The text's own hash stands for it when the reader made one (the same text, the same hash).
    if (file.hash !== undefined) field(`sha1:${file.hash}`);
    else field(file.text);
  }
  // The files content/ holds but does not read (an article saved as .markdown, a site.yml) change no page,
  // only the warnings (content/stray-file), which are how the editor learns the file is not published.
  for (const warning of sources.warnings ?? []) field(JSON.stringify([warning.code, warning.file, warning.message]));
  for (const entry of await publicListing(root)) field(entry);
  return hash.digest('base64url');
}

/**
 * public/ is copied as it is: its files' paths, sizes, modification and change times and inodes stand for their
 * bytes. The change time moves with every write, even one that sets the modification time back (rsync -t,
 * touch -r: a same-size fix published nothing), and a file saved through a rename has a new inode. A file
 * (or a link to nothing) named public lists no files, as a missing public/ does, but the build refuses it
 * (public/not-a-folder), so it is told apart.
 *
 * A file changed less than STABLE_MS before it is listed counts by its bytes too (content/read.ts): a second
 * same-size write within the file system's timestamp granularity (a jiffy on ext4, two seconds on FAT) leaves
 * all four as they were, so a build right after the first write would vouch for the second. Its entry differs
 * from the one a later build makes of the settled file, which costs that build a rebuild, never a stale file.
 */
async function publicListing(root: string): Promise<string[]> {
  const directory = path.join(root, 'public');
  const kind = await folderKind(directory);
  if (kind !== 'folder') return [`\0${kind}`];
  // Before any stat: a write after the stat falls in a tick no earlier than this.
  const listedAtMs = Date.now();
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  const listing: string[] = [];
  for (const entry of entries) {
    const absolute = path.join(entry.parentPath, entry.name);
    const relative = path.relative(directory, absolute).split(path.sep).join('/');
    // What is never published (output/left-out.ts) changes nothing a build makes: git's own work in a .git, a
    // .DS_Store that Finder writes when a folder is opened. An environment file changes only the warning that
    // names it, so its name counts and its bytes do not.
    if (!changesWhatBuildMakes(relative, 'presence')) continue;
    // A folder by its name only: its modification time changes with every entry added or removed in it, a
    // .DS_Store too (Finder rewrites it by rename), while the files it holds count by their own entries.
    if (entry.isDirectory()) {
      listing.push(`${relative}\0d`);
      continue;
    }
    if (!changesWhatBuildMakes(relative, 'bytes')) {
      listing.push(`${relative}\0secret`);
      continue;
    }
    const info = await lstat(absolute);
    // A link is published as a copy of the file it leads to, or refused when that is gone, and that file may be
    // one whose coming and going counts for nothing above (`kazalo.bin -> .DS_Store`, `verzija.txt -> .git/HEAD`):
    // so the file it leads to now counts too.
    const target = entry.isSymbolicLink() ? `\0${await realpath(absolute).catch(() => '')}` : '';
    // A link's target is listed as a file of its own (or refused), so only a file's bytes are read here.
    const bytes = info.isFile() && listedAtMs - Math.max(info.mtimeMs, info.ctimeMs) < STABLE_MS ? `\0sha1:${await hashBytes(absolute)}` : '';
    listing.push(`${relative}\0${info.size}\0${info.mtimeMs}\0${info.ctimeMs}\0${info.ino}${target}${bytes}`);
  }
  return listing.sort();
}

/** The sha1 of a file's bytes, or a mark when it is gone or unreadable (the build then tells why). */
async function hashBytes(file: string): Promise<string> {
  return readFile(file).then(
    (bytes) => createHash('sha1').update(bytes).digest('hex'),
    () => 'unreadable',
  );
}

export async function readLastBuild(root: string): Promise<LastBuild | undefined> {
  const record = await readCacheFile<LastBuild>(root, RECORD);
  return record?.version === 3 ? record : undefined;
}

export async function writeLastBuild(root: string, record: LastBuild): Promise<void> {
  await writeCacheFile(root, RECORD, record);
}

/** Removes the record, so the next build does its work whatever it finds (see buildUnlessUnchangedLocked). */
export async function forgetLastBuild(root: string): Promise<void> {
  await rm(path.join(root, CACHE_DIR, RECORD), { force: true });
}

/**
 * Whether `record` still describes what a build with this key would publish into `outDir` at `now`, and would
 * leave in .cache/ of `root`.
 */
export async function stillCurrent(record: LastBuild | undefined, key: string, root: string, outDir: string, now: Date): Promise<boolean> {
  if (!record || record.key !== key) return false;
  if (record.changesAtMs !== null && now.getTime() >= record.changesAtMs) return false;
  // While a reader the erasure was left for has the log open, a build would leave it again, whatever that process
  // (a dev session) has written into the logs since.
  if (record.erasureLeftFor ? !someReaderOpen(root, record.erasureLeftFor) : record.logs !== (await cacheLogs(root))) return false;
  const dist = await treeStamp(outDir);
  if (dist?.ino !== record.distIno || dist.times !== record.distTimes) return false;
  // A deleted feed.xml is published again: it is also how a later build knows the folder for arhivar's once
  // .cache/ is gone (pipeline/folders.ts), and a site left without it would be refused as someone else's. A site
  // with no article published has none (render/pages.ts), and is known by its robots.txt. dist/'s times tell of
  // it too, unless it went in the tick of the last build's swap.
  const signed = record.articles > 0 ? 'feed.xml' : 'robots.txt';
  return (await stat(path.join(outDir, signed)).catch(() => undefined))?.isFile() === true;
}

/**
 * .cache/'s logs and spill files (pipeline/cache.ts, blob-log.ts) by name, inode and size. A dev session writes
 * into the same logs the records of what it shows, drafts too, and only a build that does its work erases those
 * it does not publish: a draft shown and deleted again before any build left the content as the last build read
 * it, and its front matter and rendered text stayed in .cache/. A killed session's spill file holds such text too.
 * An erasure in place keeps a log's size, and a compaction gives it another inode.
 */
async function cacheLogs(root: string): Promise<string> {
  const directory = path.join(root, CACHE_DIR);
  const names = (await readdir(directory).catch(() => [] as string[])).filter((name) => name.endsWith('.log') || name.endsWith('.spill')).sort();
  const listing: string[] = [];
  for (const name of names) {
    const info = await stat(path.join(directory, name)).catch(() => undefined);
    listing.push(info ? `${name}\0${info.ino}\0${info.size}` : name);
  }
  return listing.join('\n');
}

function storeHeldBack(heldBack: HeldBack | undefined, articles: readonly { file: string }[]): LastBuild['heldBack'] {
  if (!heldBack) return null;
  const { nextFile, ...rest } = heldBack;
  return { ...rest, nextArticle: articles.findIndex((article) => article.file === nextFile) };
}

function restoreHeldBack(stored: LastBuild['heldBack'], articles: readonly { file: string }[]): HeldBack | undefined {
  if (!stored) return undefined;
  const { nextArticle, ...rest } = stored;
  return { ...rest, nextFile: articles[nextArticle]?.file ?? '' };
}

export function storeWarnings(warnings: readonly ArhivarError[], articles: readonly { file: string }[]): LastBuild['warnings'] {
  const places = new Map(articles.map((article, place) => [article.file, place]));
  return warnings.map(({ code, message, file, line, hint }) => {
    const article = file === undefined ? undefined : places.get(file);
    return article === undefined ? { code, message, file, line, hint } : { code, message, article, line, hint };
  });
}

export function restoreWarnings(stored: LastBuild['warnings'], articles: readonly { file: string }[]): ArhivarError[] {
  return stored.map(({ article, ...warning }) => new ArhivarError(article === undefined ? warning : { ...warning, file: articles[article]?.file }));
}

/** The record of content/'s files in .cache/ (the benchmark deletes it to stand for a fresh clone). */
export const KNOWN_FILES = 'content-files.bin';

/**
 * Version 2 of that record: the hashes are of the composed (NFC) text. A hash of version 1 is of the text as
 * decoded, so a file saved decomposed would seem to change when it is read (content/changed-during-build).
 */
const knownFilesRecord = fileRecord<KnownFiles extends Map<string, infer T> ? T : never>(KNOWN_FILES, 2);

/** What the last read learned of content/'s files (see content/read.ts KnownFiles); empty when there is none. */
export function readKnownFiles(root: string): Promise<KnownFiles> {
  return knownFilesRecord.read(root);
}

/**
 * What content-files.bin keeps of what a read learned: not the article files (of `articles`, every one read) that
 * are not `published` (drafts, articles held back for a later date). A file's name may itself be what was taken
 * down (a slug with a person's name), and their entries spare no work: their validations are not kept either
 * (pipeline/articles.ts), so each build reads their text again.
 */
export function withoutUnpublished(learned: KnownFiles, articles: readonly { file: string }[], published: readonly { file: string }[]): KnownFiles {
  const shown = new Set(published.map((article) => article.file));
  const kept = new Map(learned);
  for (const article of articles) if (!shown.has(article.file)) kept.delete(article.file);
  return kept;
}

/** What a read learned of the files `known` holds: the names of files gone since are dropped, none is added. */
function onlyKnown(learned: KnownFiles, known: KnownFiles): KnownFiles {
  const kept: KnownFiles = new Map();
  for (const [file, entry] of learned) if (known.has(file)) kept.set(file, entry);
  return kept;
}

/** Keeps `learned` for the next read, unless it is what `known` already held (nothing was read). */
export function storeKnownFiles(root: string, known: KnownFiles, learned: KnownFiles): Promise<void> {
  return knownFilesRecord.store(root, known, learned);
}

/** What the command line reports of a build. */
export interface BuildSummary {
  pagesWritten: number;
  pagesRendered: number;
  filesWritten: number;
  articles: number;
  warnings: ArhivarError[];
  elapsedMs: number;
  /** True when every input was as the last successful build left it, so dist/ was not looked at again. */
  unchanged: boolean;
  heldBack?: HeldBack | undefined;
}

/**
 * build(), unless every input is byte for byte what the last successful build read and dist/ is the
 * folder it published (see the top of this file): then nothing is done and the last build's summary and
 * warnings are given again. `arhivar build` and the benchmark go through here.
 */
export async function buildUnlessUnchanged(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  if (!options.sources) await checkContentFolder(options.root);
  const outDir = path.resolve(options.root, options.outDir ?? 'dist');
  // Held from before the last build's record is read to after this build's is written: a build that waited
  // for another sees what that one published, and may find nothing left to do. A killed build's leftovers
  // are put right before dist/ is compared with the last build's.
  return holdingOutputFolder(options.root, outDir, options, () => buildUnlessUnchangedLocked(options, outDir, started));
}

async function buildUnlessUnchangedLocked(options: BuildOptions, outDir: string, started: number): Promise<BuildSummary> {
  const useCache = options.cache !== false;
  if (useCache) {
    await checkCacheFolder(options.root);
    await removeAbandonedTemporaries(options.root);
  }
  const last = useCache ? await readLastBuild(options.root) : undefined;
  // With no record of a last build (a first build, or .cache/ deleted) this is sure to build: the Markdown
  // workers start now and load the renderer while content/ is read (0.6 s at 10,000 articles). Otherwise
  // they wait until it is known that something changed, so a rebuild with no change starts none.
  const markdownWorkers =
    options.markdownWorkers ?? (last || options.sources ? undefined : startMarkdownWorkers({ root: options.root, cache: options.cache, timeLimitMs: options.markdownTimeLimitMs }));
  const read = await beforeHandOver(markdownWorkers, async () => {
    // Files whose stat shows them unchanged since the last build are not read (content/read.ts KnownFiles).
    const known = useCache && !options.sources ? await readKnownFiles(options.root) : undefined;
    const sources = options.sources ?? (await readContent(options.root, { known }));
    const useRecord = useCache && sources.errors.length === 0;
    const key = useRecord
      ? await inputsKey(options.root, sources, { outDir, includeFuture: Boolean(options.includeFuture), includeDrafts: Boolean(options.includeDrafts) })
      : undefined;
    return { sources, known, key, current: Boolean(key && last && (await stillCurrent(last, key, options.root, outDir, options.now ?? new Date()))) };
  });
  const { sources, known, key } = read;
  // What the read learned of content/'s files, kept once it is known which articles the site publishes. A build with
  // nothing changed publishes what the last one did, and one that fails publishes nothing: they add no file's name.
  const keepKnownFiles = async (published?: readonly { file: string }[]) => {
    if (!known || !sources.known) return;
    await storeKnownFiles(options.root, known, published ? withoutUnpublished(sources.known, sources.articles, published) : onlyKnown(sources.known, known));
  };
  if (read.current && last) {
    // Only workers a caller started can be here: none are started when there is a last build.
    await closeWorkers(markdownWorkers);
    await keepKnownFiles();
    return { pagesWritten: last.pagesWritten, pagesRendered: 0, filesWritten: 0, articles: last.articles, warnings: restoreWarnings(last.warnings, sources.articles), elapsedMs: performance.now() - started, unchanged: true, heldBack: restoreHeldBack(last.heldBack, sources.articles) };
  }
  // The pipeline is loaded only now: with its packages (YAML, zod, Preact) it is most of what a command
  // loads, and the answer "nothing changed" needs none of it.
  const { build } = await import('../build.ts').catch(async (error: unknown) => {
    // A template whose top-level code throws fails this import (the templates load with the pipeline); the
    // workers started above would keep the process running after the problem is printed.
    await closeWorkers(markdownWorkers);
    throw error;
  });
  // Nothing reads the model's bodies after the build, so they stay in .cache/ until a page needs them.
  let result: BuildResult;
  try {
    result = await build({ ...options, sources, markdownWorkers, releaseSources: options.sources === undefined, bodiesOnDisk: true, outputLocked: true });
  } catch (error) {
    await keepKnownFiles().catch(() => undefined);
    throw error;
  }
  result.model.close();
  await keepKnownFiles(result.model.archive.articles);
  const summary = {
    pagesWritten: result.pagesWritten,
    pagesRendered: result.pagesRendered,
    filesWritten: result.filesWritten,
    articles: result.model.archive.articles.length,
    warnings: result.model.warnings,
    elapsedMs: performance.now() - started,
    unchanged: false,
    heldBack: result.model.heldBack,
  };
  // With records left for a later build to erase, the next build must not skip its work once it can erase them.
  // Nor may an earlier build's record let it: a draft written during a dev session changes nothing in dist/, and
  // deleted again, leaves the content as that build read it. Records left for readers are erased once none of them
  // has the log open (stillCurrent); those left for another reason, by the next build.
  const { erasure } = result;
  const leftFor = typeof erasure === 'object' ? erasure.readers : undefined;
  if (erasure === 'left' || (leftFor && !key)) await forgetLastBuild(options.root);
  else if (key) {
    // As the publisher recorded them: a stat now would vouch for a change made to dist/ since.
    const dist = result.outputStamp ?? (await treeStamp(outDir))!;
    await writeLastBuild(options.root, {
      version: 3,
      key,
      distIno: dist.ino,
      distTimes: dist.times,
      heldBack: storeHeldBack(summary.heldBack, sources.articles),
      changesAtMs: result.model.changesAt?.getTime() ?? null,
      pagesWritten: summary.pagesWritten,
      articles: summary.articles,
      // Warnings about the content, which a build with nothing changed gives again; not those about this run
      // (its .cache/, or a dist/ changed from outside).
      warnings: storeWarnings(summary.warnings.filter((warning) => !ABOUT_THIS_RUN.has(warning.code)), sources.articles),
      erasureLeftFor: leftFor,
      logs: await cacheLogs(options.root),
    });
  }
  return summary;
}
