import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadSite } from '../build.ts';
import { ArhivarError, toArhivarErrors } from '../errors.ts';
import { findBrokenLinks } from '../output/links.ts';

/**
 * `arhivar check`: everything the build checks, without writing anything, plus the internal links of
 * an existing build. Content problems and broken links are reported together.
 */
export interface CheckOptions {
  root: string;
  /** Built site to check links in, relative to root; dist by default. */
  outDir?: string;
  includeFuture?: boolean;
  now?: Date;
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
  try {
    const model = await loadSite({ root: options.root, includeFuture: options.includeFuture, now: options.now });
    warnings.push(...model.warnings);
    articles = model.archive.articles.length;
  } catch (error) {
    const known = toArhivarErrors(error);
    if (!known) throw error;
    problems.push(...known);
  }

  const outDir = options.outDir ?? 'dist';
  const distDir = path.resolve(options.root, outDir);
  const built = await stat(distDir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  let linksChecked: string | undefined;
  let brokenLinks = 0;
  if (built) {
    const shown = path.relative(options.root, distDir).split(path.sep).join('/') || '.';
    linksChecked = shown;
    const broken = await findBrokenLinks(distDir);
    brokenLinks = broken.length;
    for (const { file, link } of broken) {
      problems.push(
        new ArhivarError({
          code: 'link/broken',
          message: `link "${link}" leads to no page of the built site`,
          file: `${shown}/${file}`,
          hint: 'build again (the build may be older than the content); if it stays, fix the link in the article or template that writes it',
        }),
      );
    }
  }
  return { problems, warnings, articles, linksChecked, brokenLinks };
}
