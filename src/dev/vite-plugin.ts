import { readFileSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import { loadSite, publishedWrittenPaths, sameAddressKey, siteAddressKey, siteContext, siteOfPictures, siteSearchFiles, sitePages, siteWrittenPaths, type HeldBack, type NewestArticles, type SiteModel } from '../build.ts';
import { measureBodyPictures } from '../pipeline/pictures.ts';
import type { ContentDate } from '../content/dates.ts';
import { ArhivarError, ContentErrors, describeError, sortErrors, toArhivarErrors, warningsOf, withProblems } from '../errors.ts';
import { createLoadCache, forgetRenderedBodies } from '../load-cache.ts';
import { LiveSources } from './live-sources.ts';
import { beforeHandOver, startMarkdownWorkers } from '../pipeline/markdown.ts';
import { checkCacheFolder } from '../pipeline/folders.ts';
import type { MovedArticle } from '../pipeline/published-addresses.ts';
import { ContentWatcher } from './content-watcher.ts';
import { buildAssets, stylesheetWarnings, type BuiltAssets, type OutputFile } from '../output/assets.ts';
import { importLine } from '../output/import-line.ts';
import { fileSyntaxProblems, packageImportHint, resolvePackageImport, STYLESHEET_IMPORT, stylesheetImportHint, stylesheetImportMessage } from '../bin/code.js';
import { changesWhatBuildMakes } from '../output/left-out.ts';
import { readPublicPages } from '../output/public-pages.ts';
import { draftClash, publicConflicts, publicFileSource, publicFolderContents } from '../output/publish.ts';
import { firstHomePage, type PageSpec } from '../render/pages.ts';
import { emptyPageComponent, emptyPageProblem, undefinedNameHint } from '../render/render-problem.ts';
import { findComponentDeclaration } from '../output/template-line.ts';
import { basePathOf, outputPathFor, urls, withoutBasePath } from '../site/urls.ts';
import { contentTypeFor, firstPageLocation, folderRedirectLocation, openFile, redirectedToBasePath, sendOpenFile } from './static-server.ts';
import { PageIndex } from './page-index.ts';
import { assetsFailureTitle, renderFailurePage, renderOutsideBasePage, renderProblemsPage } from './error-page.ts';
import { RENDER_TIME_LIMIT_MS, RenderTimedOut, renderWithin } from './render-time-limit.ts';

/**
 * The dev server's site: the same loadSite → sitePages pipeline as `build`, kept in memory and rendered
 * one page per request. The page module (src/render/pages.ts and the templates it imports) is loaded
 * through Vite's SSR loader, so a template edit applies on the next request without a restart.
 */
export interface DevPluginOptions {
  root: string;
  /**
   * The path the site is served under, as in the build (site/urls.ts basePathOf), until a load of the site
   * says otherwise (baseUrl in content/site.yaml edited); "/" by default.
   */
  basePath?: string;
  includeFuture?: boolean;
  /** The module exporting listPages, loaded through Vite; arhivar's src/render/pages.ts unless a test swaps it. */
  pagesModule?: string;
  /** Told after every load of the site, so the terminal can show problems as the browser does. */
  onLoad?: (report: DevLoadReport) => void;
  /**
   * Told when a template throws while a page renders, once per distinct error until the next change: the
   * browser shows the stack, and the terminal says which file and page. A template that does not load is
   * logged by Vite itself, with its code frame, but for an import of a file or package that is not there, which
   * is told here as template/missing-import (once until the next change).
   */
  onTemplateFailure?: (problem: ArhivarError) => void;
  /**
   * Told with the stylesheet's warnings (template/unended-property, template/root-url) when there are any, each time
   * the stylesheet and client scripts are bundled: as the server starts and after a save of one of their files. A
   * build gives them too, and the problems page lists them after a problem of the stylesheet or of the content.
   */
  onStylesheetWarnings?: (warnings: readonly ArhivarError[]) => void;
  /** The clock that decides which dated articles are out yet (milliseconds, as Date.now); tests set it. */
  now?: () => number;
  /**
   * Told, once per file, when a file of arhivar's src/ that the templates do not import is saved (`file`
   * relative to arhivar's folder, `/` between folders): the content pipeline, the people detection and the
   * dev server itself run the code the process started with, so the change applies only after a restart.
   */
  onRestartNeeded?: (file: string) => void;
  /** How long a page may render before it is stopped and told as template/timed-out; RENDER_TIME_LIMIT_MS by default. */
  renderTimeLimitMs?: number;
}

export interface DevLoadReport {
  /** Content problems of this load (empty when the site loaded). */
  errors: readonly ArhivarError[];
  warnings: readonly ArhivarError[];
  /** Set when loading failed for a reason other than content (a bug, a disk error). */
  failure?: unknown;
  articles: number;
  /** The articles not shown because they are dated in the future (without --future). */
  heldBack?: HeldBack | undefined;
  /** When the load started, on performance.now()'s clock, and how long it took. */
  startedMs: number;
  elapsedMs: number;
  /** The path the site is served under after this load: that of baseUrl in the last site that loaded. */
  basePath: string;
  /** The articles this load moved to another address (a title, slug or date edited), from the site's root. */
  moved?: readonly MovedArticle[];
}

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The files npm install writes last, once a package is in node_modules/ (see DevSite.packageFiles). */
export const PACKAGE_FILES: readonly string[] = ['package.json', 'package-lock.json'];
const PAGES_MODULE = path.join(PACKAGE_ROOT, 'src', 'render', 'pages.ts');
const RELOAD_DELAY_MS = 30;
const SOURCE_FILE = /\.[cm]?[jt]sx?$/;
/** setTimeout's longest delay (about 24.8 days); an article due later is published by a request after its date. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type PagesModule = typeof import('../render/pages.ts');
type ModelState = { ok: true; model: SiteModel } | { ok: false; errors: ArhivarError[]; warnings: ArhivarError[]; failure?: unknown };
/** The bundle, or why it failed; and the stylesheet's warnings (stylesheetWarnings), read again with every bundle. */
type AssetState = ({ ok: true; assets: BuiltAssets } | { ok: false; failure: unknown }) & { warnings: readonly ArhivarError[] };
/** 'public': a file of public/ added, changed or removed, which the next load checks as a build would. */
type Change = 'content' | 'render' | 'assets' | 'public';

/** What the dev server answers with for one state of the site: the build's pages and extra files by URL. */
interface ServedSite {
  /** Listed as far as requests need (page-index.ts). */
  pages: PageIndex;
  files: Map<string, OutputFile>;
  /** The 404 page for the address of an article held back for its date, saying when it comes; undefined if the page module has none. */
  heldBackPage: (due: ContentDate) => PageSpec | undefined;
  /** The search index files, made on the first request for one: indexing 10,000 articles takes a second. */
  searchFiles: () => Promise<Map<string, OutputFile>>;
  /**
   * The template failures told while these pages are served (onTemplateFailure): a reloading browser does not
   * repeat them, and a request still rendering with the pages before a change does not tell them again.
   */
  told: Set<string>;
}

/** What the dev server asks of the plugin besides Vite's hooks. */
export interface DevPluginApi {
  /** Waits for the page module Vite may be loading: Vite logs a failed load when it is closed under it. */
  beforeClose: () => Promise<void>;
}

export function arhivarDevPlugin(options: DevPluginOptions): Plugin<DevPluginApi> & { api: DevPluginApi } {
  const site = new DevSite(options);
  return {
    name: 'arhivar-dev',
    apply: 'serve',
    api: { beforeClose: () => site.beforeClose() },
    configureServer(server) {
      site.attach(server);
    },

    // Our files are not browser modules: the plugin reloads the page itself once the site is rebuilt.
    hotUpdate(update) {
      if (site.classify(update.file)) return [];
      return undefined;
    },
  };
}

/**
 * Vite's resolver refuses a path a package's "exports" does not list (`zod/nope`) without naming the file that
 * imports it, nor the import as written. This plugin asks the resolvers after it (`pre`: before Vite's own) and
 * rethrows that refusal with both (notExportedError), so the problem can be told at the template's line.
 */
export function packageExportsPlugin(): Plugin {
  return {
    name: 'arhivar-package-exports',
    apply: 'serve',
    enforce: 'pre',
    resolveId: {
      filter: { id: PACKAGE_SUBPATH },
      async handler(specifier, importer, resolveOptions) {
        try {
          return await this.resolve(specifier, importer, { custom: resolveOptions.custom, isEntry: resolveOptions.isEntry });
        } catch (error) {
          throw (importer !== undefined && notExportedError(error, specifier, importer)) || error;
        }
      },
    },
  };
}

/**
 * The content's warnings and the stylesheet's (read with every bundle, AssetState), in the order the build prints
 * them: the page showed the stylesheet's only beside a problem of the stylesheet, though the build prints them
 * with any problem.
 */
function withStylesheetWarnings(content: readonly ArhivarError[], stylesheet: readonly ArhivarError[]): readonly ArhivarError[] {
  return stylesheet.length > 0 ? sortErrors([...content, ...stylesheet]) : content;
}

/**
 * Vite's SSR loader gives a stylesheet a template imports (`import './kolofon.css'`) as a module of nothing, and its
 * rules reached no page, as in the build before it refused them (bin/code.js STYLESHEET_IMPORT). Refused here as
 * there, with an error that names the import and its importer, so the problem is told at the template's line.
 */
export function stylesheetImportsPlugin(): Plugin {
  return {
    name: 'arhivar-stylesheet-imports',
    apply: 'serve',
    enforce: 'pre',
    resolveId: {
      filter: { id: STYLESHEET_IMPORT },
      handler(specifier, importer) {
        // Only a module's import: a page's inline <style> is a stylesheet Vite proxies for the HTML it transforms
        // (`\0/x/index.html?html-proxy&…&index=0.css`). A package's own import of its stylesheet is the package's
        // affair, as in the build, which bundles no package.
        if (importer === undefined || !SOURCE_FILE.test(importer) || importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        throw Object.assign(new Error(`${stylesheetImportMessage(specifier)}, imported from '${importer}'`), { code: STYLESHEET_IMPORT_CODE });
      },
    },
  };
}

const STYLESHEET_IMPORT_CODE = 'ERR_ARHIVAR_STYLESHEET_IMPORT';
/** stylesheetImportsPlugin's message: the import as written and its importer. */
const STYLESHEET_IMPORTED = /^"([^"]+)" is a stylesheet, .*, imported from '(.+)'$/;

