import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { loadSite } from '../build.ts';
import { ArhivarError, toArhivarErrors } from '../errors.ts';
import { lockOutput, type LockHolder } from '../output/build-lock.ts';
import { findBrokenLinks, type BrokenLink } from '../output/links.ts';
import { readSiteConfig } from '../config/site.ts';
import { basePathOf } from '../site/urls.ts';
import { folderKind } from '../folder-kind.ts';
import { checkContentFolder, checkOutputLocation } from '../pipeline/folders.ts';
import { CACHE_DIR } from '../pipeline/cache.ts';

/**
 * `arhivar check`: everything the build checks, plus the internal links of an existing build. Content
 * problems and broken links are reported together. Nothing in content/ or the output folder is written;
 * like a build, loading the content keeps what it validated and rendered in .cache/, when .cache/ may be
 * written (a read-only checkout is checked without it).
 */
export interface CheckOptions {
  root: string;
  /** Built site to check links in, relative to root; dist by default. */
  outDir?: string;
  includeFuture?: boolean;
  now?: Date;
  /** Told once when a build of the site holds the output folder and the link check waits for it to end. */
  onWaitForBuild?: ((holder: LockHolder | undefined, lockPath: string) => void) | undefined;
}

export interface CheckResult {
  problems: ArhivarError[];
  warnings: ArhivarError[];
  articles: number;
  /** Project-relative folder whose links were checked, or undefined when there was no build. */
  linksChecked: string | undefined;
  brokenLinks: number;
}

export async function checkSite(options: CheckOptions): Promise<CheckResult> {
  const problems: ArhivarError[] = [];
  const warnings: ArhivarError[] = [];
  let articles = 0;
  // Before anything is made: without content/ there is nothing to check, and no .cache/ or lock to make.
  await checkContentFolder(options.root);
  try {
    // Only the problems are wanted: each text is let go once validated and each rendered body stays in
    // .cache/, as in a build, so a large archive is checked in the memory a build takes.
    const cache = await cacheWritable(options.root);
    const model = await loadSite({ root: options.root, includeFuture: options.includeFuture, now: options.now, releaseSources: true, bodiesOnDisk: cache, cache });
    warnings.push(...model.warnings);
    articles = model.archive.articles.length;
    model.close();
  } catch (error) {
    const known = toArhivarErrors(error);
    if (!known) throw error;
    problems.push(...known);
  }

  const outDir = options.outDir ?? 'dist';
  const distDir = path.resolve(options.root, outDir);
  let linksChecked: string | undefined;
  let brokenLinks = 0;
  await whileNoBuildPublishes(options.root, distDir, options.onWaitForBuild, async () => {
    if ((await folderKind(distDir)) !== 'folder') return;
    const shown = path.relative(options.root, distDir).split(path.sep).join('/') || '.';
    linksChecked = shown;
    // The site is published at the path of baseUrl: its pages' URLs start there, and a link out of it is broken.
    const basePath = basePathOf((await readSiteConfig(options.root)).baseUrl);
    const broken = await findBrokenLinks(distDir, { basePath });
    brokenLinks = broken.length;
    for (const entry of broken) problems.push(brokenLinkError(entry, shown, basePath));
  });
  return { problems, warnings, articles, linksChecked, brokenLinks };
}

function brokenLinkError({ file, link, outside, fragment }: BrokenLink, shown: string, basePath: string): ArhivarError {
  if (fragment?.redirect) {
    return new ArhivarError({
      code: 'link/broken',
      message: `link "${link}" leads to ${shown}/${fragment.page}, a page that only sends readers on to an article's new address (redirectFrom:), and that drops #${fragment.id}`,
      file: `${shown}/${file}`,
      hint: `link the article's new address with #${fragment.id}`,
    });
  }
  if (fragment) {
    const target = fragment.page === file ? 'this page, which' : `${shown}/${fragment.page}, but that page`;
    const fix = fragment.nearest === undefined ? 'link the id of the heading you mean' : `write #${fragment.nearest} if that is the heading you mean`;
    return new ArhivarError({
      code: 'link/broken',
      message: `link "${link}" leads to ${target} has no heading or element with id "${fragment.id}"`,
      file: `${shown}/${file}`,
      hint: `${fix}: a heading's id is its text written as a slug ("## Ozadje pogovorov" is #ozadje-pogovorov, a second heading with the same text #ozadje-pogovorov-2), and the built page shows it as id="…"; build again if the heading or the link changed since the last build`,
    });
  }
  return new ArhivarError({
    code: 'link/broken',
    message: outside
      ? `link "${link}" leads out of ${basePath}, the path baseUrl in content/site.yaml publishes the site under`
      : `link "${link}" leads to no page of the built site`,
    file: `${shown}/${file}`,
    hint: outside
      ? `build again if baseUrl changed since the last build; if it stays, a link an article writes from the host's root must start with ${basePath} (or be relative to its page)`
      : 'build again (the build may be older than the content; a page removed from dist/ by hand comes back once dist/ is deleted and built); if it stays, fix the link in the article or template that writes it',
  });
}

/**
 * Runs `read` holding the output folder's build lock (output/build-lock.ts): a build that swapped in its new
 * tree during the read would make links of the old site look broken, and for a moment there is no dist/ at
 * all. A build started meanwhile waits. A folder no build may publish into (checkOutputLocation refuses it)
 * cannot change under the check, and one whose parent folder is missing has no build; neither is locked, so
 * the check makes no lock folder beside them. Nor is one the check may not write beside (read-only).
 */
async function whileNoBuildPublishes(root: string, outDir: string, onWait: CheckOptions['onWaitForBuild'], read: () => Promise<void>): Promise<void> {
  const buildsCanPublishThere = await checkOutputLocation(root, outDir).then(
    () => true,
    () => false,
  );
  if (!buildsCanPublishThere || (await folderKind(path.dirname(outDir))) !== 'folder') return read();
  let lock;
  try {
    lock = await lockOutput(outDir, { command: 'check', onWait });
  } catch (error) {
    // Beside a folder this check may not write in (a read-only copy of a site), no build of this user
    // publishes either: read it as it is, as before checks took the lock.
    if (['EROFS', 'EACCES', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) return read();
    throw error;
  }
  try {
    await read();
  } finally {
    await lock.release();
  }
}

/**
 * Whether .cache/ (or the project folder, to make it in) may be written. A read-only checkout is checked
 * without .cache/: every article is rendered anew, where loading with it failed on its first write.
 */
async function cacheWritable(root: string): Promise<boolean> {
  const cacheDir = path.join(root, CACHE_DIR);
  const folder = (await folderKind(cacheDir)) === 'folder' ? cacheDir : root;
  return access(folder, constants.W_OK).then(
    () => true,
    () => false,
  );
}
