import { readFileSync, statSync } from 'node:fs';
import { lstat, mkdir, readFile, readdir, readlink, realpath, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ArhivarError, ContentErrors, sortErrors } from '../errors.ts';
import { sha1 } from '../hash.ts';
import { releaseBytes } from '../memory.ts';
import { CACHE_DIR, writeCacheFile } from '../pipeline/cache.ts';
import { publicFolderProblem } from '../pipeline/folders.ts';
import { addTime, type Timings } from '../pipeline/timings.ts';
import { Fingerprinter } from '../render/fingerprint.ts';
import type { PageSpec } from '../render/pages.ts';
import { renderProblem, timedOutProblem } from '../render/render-problem.ts';
import { outputPathFor, urls } from '../site/urls.ts';
import { ASSETS_FOLDER, type OutputFile } from './assets.ts';
import { outputStateName, readOutputState, spareFiles, type FileRecord, type OutputState, type SpareRecord, type TreeRecord } from './output-record.ts';
import { TreeWriter } from './tree-writer.ts';
import { inode, moveAside, treeNames, treeStamp, type TreeStamp } from './side-trees.ts';
import { findTemplateLine } from './template-line.ts';
import { BUILD_RENDER_TIME_LIMIT_MS, RenderStopped, RenderWatchdog } from './render-watchdog.ts';
import { isEnvironmentName, leftOutOfPublic, type LeftOut } from './left-out.ts';
import { readPublicPages } from './public-pages.ts';
import { knownPublicHash, learnedPublicFile, readKnownPublicFiles, storeKnownPublicFiles, type KnownPublicFiles } from './public-hashes.ts';

/**
 * Publishes the site into dist/ atomically and incrementally.
 *
 * Every build assembles a complete tree beside dist/ and swaps it in with renames, so a failed build leaves
 * dist/ exactly as it was. What makes that cheap is a record in .cache/ of every file in dist/ (hash of
 * its bytes, and for pages the fingerprint of their inputs) and of the previous dist/, which is kept as
 * `.dist-spare` after a swap instead of being deleted:
 * - a page whose fingerprint did not change is not rendered; a page whose bytes did not change is not written;
 * - when nothing changed at all, nothing is touched;
 * - otherwise the spare tree (one build old) is brought up to date by writing only the files that differ
 *   from it and deleting the ones that are gone, then swapped in; the old dist/ becomes the next spare;
 * - without a usable spare, unchanged files are hard-linked from dist/ and only changed ones are written.
 * Files are never modified in place (always unlinked first), so hard links never leak a change into dist/.
 * Deleting .cache/ is safe: the next build writes every file into a fresh tree.
 */
export interface PublishOptions {
  timings?: Timings | undefined;
  /** Use and update the record in .cache/ (default true); false writes a fresh tree every time. */
  cache?: boolean | undefined;
  /** Mixed into every page fingerprint: the version of the code that renders pages. */
  codeKey: string;
  /** Called after each page with the count so far. */
  onPage?: ((pagesWritten: number) => void) | undefined;
  /** Changed files are held in memory up to this many bytes before a staging tree is opened (32 MB). */
  pendingBytesLimit?: number | undefined;
  /** The record of dist/ read beforehand (readPublishedTree), so it is not read twice. */
  published?: PublishedTree | undefined;
  /** How long one page may render before the build is stopped (template/timed-out); BUILD_RENDER_TIME_LIMIT_MS by default. */
  renderTimeLimitMs?: number | undefined;
  /** The path the site is served at (site/urls.ts basePathOf), for the page's address in a template's problem; / by default. */
  basePath?: string | undefined;
}

/**
 * A file to publish. Without bytes, it is one the published dist/ already holds with this hash: the
 * producer asked PublishedTree.has first (the search index reuses its unchanged files that way).
 */
export type PublishFile = OutputFile | { path: string; hash: string; bytes?: undefined };

/** What the record in .cache/ says dist/ holds, when dist/ is still the folder the record was made for. */
export class PublishedTree {
  constructor(
    /** The record's file name inside .cache/. */
    readonly stateName: string,
    readonly state: OutputState | undefined,
    readonly current: TreeRecord | undefined,
    /**
     * The top of dist/ was changed by something other than arhivar since the record was made (readPublishedTree):
     * the tree is not kept as the spare once it is swapped out.
     */
    readonly touched = false,
    /** Files the record names that dist/ may no longer hold as recorded: they are made and written again. */
    readonly gone: ReadonlySet<string> = new Set(),
  ) {}

  /** True when dist/ holds `relative` with bytes of this hash. */
  readonly has = (relative: string, hash: string): boolean => this.current?.files.get(relative)?.hash === hash && !this.gone.has(relative);

  /**
   * The bytes of `relative` in dist/, when the record says dist/ holds it with bytes of this hash and the
   * bytes read now have it; undefined otherwise. Read synchronously: the search index asks for a few of its
   * own files from inside a generator (search/index-builder.ts PatchedPostings).
   */
  readonly read = (relative: string, hash: string): Uint8Array | undefined => {
    if (!this.state || !this.has(relative, hash)) return undefined;
    try {
      const bytes = readFileSync(path.join(this.state.target, relative));
      return sha1(bytes) === hash ? bytes : undefined;
    } catch {
      return undefined;
    }
  };
}

export async function readPublishedTree(root: string, target: string, useCache = true): Promise<PublishedTree> {
  const stateName = outputStateName(target);
  const state = useCache ? await readOutputState(root, target) : undefined;
  const stamp = await treeStamp(target);
  const current = state?.current && stamp?.ino === state.current.ino ? state.current : undefined;
  if (!current) return new PublishedTree(stateName, state, undefined);
  // A dist/ whose feed.xml was deleted was taken for arhivar's by this record (pipeline/folders.ts), but no longer
  // holds what it says. Its times tell that too, unless it went in the tick of the swap.
  if (stamp!.times === current.times && (await holdsRecordedSignature(target, current))) return new PublishedTree(stateName, state, current);
  return new PublishedTree(stateName, state, current, true, await topWrittenAgain(target, current));
}

