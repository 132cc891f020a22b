import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../bin/code.js';
import { ArhivarError } from '../errors.ts';
import { folderKind } from '../folder-kind.ts';
import { FEED_GENERATOR, ROBOTS_GENERATOR } from '../render/generator-lines.ts';
import { CACHE_DIR } from './cache.ts';
import { CONTENT_DIR } from '../content/read.ts';
import { leftOutOfPublic } from '../output/left-out.ts';
import { readOutputState, type OutputState } from '../output/output-record.ts';

/**
 * Fails with a clear error when `folder` (relative to `root`, or absolute) exists but is not a folder: a
 * file, or a link to nothing. A command checks the folders it will write into before it starts, so such a
 * file is reported at once, by name, instead of failing deep inside ("EEXIST … mkdir", "ENOTDIR … rename")
 * after the work is done; and arhivar never replaces a file it did not make.
 */
export async function checkFolder(root: string, folder: string, problem: { code: string; hint: string }): Promise<void> {
  const refused = await folderProblem(root, folder, problem);
  if (refused) throw refused;
}

/** What checkFolder throws, for a check that tells it beside other problems. */
async function folderProblem(root: string, folder: string, problem: { code: string; hint: string }): Promise<ArhivarError | undefined> {
  const absolute = path.resolve(root, folder);
  const kind = await folderKind(absolute);
  if (kind === 'folder' || kind === 'missing') return undefined;
  const name = path.relative(root, absolute) || absolute;
  return new ArhivarError({
    code: problem.code,
    file: name,
    message: kind === 'link-to-nothing' ? `${name} is a link to nothing` : `${name} is not a folder`,
    hint: problem.hint,
  });
}

/**
 * The project folder (--root) of a command that writes into content/ must exist: a mistyped --root would
 * otherwise make a new project tree wherever it points. An existing folder without content/ is fine: the
 * first article starts a new archive.
 */
export async function checkProjectFolder(root: string): Promise<void> {
  if ((await folderKind(root)) === 'folder') {
    // A folder without content/ starts a new archive, but not the content/ folder itself: the article went into
    // content/content/articles/, where no build looks.
    if ((await folderKind(path.join(root, CONTENT_DIR))) !== 'missing' || !(await isContentFolder(root))) return;
    throw new ArhivarError({ code: 'project/content-folder', message: `${root} is a project's ${CONTENT_DIR}/ folder, not the project folder`, hint: contentFolderHint(root) });
  }
  throw new ArhivarError({
    code: 'project/missing',
    message: `there is no folder ${root} to write the article into`,
    hint: 'run the command in the project folder, or give --root an existing folder (make it first for a new archive)',
  });
}

/**
 * A command that reads a project (build, check, dev, people) needs its content/ folder before it makes
 * anything: a build takes its lock beside dist/ and keeps work in .cache/, so a mistyped --root, or a
 * folder that holds no project, would be made (or given a .cache/) only to report that there is no
 * content, and `arhivar new` would then take it for a project.
 */
export async function checkContentFolder(root: string): Promise<void> {
  if ((await folderKind(root)) !== 'folder') {
    throw new ArhivarError({
      code: 'project/missing',
      message: `there is no project folder ${root}`,
      hint: 'run the command in the project folder, or give --root the folder that holds content/',
    });
  }
  const kind = await folderKind(path.join(root, CONTENT_DIR));
  if (kind === 'folder') return;
  throw new ArhivarError({
    code: 'content/missing',
    message: kind === 'missing' ? `there is no ${CONTENT_DIR}/ folder in ${root}` : `${CONTENT_DIR} in ${root} is ${kind === 'link-to-nothing' ? 'a link to nothing' : 'not a folder'}`,
    hint: kind === 'missing' && (await isContentFolder(root)) ? contentFolderHint(root) : 'run arhivar from the project folder, or pass --root',
  });
}

function contentFolderHint(root: string): string {
  return `${root} is the ${CONTENT_DIR}/ folder itself: give --root the folder that holds it, --root ${path.dirname(path.resolve(root))}`;
}

/** Whether `folder` is a project's content/ folder (--root ./content): so named, with articles/, people/ or site.yaml in it. */
async function isContentFolder(folder: string): Promise<boolean> {
  if (path.basename(path.resolve(folder)) !== CONTENT_DIR) return false;
  const kinds = await Promise.all(['articles', 'people', 'site.yaml'].map((name) => folderKind(path.join(folder, name))));
  return kinds.some((kind) => kind !== 'missing');
}

