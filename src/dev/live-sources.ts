import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { readContent, readSourceFile, toProjectPath, withoutText, type ContentSources, type KnownFiles, type SourceFile } from '../content/read.ts';
import { readKnownFiles, storeKnownFiles, withoutUnpublished } from '../pipeline/unchanged.ts';

/**
 * The content/ files as the dev server last read them. After an edit only the edited files are read
 * again; a file that appears, disappears or was not read before (a read error, not Markdown) makes the
 * next read a full scan, so listing rules (hidden files, symbolic links) stay those of content/read.ts.
 */
export class LiveSources {
  private current: ContentSources | undefined;
  private readonly edited = new Set<string>();
  private rescan = true;
  private queue: Promise<unknown> = Promise.resolve();
  /** What the last scan learned of content/'s files, kept once a load tells which articles a build publishes (keepKnownFiles). */
  private learned: { known: KnownFiles; learned: KnownFiles; articles: { file: string }[] } | undefined;

  constructor(private readonly root: string) {}

  /** Records a watcher event for a path under content/. */
  note(event: string, file: string): void {
    if (event === 'change') this.edited.add(path.resolve(file));
    else this.rescan = true;
  }

  /** Reads run one after another, so a read started later always sees the edits before it. */
  read(): Promise<ContentSources> {
    const next = this.queue.then(() => this.readNow());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async readNow(): Promise<ContentSources> {
    const edited = new Map([...this.edited].map((absolute) => [toProjectPath(this.root, absolute), absolute]));
    this.edited.clear();
    if (this.rescan || !this.current) return this.keep(await this.scan());
    if (edited.size === 0) return this.keep(this.current);
    const replace = async (source: SourceFile): Promise<SourceFile> => {
      const absolute = edited.get(source.file);
      if (!absolute) return source;
      edited.delete(source.file);
      // A file replaced by a link is for a full scan to judge (it may lead out of content/), never read here.
      if ((await lstat(absolute)).isSymbolicLink()) throw new Error(`${source.file} became a link`);
      return readSourceFile(this.root, absolute);
    };
    try {
      const previous = this.current;
      const [site, articles, people] = await Promise.all([
        previous.site ? replace(previous.site) : undefined,
        Promise.all(previous.articles.map(replace)),
        Promise.all(previous.people.map(replace)),
      ]);
      if (edited.size > 0) return this.keep(await this.scan());
      return this.keep({ site, articles, people, errors: previous.errors, warnings: previous.warnings });
    } catch {
      // The file became unreadable (not UTF-8, too large, gone): a full scan reports it as the build would.
      return this.keep(await this.scan());
    }
  }

  /**
   * Returns `sources` for a load and keeps new records of its articles, without their texts: the load lets
   * go of each text once it has the article (build.ts releaseSources), and its results are kept by source
   * key, so a later load reads a text again only for an edited file or where those results lack something.
   * The records handed out are never handed out again, so letting go of their texts loses nothing.
   */
  private keep(sources: ContentSources): ContentSources {
    this.current = { ...sources, articles: sources.articles.map((source) => withoutText(this.root, source)) };
    return sources;
  }

  /**
   * Every file, through what the last build or dev session learned of them (content/read.ts KnownFiles):
   * an unchanged file is only looked at, and read if a load needs its text (.cache/ lacks its results).
   */
  private async scan(): Promise<ContentSources> {
    this.rescan = false;
    const known = await readKnownFiles(this.root);
    const sources = await readContent(this.root, { known });
    this.learned = sources.known ? { known, learned: sources.known, articles: sources.articles.map(({ file }) => ({ file })) } : undefined;
    return sources;
  }

  /**
   * Keeps what the last scan learned of content/'s files in .cache/ for the next start or build, but the articles
   * a build does not publish (pipeline/unchanged.ts withoutUnpublished): `published` are those a load showed that
   * are not drafts (the session shows drafts too).
   */
  async keepKnownFiles(published: readonly { file: string }[]): Promise<void> {
    const scanned = this.learned;
    this.learned = undefined;
    if (scanned) await storeKnownFiles(this.root, scanned.known, withoutUnpublished(scanned.learned, scanned.articles, published));
  }
}