class DevSite {
  private readonly root: string;
  private readonly contentDir: string;
  private readonly publicDir: string;
  private readonly templateDirs: string[];
  /**
   * arhivar's src/ (but src/client/, which the bundle takes): the templates import more of it than src/render/
   * (src/site/urls.ts, src/text/), through Vite, which takes in a save of any of it. Only src/render/ was
   * watched here, so a save of src/site/urls.ts showed only if no page had been made since the last change.
   */
  private readonly codeDir: string;
  private readonly clientDir: string;
  /**
   * package.json and package-lock.json of arhivar's folder and of the site's, which npm install writes once the
   * package is in node_modules/ (not watched: too many files). A template importing a package not installed
   * showed its problem, saying the page reloads by itself, and stayed on it after npm install.
   */
  private readonly packageFiles: Set<string>;
  private readonly parsed = createLoadCache();
  private readonly sources: LiveSources;
  private server: ViteDevServer | undefined;
  private model!: Promise<ModelState>;
  private assets!: Promise<AssetState>;
  private pages: Promise<ServedSite> | undefined;
  /** What `pages` was made from. */
  private pagesOf: { model: SiteModel; assets: BuiltAssets } | undefined;
  private pending = new Set<Change>();
  private loadedOnce = false;
  /** Set while a load of the content runs: requests wait for it. */
  private loading = false;
  /** The load of the content running now, if any. */
  private running: Promise<ModelState> | undefined;
  /**
   * Content changed while a load ran: one more load follows it and takes in every change made meanwhile.
   * `model` is this promise until then, so requests wait for the load that shows the latest save.
   */
  private again: { state: Promise<ModelState>; follow: (state: Promise<ModelState>) => void } | undefined;
  /**
   * The newest page of articles during the session's first load (LoadOptions.onNewestArticles), so the home
   * page can be shown before the whole archive is rendered: about 13 s on a fresh checkout of 10,000 articles.
   */
  private newest: Promise<NewestArticles> | undefined;
  /** The home page as shown from `newest`; once the load is done the browser reloads if it differs. */
  private earlyHome: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Fires when the first article held back for its date is due (see scheduleDue). */
  private dueTimer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  private readonly renderTimeLimitMs: number;
  /** Aborted when the server closes: a load still running stops and reports nothing. */
  private readonly closing = new AbortController();
  /** The page module being loaded through Vite, settled (see beforeClose). */
  private pagesLoading: Promise<unknown> | undefined;
  /** Set once the server is about to close: the page module is not loaded any more. */
  private stopping = false;
  /** Set while the session loads again after a damaged body in .cache/ (recoverFromDamagedCache). */
  private recovering = false;
  /** The path the site is served under: that of baseUrl in the last site loaded. */
  private basePath: string;
  /** The files of src/ that onRestartNeeded was told of, or is finding out about. */
  private readonly restartTold = new Set<string>();
  /** The problems of the page module's load told since the last change (tellLoadFailure). */
  private toldLoadFailures = new Set<string>();
  /** The paths public/'s links named at the last load (publicFolderContents linkTargets). */
  private publicLinkTargets = new Set<string>();
  /** What publicConflictsOf found last, and for which addresses and files of public/. */
  private conflicts: { key: string[]; publicFiles: readonly string[]; found: { problems: ArhivarError[]; warnings: ArhivarError[] } } | undefined;
  /**
   * Each article's address at the last load, and the addresses articles had earlier in this session: a headline
   * edited in the editor moves the page, and the browser, reloading the address it was on, showed the 404 page.
   * Such an address sends the browser on to the article's address now (followMovedArticles, movedArticleAddress).
   */
  private readonly articleAddresses = new Map<string, string>();
  private readonly earlierAddresses = new Map<string, string>();

  constructor(private readonly options: DevPluginOptions) {
    this.root = path.resolve(options.root);
    this.contentDir = path.join(this.root, 'content') + path.sep;
    this.publicDir = path.join(this.root, 'public') + path.sep;
    this.templateDirs = [...new Set([path.join(this.root, 'templates'), path.join(PACKAGE_ROOT, 'templates')])].map((dir) => dir + path.sep);
    this.codeDir = path.join(PACKAGE_ROOT, 'src') + path.sep;
    this.clientDir = path.join(PACKAGE_ROOT, 'src', 'client') + path.sep;
    this.packageFiles = new Set([PACKAGE_ROOT, this.root].flatMap((folder) => PACKAGE_FILES.map((name) => path.join(folder, name))));
    this.sources = new LiveSources(this.root);
    this.basePath = options.basePath ?? '/';
    this.now = options.now ?? Date.now;
    this.renderTimeLimitMs = options.renderTimeLimitMs ?? RENDER_TIME_LIMIT_MS;
  }

