import path from 'node:path';

/**
 * A path as new and import name it in what they print and in the commands they give: from the working folder ('' for
 * the working folder itself), or whole when that is shorter. A file imported from /work/shared/seed/ was shown as
 * ../../../../work/shared/seed/a.txt, which pastes as well but reads as a mistake; a sibling project stays ../arhiv.
 */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.length <= file.length ? relative : file;
}