/** `.cache` must be a folder, or missing. */
export async function checkCacheFolder(root: string): Promise<void> {
  await checkFolder(root, CACHE_DIR, {
    code: 'cache/not-a-folder',
    hint: 'arhivar keeps work it can redo in the folder .cache/: rename or delete .cache (nothing published is lost), then run the command again',
  });
}

/** Folders of a project (and of arhivar) that a build reads or keeps: the site may not be published into one. */
const PROJECT_FOLDERS = ['content', 'templates', 'public', 'src', 'node_modules', CACHE_DIR];

/**
 * The folder a build publishes into (dist/, or --out) must be a folder of its own, or missing. Publishing
 * swaps the whole folder for the new site and deletes the old one, so `--out .` would delete the project
 * (content/ included), `--out ..` everything beside it, and `--out content` the articles.
 *
 * This part looks only at where the folder is, not at what it holds: a build checks it before it takes the
 * output folder's lock beside the folder, and what the folder holds (checkOutputContents) once it has the
 * lock, when no other build can be swapping it (holdingOutputFolder in output/build-lock.ts).
 */
export async function checkOutputLocation(root: string, outDir: string): Promise<void> {
  const output = await realLocation(path.resolve(root, outDir));
  const name = path.relative(root, path.resolve(root, outDir)) || '.';
  for (const [holds, what] of [
    [await realLocation(path.resolve(root)), 'the project folder'],
    [await realLocation(PACKAGE_ROOT), 'arhivar itself'],
  ] as const) {
    if (isWithin(output, holds)) {
      throw new ArhivarError({
        code: 'output/holds-project',
        file: name,
        message: `the output folder ${name} holds ${what}: publishing the site there would delete it`,
        hint: 'build into a folder of its own, such as dist (the default): leave out --out, or give --out a new folder',
      });
    }
  }
  for (const folder of PROJECT_FOLDERS.flatMap((folder) => [path.resolve(root, folder), path.join(PACKAGE_ROOT, folder)])) {
    const real = await realLocation(folder);
    if (isWithin(real, output)) {
      throw new ArhivarError({
        code: 'output/inside-project',
        file: name,
        message: `the output folder ${name} is ${real === output ? '' : 'inside '}${path.relative(root, folder)}/, which the build reads or keeps: publishing there would replace what is in it`,
        hint: 'build into a folder of its own, such as dist (the default): leave out --out, or give --out a new folder',
      });
    }
  }
  await checkFolder(root, outDir, {
    code: 'output/not-a-folder',
    hint: 'arhivar publishes the site as a folder of that name and never replaces a file: rename or delete it, or build into another folder with --out',
  });
}

/** What the output folder holds must be only a site arhivar published, or nothing (see checkOutputLocation). */
export async function checkOutputContents(root: string, outDir: string): Promise<void> {
  const output = await realLocation(path.resolve(root, outDir));
  const name = path.relative(root, path.resolve(root, outDir)) || '.';
  // A deploy checkout (git worktree of a gh-pages branch, say) would lose its .git with the old tree.
  if (await lstat(path.join(output, '.git')).then(() => true, () => false)) {
    throw new ArhivarError({
      code: 'output/holds-git',
      file: name,
      message: `the output folder ${name} holds a .git: a build replaces the folder whole, so its history would be deleted`,
      hint: 'build into a folder of its own (dist, the default) and copy it into the git checkout as a deploy step',
    });
  }
  // The record only when the folder has no feed.xml of arhivar's: every build passes here, and at 100,000 articles the
  // record names 177,000 files (50 MB).
  const strangers = await filesNotPublishedByArhivar(output, () => readOutputState(root, path.resolve(root, outDir)));
  if (strangers) {
    const { files, feedMissing } = strangers;
    const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? ` and ${files.length - 3} more` : '');
    throw new ArhivarError({
      code: 'output/not-ours',
      file: name,
      message: feedMissing
        ? `the output folder ${name} holds files (${shown}) that arhivar cannot tell for a site it published: there is no feed.xml, nor a robots.txt starting with ${ROBOTS_GENERATOR} (a site with no article published has no feed), by which it knows one when .cache/ holds no record of it; a build replaces the folder whole, so they would be deleted`
        : `the output folder ${name} holds files that arhivar did not publish (${shown}): a build replaces the folder whole, so they would be deleted`,
      hint: feedMissing
        ? `if ${name} is a site arhivar published whose feed.xml or robots.txt was deleted (with .cache/, where it keeps a record of what it published), delete ${name} and build again; otherwise build into a new or empty folder with --out, or move those files away`
        : `build into a new or empty folder with --out, or move those files away; if ${name} is an old copy of the site you no longer need, delete it`,
    });
  }
}