  attach(server: ViteDevServer): void {
    this.server = server;
    // Start loading now but do not wait: the server answers at once and the first page waits for the model.
    this.reloadModel();
    this.reloadAssets();
    // A page module of the caller's is loaded through Vite at once, while the content loads. arhivar's own is
    // loaded once the front matter is validated (see loadPagesLater).
    if (this.options.pagesModule) this.loadPages().catch(() => undefined);
    // content/ has its own watcher (one per folder, see content-watcher.ts); Vite's watches the few files besides.
    server.watcher.add([...this.templateDirs, this.codeDir, this.clientDir, ...this.packageFiles]);
    server.watcher.on('all', (event, file) => this.onFileEvent(event, file));
    const contentWatcher = new ContentWatcher(this.root, (event, file) => this.onFileEvent(event, file));
    void contentWatcher.start();
    server.httpServer?.once('close', () => {
      contentWatcher.close();
      clearTimeout(this.timer);
      clearTimeout(this.dueTimer);
      // A load may still be rendering (the home page is shown before the first load is done): its workers
      // are stopped, or they would keep the process alive and report every article they could not finish.
      this.closing.abort();
      // The rendered-body log the session's loads read from (and its spill file, removed on close), once
      // the load has stopped writing to it.
      void this.model.then(() => this.parsed.bodies?.close());
    });
    server.middlewares.use((request, response, next) => {
      this.handle(request, response, next).catch(next);
    });
  }

  classify(file: string): Change | undefined {
    const absolute = path.resolve(file);
    // content/ itself too: the content watcher tells it added or removed as a whole (a deleted content/ put back,
    // a copy moved into its place). Left out, such a folder was not read until a file in it was saved.
    if (absolute.startsWith(this.contentDir) || `${absolute}${path.sep}` === this.contentDir) return 'content';
    // The site's icon, added or removed, changes the link in every page's head (output/site-icon.ts).
    if (path.dirname(absolute) === path.join(this.root, 'public') && /^favicon\.(svg|png|ico)$/.test(path.basename(absolute))) return 'assets';
    if (absolute.startsWith(this.publicDir)) return 'public';
    const inTemplates = this.templateDirs.some((dir) => absolute.startsWith(dir));
    // Not only the stylesheets: a font or picture their url() names (output/assets.ts themeFiles) decides whether
    // the bundle can be made (template/missing-file) and what it holds. Added after a missing-file problem, it
    // left that problem on every page until site.css itself was saved again.
    if ((inTemplates && !/\.tsx?$/.test(absolute)) || absolute.startsWith(this.clientDir)) return 'assets';
    if (inTemplates || absolute.startsWith(this.codeDir) || this.packageFiles.has(absolute)) return 'render';
    return undefined;
  }

