/**
 * Files of public/ that a build never publishes, though they lie there. In a module of its own, with no
 * imports, because the no-change check (pipeline/unchanged.ts) leaves them out too and loads no publishing code.
 *
 * - `git`: a path in a `.git` of public/ (a folder cloned from a design team's repository): the repository's
 *   history and settings, never a file for readers. Published, it was online for anyone to download, and
 *   dist/.git made every later build stop at output/holds-git, as if dist/ were a deploy checkout.
 * - `litter`: what the file managers of editors' computers leave in every folder they open. `.DS_Store` (Finder)
 *   lists the folder's file names, so on a web server it gives away files no page links (a known leak, found by
 *   scanners); `._name` is the AppleDouble twin macOS writes on a USB stick or network share; `Thumbs.db` and
 *   `desktop.ini` are Windows Explorer's. So are the files an editor program keeps beside a file open in it:
 *   Emacs's lock `.#name` (a link to nothing, which stopped every build at public/symlink-outside while a page of
 *   public/ was open in Emacs) and vim's swap `.name.swp` (`.swo` …, the text being edited). No newsroom means to
 *   publish them, so they are left out silently.
 * - `secret`: a developer's environment file (`.env`, `.env.local`, `.env.production` …), which holds
 *   passwords and API keys, or a file in a folder of them (`.env.d/`, as .git is judged in every part of the
 *   path). Left out, and told (public/secret-file), since it is in the wrong folder. Only `.env` and
 *   `.env.<name>`, and `.env~`, the copy of the file before a save that Emacs keeps beside it by default (vim
 *   with 'backup' set too), and `#.env#` (`#.env.local#`), the copy Emacs auto-saves of one being edited, there
 *   until it is saved: a name that merely starts so (`.envelope.svg`) is a file for readers.
 *
 * Names are compared without regard to letter case: Windows and macOS keep a name's case but do not tell
 * names apart by it, so `thumbs.db` and `Desktop.ini` are the same files there.
 */
export type LeftOut = 'git' | 'litter' | 'secret';

const LITTER = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);
/** vim's swap file of `name`: `.name.swp`, and `.swo` to `.swa` for a second and later one. */
const VIM_SWAP = /^\..+\.sw[a-p]$/;
const ENVIRONMENT = /^(?:\.env(?:\.|~?$)|#\.env(?:\.[^#]*)?#$)/i;

/** An environment file's or folder's name: `.env`, `.env.local`, `.env.d`, an editor's `.env~` or `#.env#`, in any letter case. */
export function isEnvironmentName(name: string): boolean {
  return ENVIRONMENT.test(name);
}

/** Why the file at `relative` (a path inside public/, `/` between folders) is not published, or undefined when it is. */
export function leftOutOfPublic(relative: string): LeftOut | undefined {
  const parts = relative.split('/');
  if (parts.includes('.git')) return 'git';
  const name = parts[parts.length - 1]!.toLowerCase();
  if (LITTER.has(name) || name.startsWith('._') || name.startsWith('.#') || VIM_SWAP.test(name)) return 'litter';
  if (parts.some(isEnvironmentName)) return 'secret';
  return undefined;
}

/**
 * Whether a change at `relative` in public/ can change what a build publishes or tells: `presence` for a file
 * or folder added or removed, `bytes` for a file's bytes changed. Not a change to what is left out silently (a
 * .DS_Store Finder writes as an editor opens a folder, git's work in a .git), and of an environment file only
 * its coming or going, which the warning that names it follows. The no-change check (pipeline/unchanged.ts) and
 * the dev server's watcher (dev/vite-plugin.ts) both ask, so a change that does not rebuild does not reload.
 */
export function changesWhatBuildMakes(relative: string, change: 'presence' | 'bytes'): boolean {
  const leftOut = leftOutOfPublic(relative);
  return leftOut === undefined || (leftOut === 'secret' && change === 'presence');
}