/**
 * The files of `tree` to write again when the top of its folder was changed by something else: every file at the
 * top, whatever now holds its name (a file renamed over it has other bytes, and a stat of each would not tell
 * a copy from ours), and every file under a folder of the top that is gone or no longer a folder. They are a few
 * (index.html, feed.xml, robots.txt, the sitemap, public/'s), unless a whole folder went. What changed deeper down
 * stays unseen: a file that is gone there fails the link into the next tree (publishedFileGone).
 */
async function topWrittenAgain(target: string, tree: TreeRecord): Promise<Set<string>> {
  const entries = await readdir(target, { withFileTypes: true }).catch(() => []);
  const folders = new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  const gone = new Set<string>();
  for (const relative of tree.files.keys()) {
    const slash = relative.indexOf('/');
    if (slash === -1 || !folders.has(relative.slice(0, slash))) gone.add(relative);
  }
  return gone;
}

/**
 * Whether `target` holds the file by which a build knows it for arhivar's without .cache/ (pipeline/folders.ts), as
 * its record names it: feed.xml, or robots.txt for a site with no article published, which has no feed. A record
 * without either, as some tests' sites have, needs none. Kept as unchanged, a deleted one stayed deleted.
 */
async function holdsRecordedSignature(target: string, tree: TreeRecord): Promise<boolean> {
  const signature = ['feed.xml', 'robots.txt'].find((file) => tree.files.has(file));
  if (signature === undefined) return true;
  return stat(path.join(target, signature)).then((info) => info.isFile(), () => false);
}

export interface PublishResult {
  pagesWritten: number;
  /** Pages whose HTML was produced this build (the rest were known unchanged by fingerprint). */
  pagesRendered: number;
  /** Files whose bytes were written to disk (hard links and unchanged files not counted). */
  filesWritten: number;
  /** Files of public/ (paths inside it) that the build writes a page or file of its own over, which wins. */
  shadowedPublicFiles: string[];
  /**
   * dist/'s inode and times as the record in .cache/ now names them (side-trees.ts TreeStamp); undefined without
   * the record. The record of the last build keeps these, not a later stat, so a change made since is never vouched for.
   */
  outputStamp?: TreeStamp | undefined;
}

const PENDING_BYTES_LIMIT = 32 * 1024 * 1024;

/** Writes queued for the writer thread before page rendering waits for the disk. */
export const IO_QUEUE_LIMIT = 256;

/**
 * `extraFiles` may be made as they are taken (an async generator): each is handed to the staging tree, and
 * its bytes let go, before the next is asked for.
 */