  private onFileEvent(event: string, file: string): void {
    const change = this.classify(file);
    if (!change || this.closing.signal.aborted) return;
    // As the no-change check: a .DS_Store Finder writes, or a .env's keys changed, changes nothing a build
    // publishes, and reloaded the browser of an editor who only opened public/'s folder.
    // But a link of public/ to such a file is refused once it is gone (public/symlink-outside) and left out
    // again once it is back: the watcher tells the link gone with its file, and nothing when the file returns,
    // so the problem stayed on every page until some other save.
    const presence = event === 'change' ? 'bytes' : 'presence';
    if (change === 'public' && !changesWhatBuildMakes(this.publicPath(file), presence) && !(presence === 'presence' && this.publicLinkTargets.has(path.resolve(file)))) return;
    if (change === 'content') this.sources.note(event, file);
    // Code only: an editor's swap or backup file there (`.read.ts.swp`, `read.ts~`) is run by nothing.
    if (change === 'render' && path.resolve(file).startsWith(this.codeDir) && SOURCE_FILE.test(file)) void this.tellIfRestartNeeded(path.resolve(file));
    this.pending.add(change);
    // The site's icon is a file of public/ too, which a load checks.
    if (change === 'assets' && path.resolve(file).startsWith(this.publicDir)) this.pending.add('public');
    // A file of templates/ other than a stylesheet may be read by a template as it loads (an SVG logo, a
    // publisher's line, with readFileSync): no import says so to Vite, so the templates are loaded again, as a
    // build does after any change under templates/ (bin/code.js codeVersion). Stylesheets only make the bundle.
    if (change === 'assets' && this.templateDirs.some((dir) => path.resolve(file).startsWith(dir)) && !file.endsWith('.css')) this.pending.add('render');
    // Editors save in bursts (write, rename, touch); one reload per burst.
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.applyChanges(), RELOAD_DELAY_MS);
  }

  /**
   * Tells a save of a file of src/ the templates do not import (onRestartNeeded). The pages render again after
   * any save of src/, and reload, so a change to src/content/ or src/people/ looked applied when the content was
   * still loaded by the code the server started with. Which files the templates import is what Vite's SSR
   * module graph holds once the page module has loaded: it keeps a module's node after it is invalidated or its
   * file removed, so a save of one the templates import is never told.
   */
  private async tellIfRestartNeeded(file: string): Promise<void> {
    const tell = this.options.onRestartNeeded;
    if (!tell || !this.server || this.stopping || this.restartTold.has(file)) return;
    this.restartTold.add(file);
    await this.loadPages().catch(() => undefined);
    if (this.stopping || this.closing.signal.aborted) return;
    if ((this.server.environments.ssr.moduleGraph.getModulesByFile(file)?.size ?? 0) > 0) {
      this.restartTold.delete(file);
      return;
    }
    tell(path.relative(PACKAGE_ROOT, file).split(path.sep).join('/'));
  }

  /** `file`'s path inside public/, `/` between folders, as output/left-out.ts judges it. */
  private publicPath(file: string): string {
    return path.relative(this.publicDir, path.resolve(file)).split(path.sep).join('/');
  }

  private async applyChanges(): Promise<void> {
    const changes = this.pending;
    this.pending = new Set();
    this.toldLoadFailures = new Set();
    if (changes.has('content') || changes.has('public')) this.reloadModel();
    if (changes.has('assets')) this.reloadAssets();
    if (changes.has('render')) this.server?.moduleGraph.invalidateAll();
    this.pages = undefined;
    await Promise.all([this.model, this.assets]);
    this.server?.ws.send({ type: 'full-reload', path: '*' });
  }

  /**
   * Loads the content again, one load at a time. A save during a load is taken in by one load after it, with
   * every other save made meanwhile: one load per save, side by side, slowed each other down (after 40 saves 100 ms
   * apart at 5,000 articles the last showed 2.6 s later, with the process at 1 GB; now 0.15–0.27 s).
   */
  private reloadModel(): void {
    this.pages = undefined;
    if (this.running) {
      if (!this.again) {
        let follow!: (state: Promise<ModelState>) => void;
        const state = new Promise<ModelState>((resolve) => (follow = resolve));
        this.again = { state, follow };
        this.model = state;
        this.loading = true;
      }
      return;
    }
    this.startLoad();
  }

  private startLoad(): void {
    const started = performance.now();
    const first = !this.loadedOnce;
    this.loadedOnce = true;
    this.loading = true;
    let tellNewest: ((newest: NewestArticles) => void) | undefined;
    let tellValidated: (() => void) | undefined;
    const validated = new Promise<void>((resolve) => (tellValidated = resolve));
    // A later load (an edit, possibly during the first) is shown only once it is done: the newest articles
    // of an older load are no longer the site's.
    this.newest = first ? new Promise((resolve) => (tellNewest = resolve)) : undefined;
    const load = async () => {
      // The session's first load reads every content file, which holds the main thread: its Markdown workers
      // start first and load meanwhile (all of them on a fresh checkout, see startMarkdownWorkers). Later
      // loads read only the files that changed.
      if (first) await checkCacheFolder(this.root);
      // At a lower priority than this thread, which validates every article before the home page can be shown.
      const markdownWorkers = first ? startMarkdownWorkers({ root: this.root, background: true }) : undefined;
      const sources = await beforeHandOver(markdownWorkers, () => this.sources.read());
      // What a build refuses in public/ (a link out of it, `..\x`) stops it, so here it is a problem as one in
      // content/ is: on every page and in the terminal. Read once per load, beside the content (a public/
      // change loads the site again), not per request.
      const publicFolder = publicFolderContents(this.root);
      // Each load gets its own records of the files (LiveSources), so it may let go of their texts as it goes.
      const [loaded, refused] = await Promise.allSettled([loadSite({
        root: this.root,
        sources,
        markdownWorkers,
        includeDrafts: true,
        includeFuture: this.options.includeFuture,
        now: new Date(this.now()),
        reuse: this.parsed,
        releaseSources: true,
        onNewestArticles: tellNewest,
        onValidated: tellValidated,
        signal: this.closing.signal,
      }), publicFolder]);
      if (refused.status === 'fulfilled') this.publicLinkTargets = new Set(refused.value.linkTargets);
      if (loaded.status === 'rejected') throw withProblems(loaded.reason, refused.status === 'fulfilled' ? refused.value.problems : [], refused.status === 'fulfilled' ? refused.value.warnings : []);
      if (refused.status === 'rejected') throw refused.reason;
      const model = loaded.value;
      await this.sources.keepKnownFiles(model.archive.articles.filter((article) => !article.draft));
      // A file of public/ where the site writes a page or a folder of them, as the build and check tell it:
      // an error (public/in-the-way) or the page's file winning (public/shadowed, a warning).
      const conflicts = this.publicConflictsOf(model, refused.value.files);
      const problems = sortErrors([...refused.value.problems, ...conflicts.problems]);
      // A file of public/ left out and told of (public/secret-file) is a warning as in the build.
      const told = [...conflicts.warnings, ...refused.value.warnings];
      const warnings = told.length > 0 ? sortErrors([...model.warnings, ...told]) : model.warnings;
      if (problems.length > 0) {
        // The content loaded: its warnings are told with the problems, as build does (build.ts buildLocked),
        // and its bodies' file let go of, as a load that fails lets go of it.
        model.close();
        throw new ContentErrors(problems, warnings);
      }
      // As the build lists them in its sitemap, and tells of those a canonical link to another host leaves
      // out; a change to public/ loads the site again.
      const publicPages = readPublicPages(this.root, refused.value.files, model.config.baseUrl);
      model.publicPages = publicPages.urls;
      // The pictures' width and height, as the build gives them (pipeline/pictures.ts); a change to public/ loads the site again.
      const pictures = await measureBodyPictures(this.root, siteOfPictures(model), refused.value.files);
      model.pictureSizes = pictures.sizes;
      const more = [...publicPages.warnings, ...pictures.warnings];
      model.warnings = more.length > 0 ? sortErrors([...warnings, ...more]) : warnings;
      return model;
    };
    const model = load().then(
      (model): ModelState => ({ ok: true, model }),
      (error: unknown): ModelState => ({ ok: false, errors: toArhivarErrors(error) ?? [], warnings: warningsOf(error), failure: toArhivarErrors(error) ? undefined : error }),
    );
    this.model = model;
    this.running = model;
    if (first) this.loadPagesLater(validated);
    void model.then(async (state) => {
      if (this.closing.signal.aborted) return;
      const current = this.model === model;
      const moved = current && state.ok ? this.followMovedArticles(state.model) : [];
      if (current) {
        this.loading = false;
        this.newest = undefined;
        if (state.ok) this.basePath = basePathOf(state.model.config.baseUrl);
        this.scheduleDue(state);
      }
      this.options.onLoad?.({
        ...(moved.length > 0 ? { moved } : {}),
        errors: state.ok ? [] : state.errors,
        warnings: state.ok ? state.model.warnings : state.warnings,
        failure: state.ok ? undefined : state.failure,
        articles: state.ok ? state.model.archive.articles.length : 0,
        heldBack: state.ok ? state.model.heldBack : undefined,
        startedMs: started,
        elapsedMs: performance.now() - started,
        basePath: this.basePath,
      });
      if (current) await this.reloadIfEarlyHomeDiffers(state);
    });
    // After the report above: the next load starts once this one is over, and its report says so.
    void model.then(() => {
      this.running = undefined;
      const again = this.again;
      if (!again) return;
      this.again = undefined;
      // After the server closed, the waiting requests get the last load's result and no load starts.
      if (this.closing.signal.aborted) return again.follow(model);
      this.pages = undefined;
      this.startLoad();
      again.follow(this.model);
    });
  }

  /**
   * The articles whose address changed since the last load, each remembered by its old address for the session.
   * An article at the same address costs one look-up: the map is written only for one added or moved, and the
   * articles are listed again only when one of the last load's is missing. A set of every file and a second pass
   * over the map took 30–56 ms of each reload at 100,000 articles (median 35), this 7–19 ms (median 8.5): the two
   * loops alone, 30 alternating runs with one article moved in each.
   */
  private followMovedArticles(model: SiteModel): MovedArticle[] {
    const moved: MovedArticle[] = [];
    const before = this.articleAddresses.size;
    let stayed = 0;
    for (const { file, url } of model.archive.articles) {
      const was = this.articleAddresses.get(file);
      if (was !== undefined) stayed++;
      if (was === url) continue;
      if (was !== undefined) {
        moved.push({ file, from: was, to: url });
        this.earlierAddresses.set(was, file);
      }
      this.articleAddresses.set(file, url);
    }
    // A file deleted (or held back for a later date) sends no one on: its old addresses lead to the 404 page.
    if (stayed < before) {
      const shown = new Set(model.archive.articles.map((article) => article.file));
      for (const file of this.articleAddresses.keys()) if (!shown.has(file)) this.articleAddresses.delete(file);
    }
    return moved;
  }

  /**
   * Where to send the browser from an address an article had earlier in this session and no page has now: the
   * article's address now, under the site's path. undefined for any other address, and for an article since deleted.
   */
  private movedArticleAddress(pathname: string): string | undefined {
    const folder = pathname.endsWith(`/${INDEX_FILE}`) ? pathname.slice(0, -INDEX_FILE.length) : pathname.endsWith('/') ? pathname : `${pathname}/`;
    const file = this.earlierAddresses.get(folder);
    const now = file === undefined ? undefined : this.articleAddresses.get(file);
    if (now === undefined || now === folder) return undefined;
    return `${this.basePath}${now.slice(1)}`;
  }

  /**
   * An article held back for its date is shown once that moment comes, as the next build would publish it: an
   * editor who previews an embargoed story waits for its time, not for a save or a restart. The same for the
   * other moments that change the site (SiteModel.changesAt: an `updated:` still to come, whose warning goes
   * then). The load at that moment reloads the browser, as after a save. The timer's clock stops while the machine sleeps, so a
   * request also loads the site again when an article is due (isDue).
   */
  private scheduleDue(state: ModelState): void {
    clearTimeout(this.dueTimer);
    this.dueTimer = undefined;
    const next = state.ok ? state.model.changesAt?.getTime() : undefined;
    if (next === undefined) return;
    const wait = Math.max(0, next - this.now());
    if (wait > MAX_TIMER_MS) return;
    this.dueTimer = setTimeout(() => {
      this.pending.add('content');
      void this.applyChanges();
    }, wait);
    this.dueTimer.unref();
  }

  /** The site was loaded before a moment that changes it (SiteModel.changesAt) came. */
  private isDue(state: ModelState): boolean {
    const next = state.ok ? state.model.changesAt?.getTime() : undefined;
    return next !== undefined && next <= this.now();
  }

  private reloadAssets(): void {
    this.pages = undefined;
    this.assets = buildAssets(this.root).then(
      (assets): AssetState => ({ ok: true, assets, warnings: this.tellStylesheetWarnings() }),
      (failure: unknown): AssetState => {
        // Told in the terminal too, once per save, as a template that fails is (Vite says only "Build failed").
        for (const problem of toArhivarErrors(failure) ?? []) this.options.onTemplateFailure?.(problem);
        return { ok: false, failure, warnings: this.tellStylesheetWarnings() };
      },
    );
  }

  /** The stylesheet's warnings as a build gives them, read now and told in the terminal. */
  private tellStylesheetWarnings(): readonly ArhivarError[] {
    const warnings = stylesheetWarnings();
    if (warnings.length > 0) this.options.onStylesheetWarnings?.(warnings);
    return warnings;
  }

  /**
   * How public/'s files meet the paths a build of `model` writes (siteWrittenPaths), worked out again only when
   * public/'s files or the site's addresses (siteAddressKey) change. Listing every page took 50 ms at 10,000
   * articles, a sixth of a reload after an edit to a body, which changes neither; the key takes about 1 ms.
   */
  private publicConflictsOf(model: SiteModel, publicFiles: readonly string[]): { problems: ArhivarError[]; warnings: ArhivarError[] } {
    if (publicFiles.length === 0) return { problems: [], warnings: [] };
    const key = siteAddressKey(model);
    const last = this.conflicts;
    if (last && sameAddressKey(last.key, key) && sameAddressKey(last.publicFiles, publicFiles)) return last.found;
    const found = publicConflictsShowingDrafts(publicFiles, model);
    this.conflicts = { key, publicFiles, found };
    return found;
  }

  /** The page module (src/render/pages.ts and the templates), through Vite's loader: an edited template applies at once. */
  private async loadPages(): Promise<PagesModule> {
    const loading = this.server!.ssrLoadModule(this.options.pagesModule ?? PAGES_MODULE);
    this.pagesLoading = loading.catch(() => undefined);
    return (await loading) as PagesModule;
  }

  async beforeClose(): Promise<void> {
    this.stopping = true;
    await this.pagesLoading;
  }

  /**
   * Loads the page module through Vite once the first load has validated every article's front matter (or is
   * done), so it is ready before the rest of a fresh checkout's articles are rendered. Not as soon as the
   * home page is shown, which now comes before validation: the templates take Vite a few tenths of a second
   * of this thread, which validation needs to keep the Markdown workers fed.
   */
  private loadPagesLater(validated: Promise<void>): void {
    void Promise.race([validated, this.model])
      .then(() => (this.stopping ? undefined : this.loadPages()))
      .catch(() => undefined);
  }

  private async served(model: SiteModel, assets: BuiltAssets): Promise<ServedSite> {
    // Pages are kept for one model and one set of assets: a request that still holds older ones (a CSS
    // change during its render) does not leave its pages behind for the next requests.
    if (this.pagesOf?.model !== model || this.pagesOf.assets !== assets) this.pages = undefined;
    this.pagesOf = { model, assets };
    this.pages ??= (async () => {
      const render = await this.loadPages();
      const pages = new PageIndex(sitePages(model, assets.urls, render.listPages)[Symbol.iterator]());
      const files = new Map<string, OutputFile>();
      for (const file of assets.files) files.set(`/${file.path}`, file);
      let search: Promise<Map<string, OutputFile>> | undefined;
      const searchFiles = () => (search ??= Promise.resolve().then(() => new Map(siteSearchFiles(model).map((file) => [`/${file.path}`, file]))));
      const notFoundPage = (render as Partial<PagesModule>).notFoundPage;
      const heldBackPage = (due: ContentDate) => notFoundPage?.(siteContext(model, assets.urls), due);
      return { pages, files, searchFiles, heldBackPage, told: new Set<string>() };
    })();
    return this.pages.catch((error: unknown) => {
      this.pages = undefined;
      throw error;
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse, next: () => void): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    // Undefined for an address with a bare % (a link to `100%.txt` not written `100%25.txt`), which names no page
    // nor file: preview answers it with the 404 page (static-server.ts serve). Handed to Vite, it printed
    // »Malformed URI sequence« in the terminal and answered »Cannot GET«, or served public/100%.txt, which
    // the build publishes, and preview serves, at /100%25.txt only.
    const requested = decodedPath(url.pathname);
    if (requested?.startsWith('/@fs/') && (await this.isInPublic(requested.slice('/@fs'.length)))) {
      return send(request, response, 404, 'text/plain; charset=utf-8', 'not found: a file of public/ is served at its own address, as the build publishes it\n');
    }
    // Vite's own URLs: the client script, its modules, pre-bundled dependencies.
    if (requested !== undefined && (requested.startsWith('/@') || requested.startsWith('/__') || requested.startsWith('/node_modules/'))) return next();
    // As `preview` answers. Handed to Vite, a POST got any file of public/ (sirv does not look at the method),
    // past the checks below.
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('method not allowed');
      return;
    }
    // The site is served under the path it is published at (baseUrl in content/site.yaml), as `preview` does.
    const { basePath } = this;
    if (redirectedToBasePath(basePath, url, response)) return;
    const inSite = withoutBasePath(basePath, url.pathname);
    if (inSite === undefined) return this.sendHtml(request, response, 404, renderOutsideBasePage(basePath), requested ?? '\0');
    // As preview: a path with a NUL matches no page, no asset and no file of public/ (publicFileSource refuses it).
    const pathname = decodedPath(inSite) ?? '\0';

    const assetState = await this.assets;
    if (!assetState.ok) {
      // A stylesheet that does not parse is a problem with a file and line (output/assets.ts stylesheetProblem).
      const problems = toArhivarErrors(assetState.failure);
      if (!problems) return this.sendHtml(request, response, 500, renderFailurePage(assetsFailureTitle(assetState.failure), assetState.failure), pathname);
      // With the content's problems and warnings, once loaded, as a page waits for them: the page showed the
      // stylesheet's alone, and an editor learnt of the content's only in the terminal or after the fix.
      const content = await this.model;
      const told = content.ok ? { errors: [], warnings: content.model.warnings } : { errors: content.errors, warnings: content.warnings };
      const all = told.errors.length > 0 ? sortErrors([...told.errors, ...problems]) : problems;
      return this.sendHtml(request, response, 500, renderProblemsPage(all, withStylesheetWarnings(told.warnings, assetState.warnings)), pathname);
    }
    const asset = assetState.assets.files.find((file) => `/${file.path}` === pathname);
    if (asset) return send(request, response, 200, contentTypeFor(asset.path), asset.bytes);
    // As in the build, a page wins over a file of the same name in public/ (pages are written after it is copied).
    // Only a file the build publishes is sent (publicFileSource): not public/passwd.txt -> /etc/passwd, nor a
    // file under a linked folder. Sent as preview sends a file of dist/ (with byte ranges), from the path the build copies, under the site's
    // path as the build publishes it. Handed to Vite's static server, a name a link must percent-encode
    // (`seja #3.pdf`, `kaj?.txt`, `a+b.txt`) got 404: it decodes the address with decodeURI, which leaves
    // %23, %3F, %2B and %26 as they are.
    const servePublicFile = async (): Promise<boolean> => {
      const source = await publicFileSource(this.root, pathname.split('/').filter(Boolean).join('/'));
      const found = source === undefined ? undefined : await openFile(source);
      if (!found) return false;
      // The type by the address, as a host gives it, not by where a link of public/ leads. A reader who leaves
      // mid-download (a video player seeking) ends the stream: no template failed, so nothing is told.
      await sendOpenFile(request, response, 200, { ...found, file: pathname }).catch(() => response.destroy());
      return true;
    };

    if (pathname === urls.home() || pathname === `${urls.home()}${INDEX_FILE}`) {
      const early = await this.earlyHomePage(assetState.assets);
      if (early !== undefined) return this.sendHtml(request, response, 200, early, pathname);
    }
    let model = this.model;
    let state = await model;
    // A load that started while this request waited (a save) supersedes the one it waited for: its pages
    // would be cached and served after that load, without the save. A site loaded before an article was due
    // is loaded again, so the page shows it (scheduleDue).
    while (this.model !== model || this.isDue(state)) {
      if (this.model === model) this.reloadModel();
      model = this.model;
      state = await model;
    }
    if (!state.ok) {
      if (await servePublicFile()) return;
      const html = state.errors.length > 0 ? renderProblemsPage(state.errors, withStylesheetWarnings(state.warnings, assetState.warnings)) : renderFailurePage('loading the site failed', state.failure);
      return this.sendHtml(request, response, 500, html, pathname);
    }
    let body: string;
    let status = 200;
    let page: PageSpec | undefined;
    // Unset while the page module loads: Vite logs the failure of that load itself, with its code frame.
    let site: ServedSite | undefined;
    try {
      site = await this.served(state.model, assetState.assets);
      const { pages, files, searchFiles } = site;
      const file = files.get(pathname) ?? (isSearchIndexFile(pathname) ? (await searchFiles()).get(pathname) : undefined);
      if (file) return send(request, response, 200, contentTypeFor(file.path), file.bytes);
      page = pages.get(pathname) ?? folderPageByIndexFile(pages, pathname);
      if (!page && (await servePublicFile())) return;
      if (!page && pages.has(`${pathname}/`)) {
        response.writeHead(301, { location: folderRedirectLocation(url) });
        response.end();
        return;
      }
      const firstPage = page ? undefined : await firstPageLocation(basePath, pathname, url.search, (site) => pages.has(site));
      if (firstPage) {
        // 302: see firstPageLocation.
        response.writeHead(302, { location: firstPage });
        response.end();
        return;
      }
      const movedTo = page ? undefined : this.movedArticleAddress(pathname);
      if (movedTo) {
        response.writeHead(302, { location: movedTo });
        response.end();
        return;
      }
      if (!page) {
        status = 404;
        const heldBack = heldBackAt(state.model, pathname);
        page = (heldBack && site.heldBackPage(heldBack)) ?? pages.get(urls.notFound());
      }
      body = page ? this.render(page) : 'not found';
    } catch (error) {
      if (error instanceof ArhivarError && error.code === 'cache/damaged') return this.recoverFromDamagedCache(request, response, error, pathname);
      // A page that failed as it rendered: the build prints the content's and the stylesheet's warnings after its problem.
      const warnings = site ? withStylesheetWarnings(state.model.warnings, assetState.warnings) : [];
      if (error instanceof RenderTimedOut) {
        const problem = timedOutProblem(`${this.basePath}${pathname.slice(1)}`, error);
        if (site) this.tellOnce(site, problem);
        return this.sendHtml(request, response, 500, renderProblemsPage([problem], warnings), pathname);
      }
      if (error instanceof Error) this.server?.ssrFixStacktrace(error);
      const failure = site ? await this.templateFailure(error, pathname) : undefined;
      if (site && failure) this.tellOnce(site, failure);
      // Unset site: the page module did not load. An import of a file or package that is not there is told as the build tells it.
      const missing = site ? undefined : await missingImportProblem(error, [this.root, PACKAGE_ROOT], readSource);
      if (missing) {
        // Vite's loader keeps the module that failed, and nothing watched changes when the package is installed
        // (node_modules/ is not watched): the next request loads the templates again, so a reload shows the site.
        if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') this.server?.moduleGraph.invalidateAll();
        this.tellLoadFailure(missing);
        return this.sendHtml(request, response, 500, renderProblemsPage([missing]), pathname);
      }
      const syntax = site ? undefined : syntaxProblemsOf(error);
      if (syntax) {
        for (const problem of syntax) this.tellLoadFailure(problem);
        return this.sendHtml(request, response, 500, renderProblemsPage(syntax), pathname);
      }
      return this.sendHtml(request, response, 500, renderFailurePage('a template failed', error, undefined, failure, warnings), pathname);
    }
    const file = outputPathFor(page?.url ?? pathname);
    if (file.endsWith('.html')) return this.sendHtml(request, response, status, body, pathname);
    return send(request, response, status, contentTypeFor(file), body);
  }

  /**
   * Whether `file` lies in public/, by its path or by the real path of its folder: /@fs/<root>/public/x gets a 404
   * that says where the file is served. Vite refuses every other file of the project under /@fs/ (server.fs.allow in
   * server.ts), and would follow links: /@fs/<root>/public/passwd.txt would be /etc/passwd.
   */
  private async isInPublic(file: string): Promise<boolean> {
    const absolute = path.resolve(file);
    if (absolute.startsWith(this.publicDir)) return true;
    const [folder, publicRoot] = await Promise.all([realpath(path.dirname(absolute)).catch(() => undefined), realpath(this.publicDir).catch(() => undefined)]);
    return folder !== undefined && publicRoot !== undefined && `${folder}${path.sep}`.startsWith(`${publicRoot}${path.sep}`);
  }

  /** A problem of the page module's load, told in the terminal (onTemplateFailure) once until the next change, as a template's failure is. */
  private tellLoadFailure(problem: ArhivarError): void {
    const key = `${problem.code} ${problem.file}:${problem.line} ${problem.message}`;
    if (!this.options.onTemplateFailure || this.toldLoadFailures.has(key)) return;
    this.toldLoadFailures.add(key);
    this.options.onTemplateFailure(problem);
  }

  /** A template's failure as a problem: an exception at the template's line, a page that rendered nothing at its declaration. */
  private async templateFailure(error: unknown, pathname: string): Promise<ArhivarError> {
    const url = `${this.basePath}${pathname.slice(1)}`;
    const roots = [this.root, PACKAGE_ROOT];
    const empty = emptyPageComponent(error);
    if (empty !== undefined) return emptyPageProblem(empty, url, await findComponentDeclaration(empty, roots), 'save, and the page reloads');
    return templateProblem(error, url, roots);
  }

  private tellOnce(site: ServedSite, problem: ArhivarError): void {
    if (!this.options.onTemplateFailure) return;
    // By page and message: Vite's ssrFixStacktrace leaves some stacks of the same failure unmapped (a line of
    // the transformed module), so the line may differ between two requests.
    if (site.told.has(problem.message)) return;
    site.told.add(problem.message);
    this.options.onTemplateFailure(problem);
  }

  /**
   * The home page from the newest articles, when they are ready before the whole site (the session's first
   * load); undefined when the site is ready first, or the page module cannot make it (a template fails: the
   * request then waits for the site and shows the failure as any page would).
   */
  private async earlyHomePage(assets: BuiltAssets): Promise<string | undefined> {
    if (!this.loading || !this.newest) return undefined;
    const newest = await Promise.race([this.newest, this.model.then(() => undefined)]);
    if (!newest || !this.loading) return undefined;
    try {
      // arhivar's own page module as bundled with this process: the same source as the one Vite loads (the
      // bundle is remade whenever src/ or templates/ change), without waiting for Vite to transform it.
      const make = this.options.pagesModule ? ((await this.loadPages()) as Partial<PagesModule>).firstHomePage : firstHomePage;
      if (!make) return undefined;
      const home = make({ site: newest.config, assets: assets.urls, people: newest.people, siteFeed: newest.count > 0 }, newest.articles, newest.count);
      const html = this.render(home);
      // Done meanwhile: the site's own page then, so the check for a difference is not missed.
      if (!this.loading) return undefined;
      this.earlyHome = html;
      return html;
    } catch {
      return undefined;
    }
  }

  /** After the first load: the browser that was shown the home page early reloads if the site's differs (or failed). */
  private async reloadIfEarlyHomeDiffers(state: ModelState): Promise<void> {
    const early = this.earlyHome;
    this.earlyHome = undefined;
    if (early === undefined) return;
    let final: string | undefined;
    try {
      const assetState = await this.assets;
      const home = state.ok && assetState.ok ? (await this.served(state.model, assetState.assets)).pages.get(urls.home()) : undefined;
      final = home && this.render(home);
    } catch {
      final = undefined;
    }
    if (final !== early) this.server?.ws.send({ type: 'full-reload', path: '*' });
  }

  /**
   * A page's body was damaged in .cache/ (the log is removed already; see pipeline/blob-log.ts). The session
   * lets go of that log and loads again, rendering the bodies anew; the browser reloads once that is done,
   * as after an edit. Once per damaged log: other pages asked for meanwhile are told the same.
   */
  private async recoverFromDamagedCache(request: IncomingMessage, response: ServerResponse, error: ArhivarError, pathname: string): Promise<void> {
    if (this.parsed.bodies && !this.recovering) {
      this.recovering = true;
      forgetRenderedBodies(this.parsed);
      this.pending.add('content');
      void this.applyChanges().finally(() => (this.recovering = false));
    }
    const what = `a rendered article in ${error.file ?? '.cache/'} was damaged, so that file was removed; rendering the articles again`;
    await this.sendHtml(request, response, 503, renderFailurePage(what, error, 'Nothing to do: this page reloads by itself once they are rendered.'), pathname);
  }

  /** A page's HTML, rendered within the time limit (render-time-limit.ts): a template that never returns is stopped. */
  private render(page: PageSpec): string {
    return renderWithin(() => page.render(), this.renderTimeLimitMs);
  }

  /** HTML goes through Vite so its client script is injected: that script reloads the page on change. `pathname`: the site URL. */
  private async sendHtml(request: IncomingMessage, response: ServerResponse, status: number, html: string, pathname: string): Promise<void> {
    // Encoded, as Vite's own HTML middleware passes the request's URL: Vite decodes it (decodeURIComponent), and
    // a 404 for an address naming a % (`/100%25/`) failed there with »URI malformed«, as a 500.
    let transformed = html;
    try {
      if (this.server) transformed = await this.server.transformIndexHtml(encodeURI(pathname), html);
    } catch (error) {
      // Vite refuses once it is closing: a page that took long (a render stopped by its time limit) and was
      // finished as Ctrl+C came printed »Internal server error: The server is being restarted or closed« and its
      // stack. The page goes without the reload script, which has no server to talk to any more.
      if (!this.stopping) throw error;
    }
    send(request, response, status, 'text/html; charset=utf-8', transformed);
  }
}

