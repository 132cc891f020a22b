import { watch, type FSWatcher } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Watches content/ for the dev server with one inotify watch per folder, not per file. Vite's watcher
 * (chokidar) stats every file when it starts: on 10,000 articles that took about 0.9 s of the main
 * thread while the archive was loading. A folder watch reports its files by name, so a change is told
 * as soon as it happens without any scan.
 *
 * Events are what the file is now: 'change' for a regular file that was written or replaced (editors
 * often save by renaming a new file over the old one), 'add' for a folder that appeared (it is watched
 * from then on) or a symbolic link, 'unlink' for a path that is gone. Hidden names are skipped, as
 * content/read.ts skips them.
 */
export type ContentEvent = 'change' | 'add' | 'unlink';

export class ContentWatcher {
  /** By folder path, with the folder that was there when its watch began (see watchTree). */
  private readonly watchers = new Map<string, { watcher: FSWatcher; folder: string }>();
  private rootWatcher: FSWatcher | undefined;
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly onEvent: (event: ContentEvent, file: string) => void,
  ) {}

  /** Starts watching content/ and its folders; if content/ does not exist yet, it is watched from when it appears. */
  async start(): Promise<void> {
    const contentDir = this.contentDir();
    // The project folder itself, for content/ being created, removed or replaced.
    this.rootWatcher = this.watchFolder(this.root, (name) => {
      if (name !== 'content') return;
      void this.refreshTree(contentDir);
    });
    await this.watchTree(contentDir);
  }

  close(): void {
    this.closed = true;
    this.rootWatcher?.close();
    for (const { watcher } of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private contentDir(): string {
    return path.join(this.root, 'content');
  }

  private async refreshTree(folder: string): Promise<void> {
    const info = await stat(folder).catch(() => undefined);
    if (info?.isDirectory()) {
      await this.watchTree(folder);
      this.onEvent('add', folder);
    } else {
      this.unwatchUnder(folder);
      this.onEvent('unlink', folder);
    }
  }

  private async watchTree(folder: string): Promise<void> {
    // A watch follows the folder, not its name: when another folder is moved into the place of one (a copy of
    // content/ or of a year swapped in), the watches under that name report the old one, wherever it went, and
    // saves in the new one went unnoticed. So a name is watched again when a different folder holds it. The inode
    // alone does not tell: ext4 gives a folder made right after a removal the removed one's (`rm -rf 2025 && cp -r
    // kopija/2025 .`), whose watch ended with it. Its birth time (statx; birthtimeMs, in milliseconds with a fraction) is its own.
    const info = await stat(folder).catch(() => undefined);
    const identity = info ? `${info.dev}:${info.ino}:${info.birthtimeMs}` : '';
    if (this.closed || this.watchers.get(folder)?.folder === identity) return;
    this.unwatchUnder(folder);
    const watcher = this.watchFolder(folder, (name) => void this.onName(path.join(folder, name)));
    if (!watcher) return;
    this.watchers.set(folder, { watcher, folder: identity });
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    await Promise.all(entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => this.watchTree(path.join(folder, entry.name))));
  }

  private watchFolder(folder: string, onName: (name: string) => void): FSWatcher | undefined {
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: false }, (_event, name) => {
        if (name && !name.startsWith('.')) onName(name);
      });
    } catch {
      return undefined;
    }
    // The folder was removed or became unreadable; its parent reports the removal.
    watcher.on('error', () => this.unwatchUnder(folder));
    return watcher;
  }

  private async onName(file: string): Promise<void> {
    // A link is not watched through: content/read.ts follows only links that stay inside content/, whose
    // targets are watched where they are, so a link is told as 'add' and the next read decides about it.
    const info = await lstat(file).catch(() => undefined);
    if (this.closed) return;
    if (info?.isSymbolicLink()) {
      this.unwatchUnder(file);
      this.onEvent('add', file);
    } else if (!info) {
      this.unwatchUnder(file);
      this.onEvent('unlink', file);
    } else if (info.isDirectory()) {
      await this.watchTree(file);
      this.onEvent('add', file);
    } else {
      this.onEvent('change', file);
    }
  }

  private unwatchUnder(folder: string): void {
    for (const [watched, { watcher }] of this.watchers) {
      if (watched === folder || watched.startsWith(folder + path.sep)) {
        watcher.close();
        this.watchers.delete(watched);
      }
    }
  }
}