export async function publishSite(
  root: string,
  target: string,
  pages: Iterable<PageSpec>,
  extraFiles: Iterable<PublishFile> | AsyncIterable<PublishFile>,
  options: PublishOptions,
): Promise<PublishResult> {
  const started = performance.now();
  let renderMs = 0;
  const useCache = options.cache ?? true;
  const names = treeNames(target);
  const published = options.published ?? (await readPublishedTree(root, target, useCache));
  const { stateName, state, current, touched, gone } = published;
  const writeState = (record: OutputState) => writeCacheFile(root, stateName, record);
  // A spare tree that held a symbolic link (published by builds before public/ links were refused) is never
  // updated in place: a page written under a link to a folder would land outside the site. Only records of
  // those builds can name one, and readOutputState reads them without their spare.
  // Its times as recorded, too: a file deleted at its top (or a folder) would be missing from the next dist/.
  const spareStamp = current && state?.spare ? await treeStamp(names.spare) : undefined;
  const spare = state?.spare && spareStamp?.ino === state.spare.ino && spareStamp.times === state.spare.times ? state.spare : undefined;

  const desired = new Map<string, FileRecord>();
  const changed = new Map<string, Output>();
  let pendingBytes = 0;
  let staging: Staging | undefined;
  const writer = new TreeWriter(root);
  const fingerprints = new Fingerprinter(options.codeKey);
  let pagesWritten = 0;
  let pagesRendered = 0;
  let recordsChanged = false;
  const encoder = new Utf8Encoder();
  // Started with the first page that is rendered: a build that renders none (nothing changed) starts no thread.
  let watchdog: RenderWatchdog | undefined;

  const offer = async (relative: string, output: Output, key?: string) => {
    const record: FileRecord = { hash: output.hash, key };
    desired.set(relative, record);
    const before = current?.files.get(relative);
    if (before?.key !== key) recordsChanged = true;
    if (before && before.hash === output.hash && !gone.has(relative)) {
      changed.delete(relative);
      return;
    }
    if (output.bytes === undefined) throw new Error(`internal: ${relative} came without bytes but dist/ does not hold it`);
    if (staging) {
      // The staging tree takes the bytes at once (written, or copied for the writer thread).
      staging.write(relative, output);
      changed.set(relative, { hash: output.hash });
    } else {
      // Held until the staging tree opens: bytes borrowed from the encoder would be overwritten by the next page.
      changed.set(relative, output.borrowed && output.bytes ? { hash: output.hash, bytes: output.bytes.slice(), held: true } : output);
      pendingBytes += output.bytes?.length ?? 0;
      if (pendingBytes > (options.pendingBytesLimit ?? PENDING_BYTES_LIMIT)) {
        staging = await openStaging();
        for (const [pending, pendingOutput] of changed) {
          staging.write(pending, pendingOutput);
          changed.set(pending, { hash: pendingOutput.hash });
          // The copy made to hold it is in the old generation by now: let go of its bytes at once, not at this
          // thread's next full collection (often the end of the build).
          if (pendingOutput.held) releaseBytes(pendingOutput.bytes!);
          // As for pages: sent at once, a cold build's 2,800 held files (the search files, 32 MB at 10,000 articles)
          // overflowed the writer's shared ring, and 2,000 of them went to its thread as buffers of their own.
          await writer.roomFor(IO_QUEUE_LIMIT);
        }
        pendingBytes = 0;
      }
    }
  };

  const openStaging = async (): Promise<Staging> => {
    if (spare) {
      // From here on the spare tree is half-updated until the swap, so it leaves the spare's name first: the
      // record still names the spare (by inode), but the spare's name then holds no tree, or later the dist/
      // this build replaces (another inode), so no build trusts a half-updated spare. This costs one rename;
      // forgetting the spare in the record cost a second encoding and write of it (0.1–0.9 s at 100,000
      // articles). Killed at any point after, the tree is left under this build's staging name, which
      // tidyAfterKilledBuilds deletes; dist/ and its record are as the last build left them until the swap,
      // and after it dist/ is another inode than the record's, so the next build writes afresh (as before).
      await moveAside(names.fresh);
      await rename(names.spare, names.fresh);
      return new Staging(names.fresh, spareFiles(current!, spare), writer, false);
    }
    await moveAside(names.spare);
    await moveAside(names.fresh);
    await mkdir(names.fresh, { recursive: true });
    return new Staging(names.fresh, new Map(), writer, true);
  };

  try {
    // public/ is copied first, so a page or file of the build's own at the same path replaces it; which ones do is told.
    const publicFiles = await listPublicFiles(root, useCache, published.has);
    for (const file of publicFiles) await offer(safeRelative(file.path), file.output);
    const conflicts = new PublicConflicts(publicFiles.map((file) => file.path));
    for await (const extra of extraFiles) {
      const file = bytesOutput(extra, encoder);
      if (!conflicts.noteFile(file.path)) continue;
      await offer(safeRelative(file.path), file.output);
      // As for pages below: the next file is made only once the disk has room for it.
      if (staging) await writer.roomFor(IO_QUEUE_LIMIT);
    }
    for (const page of pages) {
      const relative = safeRelative(outputPathFor(page.url));
      if (!conflicts.noteFile(relative)) continue;
      pagesWritten++;
      options.onPage?.(pagesWritten);
      const key = page.inputs && useCache ? fingerprints.page(page.url, page.inputs) : undefined;
      const before = current?.files.get(relative);
      if (key && before?.key === key && !gone.has(relative)) {
        desired.set(relative, before);
        changed.delete(relative);
        continue;
      }
      watchdog ??= await RenderWatchdog.start(root, options.renderTimeLimitMs ?? BUILD_RENDER_TIME_LIMIT_MS);
      const renderStarted = performance.now();
      let html: string;
      try {
        html = await watchdog.render(() => page.render());
      } catch (error) {
        const at = await findTemplateLine(error);
        throw error instanceof RenderStopped ? timedOutProblem(error, page.url, error.limitMs, at) : renderProblem(error, page.url, at, options.basePath);
      }
      renderMs += performance.now() - renderStarted;
      pagesRendered++;
      await offer(relative, bytesOutput({ path: relative, bytes: html }, encoder).output, key);
      // Each render waits a turn of the watchdog's message port (render-watchdog.ts), in which the writer
      // thread's reports come in, but nothing there waits for the disk: without a pause here, whenever the
      // disk is slower than rendering, pages' bytes pile up in the queue, up to every page's until the last
      // is rendered (about 300 MB at 10,000 articles). Pausing keeps a bounded number in memory.
      if (staging) await writer.roomFor(IO_QUEUE_LIMIT);
    }

    const inTheWay = conflicts.problems();
    if (inTheWay.length > 0) throw new ContentErrors(inTheWay);
    const shadowedPublicFiles = conflicts.shadowed;

    const removed = current ? [...current.files.keys()].filter((file) => !desired.has(file)) : [];
    if (current && !touched && changed.size === 0 && removed.length === 0) {
      // Nothing to publish; only fingerprints may have been added (a cache from an older arhivar).
      if (useCache && recordsChanged) await writeState({ version: 2, target, current: { ino: current.ino, times: current.times, files: desired }, spare });
      const outputStamp = useCache && current.times !== undefined ? { ino: current.ino, times: current.times } : undefined;
      return { pagesWritten, pagesRendered, filesWritten: 0, shadowedPublicFiles, outputStamp };
    }

    staging ??= await openStaging();
    for (const [relative, output] of changed) if (output.bytes !== undefined) staging.write(relative, output);
    await staging.complete(desired, current ? target : undefined);
    const filesWritten = staging.written;

    const old = names.old;
    const hadTarget = current !== undefined || (await inode(target)) !== undefined;
    if (hadTarget) await rename(target, old);
    await rename(staging.directory, target);
    let nextSpare: SpareRecord | undefined;
    if (hadTarget) {
      if (current && !touched) {
        await rename(old, names.spare);
        const missing = await dropOutdated(writer, names.spare, current.files, changed.keys(), removed);
        // After dropOutdated, which may remove files and folders at its top.
        const spareStamp = (await treeStamp(names.spare))!;
        nextSpare = { ino: spareStamp.ino, times: spareStamp.times, missing };
      } else {
        // Not kept as the spare either when something else changed its top: it may lack files the record names, or
        // hold some it does not name, which no build would ever delete (they came back with the spare a build
        // later). Under a trash name: left as .dist-old-<pid> while rm works on it, the next build took it for
        // the site a killed build had moved aside (side-trees.ts) and, when dist/ was missing, put it back
        // half-deleted.
        await moveAside(old);
      }
    }
    let outputStamp: TreeStamp | undefined;
    if (useCache) {
      outputStamp = (await treeStamp(target))!;
      await writeState({ version: 2, target, current: { ...outputStamp, files: desired }, spare: nextSpare });
      await pruneOtherStates(root, stateName);
    }
    return { pagesWritten, pagesRendered, filesWritten, shadowedPublicFiles, outputStamp };
  } catch (error) {
    // The staging tree, a new one or the spare half-updated, is never trusted again: openStaging took it from
    // the spare's name. Moved to a trash name before its deletion starts, as build() may publish again at once
    // in this process (output/changed-outside) and stage a new tree under the same name, which an rm of that
    // name started just now would delete under it.
    if (staging) await moveAside(names.fresh).catch(() => undefined);
    throw (await publishedFileGone(error, root, target)) ?? error;
  } finally {
    watchdog?.close();
    await writer.close();
    addTime(options.timings, 'render', renderMs);
    addTime(options.timings, 'write', performance.now() - started - renderMs);
  }
}