const INDEX_FILE = 'index.html';

/**
 * Whether `pathname` (inside the site's path) is a file of the search index, which the first request for one makes
 * whole. Not the search page: the browser asks for the index only once a query is typed, and making it for the page
 * held 61 MB of the main thread's heap at 10,000 articles (README, "Where the memory goes").
 */
export function isSearchIndexFile(pathname: string): boolean {
  return pathname === urls.searchIndex() || pathname.startsWith(urls.searchData());
}

/** An address's path decoded, or undefined when it does not decode (a % not followed by two hex digits, bytes that are no UTF-8). */
function decodedPath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

/** A stack frame's file, line and column: `(/abs/file.tsx:23:40)` or `at /abs/file.tsx:23:40`. */
const STACK_FRAME = /^\s*at (?:.*\()?(\/[^():]+):(\d+):\d+\)?$/;

/**
 * A template's exception as a problem at the template's line: the first frame of the stack in a `.tsx` or
 * `.ts` file of the site or of arhivar (not in node_modules), relative to the first of `roots` holding it.
 */
export function templateProblem(error: unknown, url: string, roots: readonly string[]): ArhivarError {
  const message = describeError(error);
  let file: string | undefined;
  let line: number | undefined;
  for (const frame of (error instanceof Error ? (error.stack ?? '') : '').split('\n')) {
    const match = STACK_FRAME.exec(frame);
    if (!match || match[1]!.includes(`${path.sep}node_modules${path.sep}`) || !/\.tsx?$/.test(match[1]!)) continue;
    const root = roots.find((candidate) => !path.relative(candidate, match[1]!).startsWith('..'));
    if (!root) continue;
    file = path.relative(root, match[1]!).split(path.sep).join('/');
    line = Number(match[2]);
    break;
  }
  return new ArhivarError({
    code: 'template/failed',
    message: `${url}: ${message}`,
    file,
    line,
    hint: undefinedNameHint(error, url, file === undefined || line === undefined ? undefined : { file, line }, 'dev') ?? 'the browser shows the whole stack; fix the template and save, and the page reloads',
    cause: error,
  });
}