/**
 * A name an output folder may hold and still count as empty: what leftOutOfPublic calls 'litter' (output/left-out.ts:
 * .DS_Store, a ._ twin, Thumbs.db, desktop.ini, in any letter case), which file managers write into a folder
 * on their own and hide, so output/not-ours would ask the editor to move files they cannot see.
 */
function isIgnorable(name: string): boolean {
  return leftOutOfPublic(name) === 'litter';
}

/** A site arhivar publishes says so near the top of its feed.xml (FEED_GENERATOR) and of its robots.txt (ROBOTS_GENERATOR). */
const SIGNATURE_WINDOW = 64 * 1024;

/**
 * What an existing output folder holds, unless it is empty or a site arhivar published. A build swaps the
 * folder whole, which is right for its own site and wrong for anything else: `--out` pointing at someone's
 * folder would otherwise delete it without a word. Vite, likewise, does not empty an outDir it does not own.
 *
 * A site of arhivar's is known by its feed.xml, which every one has whatever its templates, so a cache-less
 * build or one after .cache/ was deleted still recognises its own folder; and, when the feed was deleted, by
 * the record in .cache/ of what the last build published there: every file in the folder is one it names
 * (any other is someone's, and is told by name), and the folder holds at least half of them, so that a new
 * folder of someone's with an index.html in it is not taken for the site. A site with no article published has
 * no feed.xml: with no record either, its robots.txt tells (those of builds before it was signed do not).
 */
async function filesNotPublishedByArhivar(output: string, readRecord: () => Promise<OutputState | undefined>): Promise<{ files: string[]; feedMissing: boolean } | undefined> {
  const entries = await readdir(output).catch(() => [] as string[]);
  const names = entries.filter((entry) => !isIgnorable(entry)).sort();
  if (names.length === 0) return undefined;
  const feed = path.join(output, 'feed.xml');
  if (await startsWithSignature(feed, FEED_GENERATOR)) return undefined;
  const published = (await readRecord())?.current?.files;
  if (published) {
    const files = await filesIn(output);
    const strangers = files.filter((file) => !published.has(file));
    if (strangers.length > 0) return { files: strangers, feedMissing: false };
    if (files.length * 2 >= published.size) return undefined;
  } else if (await startsWithSignature(path.join(output, 'robots.txt'), ROBOTS_GENERATOR)) {
    return undefined;
  }
  return { files: names, feedMissing: (await folderKind(feed)) === 'missing' };
}

/** The files under `folder` (anything but a folder: a link too), as the record names them, litter left out. */
async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => !entry.isDirectory() && !isIgnorable(entry.name))
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

async function startsWithSignature(file: string, signature: string): Promise<boolean> {
  // Only a regular file is opened: a pipe named feed.xml would block the build.
  if (!(await stat(file).then((info) => info.isFile(), () => false))) return false;
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const buffer = Buffer.alloc(SIGNATURE_WINDOW);
    const { bytesRead } = await handle.read(buffer, 0, SIGNATURE_WINDOW, 0);
    return buffer.subarray(0, bytesRead).includes(signature);
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/**
 * public/, whose files are published as they are, must be a folder, or missing. A build only reads it, so
 * this is told with public/'s other problems and the content's (output/publish.ts readPublicFolder), not
 * before them: nothing is at stake in loading the content first.
 */
export function publicFolderProblem(root: string): Promise<ArhivarError | undefined> {
  return folderProblem(root, 'public', {
    code: 'public/not-a-folder',
    hint: 'public/ holds files published as they are (favicon.svg, pictures …): rename the file and make a folder of that name, or delete it',
  });
}

/** Whether `inner` is `outer` or lies inside it. */
function isWithin(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The path with links resolved as far as it exists (an output folder may not exist yet). */
async function realLocation(absolute: string): Promise<string> {
  const real = await realpath(absolute).catch(() => undefined);
  if (real) return real;
  const parent = path.dirname(absolute);
  return parent === absolute ? absolute : path.join(await realLocation(parent), path.basename(absolute));
}