/**
 * Deletes from the tree just swapped out (the next spare) every file this build changed or removed, and gives
 * the paths the spare then lacks (SpareRecord). Kept whole, the spare held the site as it was: after a legal
 * takedown or a correction the article's old page, feeds and search files stayed beside dist/ until a later
 * build changed something. The next build would write over those files anyway, so this moves their unlinking,
 * not adds it. `changed` are the paths of `desired` whose bytes differ from `files` (the tree's record) or that
 * it lacks, `removed` those of `files` that `desired` lacks: the spare is `desired` less `changed`, and no walk
 * of every file is needed (177,000 at 100,000 articles).
 */
async function dropOutdated(
  writer: TreeWriter,
  directory: string,
  files: ReadonlyMap<string, FileRecord>,
  changed: Iterable<string>,
  removed: readonly string[],
): Promise<string[]> {
  const missing: string[] = [];
  const emptied = new Set<string>();
  const unlink = async (relative: string) => {
    writer.add({ kind: 'unlink', file: path.join(directory, relative) });
    if (!writer.hasRoomFor(IO_QUEUE_LIMIT)) await writer.roomFor(IO_QUEUE_LIMIT);
  };
  for (const relative of changed) {
    missing.push(relative);
    if (!files.has(relative)) continue;
    // Its folder too, when that leaves it empty: a page (`stran/2/index.html`) the next build does not make again
    // would leave the folder there, published empty, and a server that lists no folders answers 403 there, not 404.
    emptied.add(path.dirname(relative));
    await unlink(relative);
  }
  for (const relative of removed) {
    emptied.add(path.dirname(relative));
    await unlink(relative);
  }
  await writer.drain();
  // A folder left empty goes too, so that a later file of that name (public/dokumenti) finds no folder in its way.
  for (const folder of [...emptied].sort((a, b) => b.length - a.length)) {
    for (let current = folder; current !== '.' && current !== ''; current = path.dirname(current)) {
      if (!(await rmdir(path.join(directory, current)).then(() => true, () => false))) break;
    }
  }
  return missing;
}

interface Output {
  hash: string;
  bytes?: Uint8Array | undefined;
  /** `bytes` belong to the Utf8Encoder and are valid only until it encodes the next text. */
  borrowed?: boolean | undefined;
  /** `bytes` are a copy made to hold them until the staging tree opens: nothing else reads them. */
  held?: boolean | undefined;
}

function bytesOutput(file: PublishFile, encoder?: Utf8Encoder): { path: string; output: Output } {
  if (file.bytes === undefined) return { path: file.path, output: { hash: file.hash } };
  if (typeof file.bytes !== 'string') return { path: file.path, output: { hash: file.hash ?? sha1(file.bytes), bytes: file.bytes } };
  const borrowed = encoder?.encode(file.bytes);
  const bytes = borrowed ?? Buffer.from(file.bytes);
  return { path: file.path, output: { hash: file.hash ?? sha1(bytes), bytes, borrowed: borrowed !== undefined } };
}

/** Texts up to this many UTF-16 code units are encoded into the Utf8Encoder's buffer (3 bytes each at most). */
const ENCODER_TEXT_LIMIT = 512 * 1024;

/**
 * Encodes page HTML into one buffer kept for the whole build, where it is hashed; only the bytes of a file
 * that must be written are copied out of it (by the staging tree, or into `changed`). Buffer.from(text) takes
 * two passes (the length, then the bytes) and a new buffer for each of some 15,000 pages (230 MB at 10,000
 * articles): for an 11 KB page with č, š and ž, 22 µs against 8 µs for encodeInto here, and less garbage.
 * Longer texts (a large search shard or sitemap) get a buffer of their own, as before.
 */
export class Utf8Encoder {
  private readonly encoder = new TextEncoder();
  private buffer: Uint8Array | undefined;

  /** The UTF-8 bytes of `text` in the shared buffer, or undefined for a text over ENCODER_TEXT_LIMIT. */
  encode(text: string): Uint8Array | undefined {
    if (text.length > ENCODER_TEXT_LIMIT) return undefined;
    // A UTF-16 code unit never takes more than 3 bytes of UTF-8, so one call always encodes the whole text.
    this.buffer ??= new Uint8Array(ENCODER_TEXT_LIMIT * 3);
    const { written } = this.encoder.encodeInto(text, this.buffer);
    return this.buffer.subarray(0, written);
  }
}

/** A tree being brought to the desired state: `known` says what each of its files holds now. */
export class Staging {
  written = 0;
  /** The folders `known`'s files are in, at any depth, as the tree held them when it was opened. */
  private readonly folders = new Set<string>();

  constructor(
    readonly directory: string,
    private readonly known: Map<string, FileRecord>,
    private readonly writer: TreeWriter,
    /** Created empty by this build: a path not written yet cannot exist, so there is nothing to unlink. */
    private readonly fresh: boolean,
  ) {
    for (const relative of known.keys()) {
      for (let folder = path.posix.dirname(relative); folder !== '.' && !this.folders.has(folder); folder = path.posix.dirname(folder)) this.folders.add(folder);
    }
  }