/**
 * A page stopped by the time limit as a problem. The stack of a stopped render is gone (V8 unwinds it without a
 * trace), so the page's address is what says where to look.
 */
function timedOutProblem(url: string, timeout: RenderTimedOut): ArhivarError {
  return new ArhivarError({
    code: 'template/timed-out',
    message: `${url}: the page did not finish rendering within ${timeout.limitMs / 1000} s, so it was stopped`,
    hint: 'a template this page uses probably never returns (a while or for loop whose condition stays true); fix it and save, and the page reloads',
  });
}

/** A bare import of a path inside a package: `zod/nope`, `@scope/name/sub`; not `zod`, `node:fs/promises` or `./x`. */
const PACKAGE_SUBPATH = /^(?:@[^/:]+\/)?[^./@\0:][^/:]*\/./;
/**
 * Vite's resolver's words for a path a package's "exports" does not list: Oxc's (Vite 8) and those of Vite's
 * own resolver before it (vite/src/node/plugins/resolve.ts, resolveExportsOrImports).
 */
const NOT_EXPORTED = /is not exported under the conditions|^Missing "[^"]*" specifier in "[^"]*" package/;
/** The message of notExportedError: the import as written and its importer, as missingImportMatch reads them. */
const NOT_EXPORTED_BY_PACKAGE = /^Package path "([^"]+)" is not exported by its package, imported from '(.+)'$/;

