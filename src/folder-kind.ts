import { lstat, stat } from 'node:fs/promises';

/**
 * What is at `absolute`, links followed: a folder, nothing, something else (a file), or a link to nothing.
 * The checks for folders arhivar reads or writes (content/articles, .cache, dist, public, the project
 * folder) all ask this, so each reports a file or a broken link in its place the same way.
 */
export async function folderKind(absolute: string): Promise<'folder' | 'missing' | 'not-a-folder' | 'link-to-nothing'> {
  const target = await stat(absolute).catch(() => undefined);
  if (target) return target.isDirectory() ? 'folder' : 'not-a-folder';
  const link = await lstat(absolute).catch(() => undefined);
  return link ? 'link-to-nothing' : 'missing';
}