  /**
   * Clears the way for a file at `relative` in a tree a build before last left: a file where it needs a folder,
   * or a folder where it is written (public/dokumenti a file then, a folder with files now, or the other way
   * round). Left there, the write failed with EEXIST or EISDIR, in every other build.
   */
  private clearWay(relative: string): void {
    if (this.fresh) return;
    for (let folder = path.posix.dirname(relative); folder !== '.'; folder = path.posix.dirname(folder)) {
      if (!this.known.has(folder)) continue;
      this.known.delete(folder);
      this.writer.add({ kind: 'unlink', file: path.join(this.directory, folder) });
    }
    if (!this.folders.has(relative)) return;
    for (const folder of this.folders) if (folder === relative || folder.startsWith(`${relative}/`)) this.folders.delete(folder);
    for (const file of [...this.known.keys()]) if (file.startsWith(`${relative}/`)) this.known.delete(file);
    this.writer.add({ kind: 'remove-folder', folder: path.join(this.directory, relative) });
  }

  write(relative: string, output: Output): void {
    const before = this.known.get(relative);
    if (before?.hash === output.hash) return;
    this.clearWay(relative);
    this.known.delete(relative);
    this.written++;
    const file = path.join(this.directory, relative);
    const replace = !this.fresh || before !== undefined;
    this.writer.add({ kind: 'write', file, bytes: output.bytes!, replace });
    this.known.set(relative, { hash: output.hash });
  }

  /**
   * Waits while the writer thread has a full queue, as page rendering does. A first edit after a cold build has
   * no spare tree and links every unchanged file into a new one: 177,000 operations at 100,000 articles, whose
   * paths all waited in memory at once when they were queued without a pause.
   */
  private async roomForMore(): Promise<void> {
    // Asked first so that the usual case costs no await.
    if (!this.writer.hasRoomFor(IO_QUEUE_LIMIT)) await this.writer.roomFor(IO_QUEUE_LIMIT);
  }

  /** Fills in unchanged files (hard links from `source`), removes files that are gone, waits for all writes. */
  async complete(desired: ReadonlyMap<string, FileRecord>, source: string | undefined): Promise<void> {
    for (const [relative, record] of desired) {
      if (this.known.get(relative)?.hash === record.hash) continue;
      if (!source) throw new Error(`internal: no bytes for ${relative}`);
      this.clearWay(relative);
      this.writer.add({ kind: 'link', file: path.join(this.directory, relative), from: path.join(source, relative) });
      this.known.set(relative, record);
      await this.roomForMore();
    }
    const emptied = new Set<string>();
    for (const relative of this.known.keys()) {
      if (desired.has(relative)) continue;
      emptied.add(path.dirname(relative));
      this.writer.add({ kind: 'unlink', file: path.join(this.directory, relative) });
      await this.roomForMore();
    }
    await this.writer.drain();
    for (const directory of [...emptied].sort((a, b) => b.length - a.length)) {
      for (let current = directory; current !== '.' && current !== ''; current = path.dirname(current)) {
        const removed = await rmdir(path.join(this.directory, current)).then(() => true, () => false);
        if (!removed) break;
      }
    }
  }
}

/**
 * A file of dist/ that the record says is there could not be linked into the new tree because it is gone, a
 * folder stands in its place (link(2) refuses a folder with EPERM), or a file stands in place of its folder
 * (ENOTDIR): something other than arhivar removed or replaced it. build() then forgets the record and builds once more.
 */
async function publishedFileGone(error: unknown, root: string, target: string): Promise<ArhivarError | undefined> {
  const failure = error as NodeJS.ErrnoException;
  if (failure.syscall !== 'link' || !failure.path || path.relative(target, failure.path).startsWith('..')) return undefined;
  // Only a folder makes EPERM ours to mend: on a file it is the disk's or the user's rights, which the error names.
  const gone = failure.code === 'ENOENT' || failure.code === 'ENOTDIR' || (failure.code === 'EPERM' && (await lstat(failure.path).then((info) => info.isDirectory(), () => false)));
  if (!gone) return undefined;
  return new ArhivarError({
    code: 'output/changed-outside',
    file: path.relative(root, failure.path).split(path.sep).join('/'),
    message: 'a file of the published site was removed, or replaced (by a folder, or its folder by a file), by something other than arhivar',
    hint: 'leave dist/ to arhivar; the build runs again and writes it afresh',
    cause: error,
  });
}

/**
 * Forgets the record of what `target` holds, so the next build writes every file into a fresh tree instead of
 * trusting what is there.
 */
export async function forgetPublishedTree(root: string, target: string): Promise<void> {
  await rm(path.join(root, CACHE_DIR, (await readPublishedTree(root, target, false)).stateName), { force: true });
}

/** Records of output folders kept in .cache/ besides the one just written (see pruneOtherStates). */
const OTHER_STATES_KEPT = 3;
const STATE_FILE = /^output-[0-9a-f]{12}\.bin$/;

/**
 * Each output folder has its record in .cache/, named by a hash of its absolute path (about 3 MB at 10,000
 * articles). A project built into a few folders keeps them all, but a CI job that restores .cache/ into a
 * new path on every run would leave one more each time: only the most recently written few are kept. A
 * folder whose record is gone is written afresh by its next build, never damaged.
 */