/**
 * Vite's failure to resolve `specifier` because its package does not export that path, as an error that names the
 * import and `importer` (the message is what survives the way to Vite's module runner), or undefined for any other failure.
 */
export function notExportedError(error: unknown, specifier: string, importer: string): Error | undefined {
  if (!(error instanceof Error) || !NOT_EXPORTED.test(error.message)) return undefined;
  return Object.assign(new Error(`Package path "${specifier}" is not exported by its package, imported from '${importer}'`, { cause: error }), {
    code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
  });
}

/** Vite's message when a module imports a file it cannot load (vite/src/node/server/transformRequest.ts, ERR_LOAD_URL). */
const FAILED_TO_LOAD = /^Failed to load url (\S+) \(resolved id: [^)]*\) in (.+?)\. Does the file exist\?/;
/** Vite's message when a module imports a package it cannot resolve (vite/src/node/ssr/fetchModule.ts, ERR_MODULE_NOT_FOUND). */
const CANNOT_FIND_MODULE = /^Cannot find module '([^']+)' imported from '([^']+)'$/;

/**
 * An import of a file or package that is not there as template/missing-import at the line of the import, as the
 * build tells it (bin/code.js syntaxProblems), or undefined for any other failure. Vite's loader names the importer
 * but no line (»Failed to load url ./nikjer.tsx … Does the file exist?«, »Cannot find module 'dayjs' imported from
 * …«, or notExportedError's), so the line is that of the import naming it in the importer's source, read through
 * `read`. Why a package's import is not there (not installed, a path its "exports" does not list, a file it does
 * not have) is decided as the build decides it, by resolvePackageImport, not from Vite's words: the two told a
 * package folder without package.json, which Node takes, one as installed and the other as not.
 */
export async function missingImportProblem(error: unknown, roots: readonly string[], read: (file: string) => string | undefined): Promise<ArhivarError | undefined> {
  const match = missingImportMatch(error);
  if (!match) return undefined;
  const [, specifier, importer] = match as unknown as [string, string, string];
  const root = roots.find((candidate) => !path.relative(candidate, importer).startsWith('..'));
  const file = root === undefined ? importer : path.relative(root, importer).split(path.sep).join('/');
  const source = read(importer);
  const inTemplates = file.startsWith('templates/');
  if ((error as { code?: unknown }).code === STYLESHEET_IMPORT_CODE) {
    return new ArhivarError({
      code: inTemplates ? 'template/stylesheet-import' : 'code/stylesheet-import',
      message: stylesheetImportMessage(specifier),
      file,
      line: source === undefined ? undefined : importLine(source, specifier),
      hint: stylesheetImportHint(specifier, importer),
      cause: error,
    });
  }
  const bare = !/^[./]/.test(specifier) && !path.isAbsolute(specifier);
  return new ArhivarError({
    code: inTemplates ? 'template/missing-import' : 'code/missing-import',
    message: `Could not resolve "${specifier}"`,
    file,
    line: source === undefined ? undefined : importLine(source, specifier),
    hint:
      (bare ? packageImportHint(await resolvePackageImport(specifier, importer)) : undefined) ??
      `the file or package this line imports is not there; correct the path (relative to ${inTemplates ? "the template's folder" : 'the file'}) or add the file`,
    cause: error,
  });
}

/**
 * A file of arhivar's (a template, or a file of src/ the templates import) that Vite's transform could not parse, as
 * the problems the build tells (bin/code.js fileSyntaxProblems), or undefined for any other failure, or when esbuild
 * parses the file. Vite's parser, Oxc, told a tag left open at the } after it, with the advice to escape that }, in a
 * coloured code frame above Vite's stack; the build names the opening tag's line.
 */
export function syntaxProblemsOf(error: unknown): ArhivarError[] | undefined {
  const { plugin, id } = (error ?? {}) as { plugin?: unknown; id?: unknown };
  if (plugin !== 'vite:oxc' || typeof id !== 'string') return undefined;
  const file = path.relative(PACKAGE_ROOT, id.replace(/\?.*$/, ''));
  if (file.startsWith('..') || path.isAbsolute(file) || !/\.[cm]?[jt]sx?$/.test(file)) return undefined;
  return fileSyntaxProblems(file.split(path.sep).join('/'))?.map((problem) => new ArhivarError({ ...problem, cause: error }));
}

/** Vite's message of a failed import of a file or package, matched: the specifier and the importer. */
function missingImportMatch(error: unknown): RegExpExecArray | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return NOT_EXPORTED_BY_PACKAGE.exec(error.message);
  if (code === STYLESHEET_IMPORT_CODE) return STYLESHEET_IMPORTED.exec(error.message);
  return code === 'ERR_LOAD_URL' ? FAILED_TO_LOAD.exec(error.message) : code === 'ERR_MODULE_NOT_FOUND' ? CANNOT_FIND_MODULE.exec(error.message) : null;
}

/**
 * Whether `error` is an import of a file or package that is not there, which the plugin tells as a problem
 * (missingImportProblem): Vite's own log of it, with its stack, is then left out of the terminal.
 */
export function isMissingImport(error: unknown): boolean {
  return missingImportMatch(error) !== null;
}

/** A source file's text, or undefined when it cannot be read (the problem then has no line). */
function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * public/'s conflicts as a build of `model` would tell them, the session's drafts left out (a build does not
 * publish them), and as a public/draft-clash warning each one only a draft's pages give. Counted with the drafts,
 * a draft with a new tag or month stopped every page with a public/in-the-way the build does not give.
 */
function publicConflictsShowingDrafts(publicFiles: readonly string[], model: SiteModel): { problems: ArhivarError[]; warnings: ArhivarError[] } {
  const published = publicConflicts(publicFiles, publishedWrittenPaths(model));
  if (!model.archive.articles.some((article) => article.draft)) return published;
  const told = new Set([...published.problems, ...published.warnings].map((problem) => `${problem.code} ${problem.file}`));
  const shown = publicConflicts(publicFiles, siteWrittenPaths(model));
  const drafts = [...shown.problems, ...shown.warnings].filter((problem) => !told.has(`${problem.code} ${problem.file}`)).map(draftClash);
  return { problems: published.problems, warnings: drafts.length > 0 ? sortErrors([...published.warnings, ...drafts]) : published.warnings };
}

/** The date of the article held back for its date at `pathname` (as a page, by its file or without its final slash). */
function heldBackAt(model: SiteModel, pathname: string): ContentDate | undefined {
  const { heldBackUrls } = model;
  if (heldBackUrls.size === 0) return undefined;
  const folder = pathname.endsWith(`/${INDEX_FILE}`) ? pathname.slice(0, -INDEX_FILE.length) : pathname.endsWith('/') ? pathname : `${pathname}/`;
  return heldBackUrls.get(folder);
}

/**
 * A page asked for by its file in dist/ (`/osebe/jurij-usakov/index.html` for `/osebe/jurij-usakov/`): `preview`
 * and static hosts serve that file with 200 and `check` accepts links to it, so the dev server serves the same
 * page, not a redirect.
 */
function folderPageByIndexFile(pages: PageIndex, pathname: string): PageSpec | undefined {
  if (!pathname.endsWith(`/${INDEX_FILE}`)) return undefined;
  return pages.get(pathname.slice(0, -INDEX_FILE.length));
}

function send(request: IncomingMessage, response: ServerResponse, status: number, contentType: string, body: string | Uint8Array): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, { 'content-type': contentType, 'content-length': bytes.byteLength, 'cache-control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}
