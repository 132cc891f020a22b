/**
 * A path in a `.git` of public/ (a folder cloned from a design team's repository): the repository's history and
 * settings, never a file for readers. Published, it was online for anyone to download, and dist/.git made every
 * later build stop at output/holds-git, as if dist/ were a deploy checkout. In a module of its own, with no
 * imports, because the no-change check (pipeline/unchanged.ts) leaves it out too and loads no publishing code.
 */
export function isInGitRepository(relative: string): boolean {
  return relative.split('/').includes('.git');
}