async function pruneOtherStates(root: string, keep: string): Promise<void> {
  const directory = path.join(root, CACHE_DIR);
  const names = (await readdir(directory).catch(() => [] as string[])).filter((name) => STATE_FILE.test(name) && name !== keep);
  if (names.length <= OTHER_STATES_KEPT) return;
  const written = await Promise.all(names.map(async (name) => ({ name, mtimeMs: (await stat(path.join(directory, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
  written.sort((a, b) => b.mtimeMs - a.mtimeMs);
  await Promise.all(written.slice(OTHER_STATES_KEPT).map(({ name }) => rm(path.join(directory, name), { force: true })));
}

/**
 * The files of public/, each with its bytes. A symbolic link is never published as a link: in dist/ a link
 * to a folder would take the pages the build writes at its path (public/osebe -> /srv/x puts the person
 * pages in /srv/x), and a link out of public/ (/etc/passwd, `..`) would be uploaded by any deploy tool
 * that follows links. So a link to a file inside public/ is published as a copy of that file, and a link
 * that leads out of public/, to nothing or to a folder is refused, as content/ refuses one. A link to a file
 * the build leaves out (a .env, a .DS_Store) is left out with it, and told (public/symlink-left-out).
 */
async function listPublicFiles(root: string, useCache: boolean, published: (relative: string, hash: string) => boolean): Promise<{ path: string; output: Output }[]> {
  const { files, problems } = await readPublicFolder(root);
  if (problems.length > 0) throw new ContentErrors(sortErrors(problems));
  const known: KnownPublicFiles = useCache ? await readKnownPublicFiles(root) : new Map();
  const learned: KnownPublicFiles = new Map();
  const outputs: { path: string; output: Output }[] = [];
  for (const file of files) {
    const readAtMs = Date.now();
    // Synchronously: one trip to the thread pool per file through fs/promises costs more than the stat itself.
    const info = statSync(file.source, { bigint: true });
    const before = known.get(file.source);
    const hash = knownPublicHash(before, info);
    // Unchanged since it was hashed, and dist/ holds those bytes at this path: nothing to read (public-hashes.ts).
    if (hash !== undefined && published(file.path, hash)) {
      outputs.push({ path: file.path, output: { hash } });
      learned.set(file.source, before!);
      continue;
    }
    const read = bytesOutput({ path: file.path, bytes: await readFile(file.source) });
    outputs.push(read);
    learned.set(file.source, learnedPublicFile(info, read.output.hash, readAtMs));
  }
  if (useCache) await storeKnownPublicFiles(root, known, learned);
  return outputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Where a build writes, known without making its files: each file's path, and the folders of the files named
 * by their content (the bundled assets, the search index's parts), in which only a file of public/ at the
 * folder or above it is in the way.
 */
export interface WrittenPaths {
  files: Iterable<string>;
  folders: Iterable<string>;
}

/**
 * What a build would tell about public/, for `arhivar check`, which finds it without building: what public/
 * holds that a build refuses (see listPublicFiles), and, given where the build writes and the site's baseUrl,
 * the public/in-the-way errors and the public/shadowed warnings (see PublicConflicts) and the pages the sitemap
 * leaves out for a canonical link to another host (public-pages.ts readPublicPages), with the build's own words.
 */
export async function publicFolderReport(root: string, site: { written: WrittenPaths; baseUrl: string } | undefined): Promise<{ problems: ArhivarError[]; warnings: ArhivarError[] }> {
  const { files, problems, warnings } = await publicFolderContents(root);
  if (!site) return { problems: sortErrors(problems), warnings };
  const conflicts = publicConflicts(files, site.written);
  const pages = readPublicPages(root, files, site.baseUrl);
  return { problems: sortErrors([...problems, ...conflicts.problems]), warnings: sortErrors([...warnings, ...conflicts.warnings, ...pages.warnings]) };
}

/**
 * The paths of public/'s files a build publishes (inside public/, `/` between folders), what it refuses there,
 * and the warnings about files it leaves out (public/secret-file), each sorted; and the paths public/'s links
 * name (absolute, as written in the link, whether or not a file is there), for the dev server's watcher.
 */
export async function publicFolderContents(root: string): Promise<{ files: string[]; problems: ArhivarError[]; warnings: ArhivarError[]; linkTargets: string[] }> {
  const { files, problems, warnings, linkTargets } = await readPublicFolder(root);
  return { files: files.map((file) => file.path), problems: sortErrors(problems), warnings: sortErrors(warnings), linkTargets };
}

/** The public/in-the-way errors and public/shadowed warnings for public/'s files (by path) and where a build writes. */
export function publicConflicts(publicFiles: readonly string[], written: WrittenPaths): { problems: ArhivarError[]; warnings: ArhivarError[] } {
  const conflicts = new PublicConflicts(publicFiles);
  for (const file of written.files) conflicts.noteFile(file);
  for (const folder of written.folders) conflicts.noteFolder(folder);
  return { problems: conflicts.problems(), warnings: conflicts.shadowed.map(shadowedPublicFile) };
}

/**
 * public/'s files to publish (for a link, the file it leads to), the entries refused, unread, and the warnings
 * about files left out (output/left-out.ts).
 */
async function readPublicFolder(root: string): Promise<{ files: { path: string; source: string }[]; problems: ArhivarError[]; warnings: ArhivarError[]; linkTargets: string[] }> {
  const notAFolder = await publicFolderProblem(root);
  if (notAFolder) return { files: [], problems: [notAFolder], warnings: [], linkTargets: [] };
  const publicDir = path.join(root, 'public');
  const entries = await readdir(publicDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const publicRoot = await realpath(publicDir).catch(() => publicDir);
  const files: { path: string; source: string }[] = [];
  const problems: ArhivarError[] = [];
  const warnings: ArhivarError[] = [];
  const linkTargets: string[] = [];
  for (const entry of entries) {
    const absolute = path.join(entry.parentPath, entry.name);
    const relative = path.relative(publicDir, absolute).split(path.sep).join('/');
    if (!isSafeRelative(relative)) {
      problems.push(publicBadName(relative));
      continue;
    }
    const leftOut = leftOutOfPublic(relative);
    if (leftOut === 'secret' && !entry.isDirectory()) warnings.push(publicSecretFile(relative));
    if (leftOut) continue;
    if (entry.isSymbolicLink()) {
      const named = await readlink(absolute).catch(() => undefined);
      if (named !== undefined) linkTargets.push(path.resolve(path.dirname(absolute), named));
      const target = await realpath(absolute).catch(() => undefined);
      const targetInfo = target && isWithin(publicRoot, target) ? await stat(target) : undefined;
      const problem = !targetInfo ? publicLinkOutside(relative, target) : targetInfo.isDirectory() ? publicLinkToFolder(relative) : undefined;
      const leftOutTarget = problem ? undefined : leftOutLinkTarget(publicRoot, target!);
      const special = problem || leftOutTarget ? undefined : specialFileKind(targetInfo!);
      if (problem) problems.push(problem);
      else if (leftOutTarget) warnings.push(publicLinkToLeftOut(relative, leftOutTarget));
      else if (special) warnings.push(publicNotAFile(relative, special, path.relative(publicRoot, target!).split(path.sep).join('/')));
      else files.push({ path: relative, source: target! });
    } else if (entry.isFile()) {
      files.push({ path: relative, source: absolute });
    } else {
      const special = specialFileKind(entry);
      if (special) warnings.push(publicNotAFile(relative, special));
    }
  }
  return { files, problems, warnings, linkTargets };
}

/**
 * The file a build publishes at `relative` (a path inside public/, as a URL names it), by the rules of
 * readPublicFolder: undefined for a name like `..\x`, a file it leaves out (a .git's, .DS_Store, .env, see
 * left-out.ts), a path under a linked folder (readdir does not follow one, so the build publishes nothing
 * there), a link out of public/, to a file left out or a broken one, or no file. The dev server
 * asks it for each request that would be served from public/, so it never serves what a build refuses.
 */
export async function publicFileSource(root: string, relative: string): Promise<string | undefined> {
  if (!isSafeRelative(relative) || leftOutOfPublic(relative)) return undefined;
  const publicDir = path.join(root, 'public');
  const publicRoot = await realpath(publicDir).catch(() => undefined);
  if (!publicRoot) return undefined;
  const absolute = path.join(publicDir, relative);
  const folder = await realpath(path.dirname(absolute)).catch(() => undefined);
  if (folder !== path.join(publicRoot, path.dirname(relative))) return undefined;
  const target = await realpath(absolute).catch(() => undefined);
  if (!target || !isWithin(publicRoot, target) || leftOutLinkTarget(publicRoot, target)) return undefined;
  return (await stat(target).catch(() => undefined))?.isFile() ? target : undefined;
}

/**
 * How public/'s files meet the files a build writes, told one written file at a time (the pages are made as
 * they are written). A file of the build's own at a path of public/ replaces it (shadowed, a warning). But a
 * file of public/ where the build needs a folder (public/2025, public/osebe), or a folder of public/ where it
 * writes a file (public/feed.xml/, public/osebe/index.html/), cannot give way: one of the two could not be
 * written. Each of those is told, and nothing is published.
 */
export class PublicConflicts {
  /** public/'s files not yet replaced by one of the build's. */
  private readonly files: Set<string>;
  /** Every folder public/'s files are in, at any depth. */
  private readonly folders = new Set<string>();
  /** public/'s files the build's own replace, in the order found. */
  readonly shadowed: string[] = [];
  private readonly filesInTheWay = new Set<string>();
  private readonly foldersInTheWay = new Set<string>();

  constructor(publicPaths: Iterable<string>) {
    this.files = new Set(publicPaths);
    for (const file of this.files) {
      for (let end = file.indexOf('/'); end !== -1; end = file.indexOf('/', end + 1)) this.folders.add(file.slice(0, end));
    }
  }

  /** Notes a file the build writes at `relative`; false when public/ leaves it no room. */
  noteFile(relative: string): boolean {
    if (this.files.delete(relative)) this.shadowed.push(relative);
    let room = this.noteFolders(relative);
    if (this.folders.has(relative)) {
      this.foldersInTheWay.add(relative);
      room = false;
    }
    return room;
  }

  /** Notes a folder the build writes files into (`assets`), whose names it knows only once it makes them. */
  noteFolder(folder: string): void {
    this.noteFolders(`${folder}/`);
  }

  /** Notes the folders `relative` is in; false when a file of public/ stands at one of them. */
  private noteFolders(relative: string): boolean {
    if (this.files.size === 0) return true;
    let room = true;
    for (let end = relative.indexOf('/'); end !== -1; end = relative.indexOf('/', end + 1)) {
      const folder = relative.slice(0, end);
      if (this.files.has(folder)) {
        this.filesInTheWay.add(folder);
        room = false;
      }
    }
    return room;
  }

  /** The public/in-the-way errors for what was noted, by path. */
  problems(): ArhivarError[] {
    const files = [...this.filesInTheWay].map((relative) => ({ relative, error: publicFileInFolderPlace(relative) }));
    const folders = [...this.foldersInTheWay].map((relative) => ({ relative, error: publicFolderInFilePlace(relative) }));
    return [...files, ...folders].sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0)).map(({ error }) => error);
  }
}

/**
 * What the build makes the file or folder at `relative` (a path in dist/) from, and the README section that tells
 * of it, for a hint on a file of public/ at that path. Pages tells of pages only: of robots.txt it says no more
 * than »for search engines«.
 */
export function builtFrom(relative: string): { source: string; see: string } {
  const at = `/${relative}`;
  if (at === urls.robots() || at === urls.sitemap() || /^\/sitemap-\d+\.xml$/.test(at)) return { source: 'content/', see: 'see Sitemap and robots.txt in the README' };
  if (at === urls.feed() || at.endsWith('/feed.xml')) return { source: 'content/', see: 'see Feeds in the README' };
  if (at === urls.searchIndex() || `${at}/`.startsWith(urls.searchData())) return { source: 'content/', see: 'see Search in the README' };
  if (`${at}/`.startsWith(`/${ASSETS_FOLDER}/`)) {
    return { source: 'templates/site.css and src/client/', see: 'see "Assets (CSS and client scripts through Vite)" in the README' };
  }
  return { source: 'content/', see: 'see Pages in the README' };
}

/** A file of public/ at a path the build writes itself (robots.txt, feed.xml, a page): the build's own wins. */
export function shadowedPublicFile(file: string): ArhivarError {
  const { source, see } = builtFrom(file);
  return new ArhivarError({
    code: 'public/shadowed',
    message: `the build writes ${file} itself, so this file is not published`,
    file: `public/${file}`,
    hint: `rename it or delete it: ${file} is made from ${source} (${see})`,
  });
}

/**
 * A public/in-the-way or public/shadowed that only a draft's pages give, for the dev server, which shows drafts:
 * the build does not publish the draft, so it publishes the file and tells nothing until the draft is published.
 */
export function draftClash(problem: ArhivarError): ArhivarError {
  return new ArhivarError({
    code: 'public/draft-clash',
    message: `once a draft is published, ${problem.message}`,
    file: problem.file,
    hint: `before the draft is published, ${problem.hint}`,
  });
}

function publicFileInFolderPlace(relative: string): ArhivarError {
  const { source, see } = builtFrom(relative);
  return new ArhivarError({
    code: 'public/in-the-way',
    message: `the build writes pages under ${relative}/, so a file of that name cannot be published and leaves no room for them`,
    file: `public/${relative}`,
    hint: `rename it or delete it: ${relative}/ is made from ${source} (${see})`,
  });
}

function publicFolderInFilePlace(relative: string): ArhivarError {
  return new ArhivarError({
    code: 'public/in-the-way',
    message: `the build writes the file ${relative} itself, so this folder cannot be published and leaves no room for it`,
    file: `public/${relative}`,
    hint: `rename the folder or move its files out of it: the build writes ${relative} itself (${builtFrom(relative).see})`,
  });
}

/** A developer's environment file in public/ (output/left-out.ts): left out of the site, and told, because it is in the wrong folder. */
function publicSecretFile(relative: string): ArhivarError {
  const parts = relative.split('/');
  const name = parts.pop()!;
  const folder = isEnvironmentName(name) ? undefined : parts.find(isEnvironmentName);
  return new ArhivarError({
    code: 'public/secret-file',
    message:
      folder === undefined
        ? `${name} is an environment file, which holds passwords and keys, so it was not published`
        : `${name} is in ${folder}, a folder of environment files, which hold passwords and keys, so it was not published`,
    file: `public/${relative}`,
    hint: 'move it out of public/ (to the project folder, beside content/): every file of public/ is meant to go online; if an older build published it, change the keys it holds',
  });
}

/**
 * What a directory entry that is neither a regular file nor a folder nor a link is, in a warning's words; undefined
 * for a file or a folder. A named pipe or a socket is made by a program (a sync tool, a local server), has no bytes
 * to copy, and a pipe opened to be read waits for a writer, so the build lists and never opens one.
 */
function specialFileKind(entry: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string | undefined {
  if (entry.isFile() || entry.isDirectory()) return undefined;
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  return 'a device file';
}

/** A named pipe, socket or device file in public/ (or a link to one): there is nothing to publish, and it was skipped without a word. */
function publicNotAFile(relative: string, kind: string, linkTarget?: string): ArhivarError {
  return new ArhivarError({
    code: 'public/not-a-file',
    message: `${linkTarget === undefined ? '' : `symbolic link to public/${linkTarget}, `}${kind}, not a regular file, so it was not published`,
    file: `public/${relative}`,
    hint: 'a program made it, not an editor: delete it or move it out of public/ (if readers are meant to have what it gives, save that as a file)',
  });
}

/** A name Linux allows that a host would read as leaving the site: `..\x`, where Windows sees a folder `..`. */
function publicBadName(relative: string): ArhivarError {
  return new ArhivarError({
    code: 'public/bad-file-name',
    message: 'the name has ".." between backslashes, which Windows and some hosts read as the folder above, out of the site, so it is not published',
    file: `public/${relative}`,
    hint: 'rename it with letters, digits, -, _ and . only',
  });
}

function publicLinkOutside(relative: string, target: string | undefined): ArhivarError {
  return new ArhivarError({
    code: 'public/symlink-outside',
    message: target ? `symbolic link points outside public/ (to ${target}); it is not published` : 'symbolic link is broken',
    file: `public/${relative}`,
    hint: 'copy the file into public/ instead of linking to it, or delete the link',
  });
}

/**
 * The file a link of public/ leads to (its real path, inside public/), with why it is left out, when it is one
 * the build leaves out (left-out.ts). Copied under the link's name, `config.txt -> .env` published the keys the
 * .env holds, and `kazalo.bin -> .DS_Store` the folder's file names.
 */
function leftOutLinkTarget(publicRoot: string, target: string): { target: string; why: LeftOut } | undefined {
  const relative = path.relative(publicRoot, target).split(path.sep).join('/');
  const why = leftOutOfPublic(relative);
  return why ? { target: relative, why } : undefined;
}

const LEFT_OUT_AS = { git: 'a file of a git repository', litter: 'a file manager\'s own file', secret: 'an environment file, which holds passwords and keys' } as const;

function publicLinkToLeftOut(relative: string, { target, why }: { target: string; why: LeftOut }): ArhivarError {
  return new ArhivarError({
    code: 'public/symlink-left-out',
    message: `symbolic link to public/${target}, ${LEFT_OUT_AS[why]}, which the build leaves out, so the link is not published either`,
    file: `public/${relative}`,
    hint:
      why === 'secret'
        ? 'delete the link: every file of public/ is meant to go online; if an older build published it, change the keys it holds'
        : 'copy the file into public/ under this name instead of linking to it, if readers are meant to have it, or delete the link',
  });
}

function publicLinkToFolder(relative: string): ArhivarError {
  return new ArhivarError({
    code: 'public/symlink-folder',
    message: 'symbolic link to a folder; it is not published, since the build would write the pages at its path into the folder it points to',
    file: `public/${relative}`,
    hint: 'move or copy the folder to this path instead of linking to it, or delete the link',
  });
}

/** Whether `inner` is `outer` or lies inside it. */
function isWithin(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** A site path checked to stay inside the output folder. */
function safeRelative(relative: string): string {
  if (!isSafeRelative(relative)) throw new Error(`refusing to write outside the output folder: ${JSON.stringify(relative)}`);
  return relative;
}


function isSafeRelative(relative: string): boolean {
  return !(relative.includes('\0') || path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..') || relative === '');
}
