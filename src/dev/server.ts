import path from 'node:path';
import { createLogger, createServer, type Logger, type ViteDevServer } from 'vite';
import { arhivarDevPlugin, isMissingImport, PACKAGE_FILES, packageExportsPlugin, stylesheetImportsPlugin, syntaxProblemsOf, type DevLoadReport } from './vite-plugin.ts';
import { checkContentFolder, publicFolderProblem } from '../pipeline/folders.ts';
import { checkPortFree } from './free-port.ts';
import { readSiteConfig } from '../config/site.ts';
import { basePathOf } from '../site/urls.ts';
import type { ArhivarError } from '../errors.ts';

/** `arhivar dev`: a Vite dev server on 127.0.0.1 whose only job is the arhivar plugin. */
export interface DevServerOptions {
  root: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Fail instead of trying the next port when `port` is taken. */
  strictPort?: boolean;
  includeFuture?: boolean;
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  onLoad?: (report: DevLoadReport) => void;
  /** See DevPluginOptions.onTemplateFailure. */
  onTemplateFailure?: (problem: ArhivarError) => void;
  /** See DevPluginOptions.onStylesheetWarnings. */
  onStylesheetWarnings?: (warnings: readonly ArhivarError[]) => void;
  /** See DevPluginOptions.pagesModule. */
  pagesModule?: string;
  /** See DevPluginOptions.now. */
  now?: () => number;
  /** See DevPluginOptions.onRestartNeeded. */
  onRestartNeeded?: (file: string) => void;
  /** See DevPluginOptions.renderTimeLimitMs. */
  renderTimeLimitMs?: number;
}

export interface DevServer {
  /** Where the site is served: under the path of its baseUrl, as it will be published. */
  url: string;
  vite: ViteDevServer;
  close: () => Promise<void>;
}

export const DEV_HOST = '127.0.0.1';
const WATCHED_FOLDERS = new Set(['templates', 'public', 'src']);

/**
 * What Vite's watcher looks at inside the project: templates/, public/, src/ and the package files (the plugin
 * adds arhivar's own templates). content/ has a watcher of its own (content-watcher.ts): Vite's would stat every
 * article at start.
 */
export function isWatched(root: string, file: string): boolean {
  const relative = path.relative(root, path.resolve(root, file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return true;
  if (PACKAGE_FILES.includes(relative)) return true;
  const first = relative.split(path.sep)[0]!;
  return WATCHED_FOLDERS.has(first);
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const root = path.resolve(options.root);
  // A mistyped --root would otherwise be served as a page of problems, and given a .cache/ of its own.
  await checkContentFolder(root);
  // Vite lists public/ as it starts and fails on a file of that name (ENOTDIR, told as an unexpected failure):
  // this is the one problem of public/ that keeps the server from starting, so it is told before, by name.
  const notAFolder = await publicFolderProblem(root);
  if (notAFolder) throw notAFolder;
  // Before the site starts loading: Vite says only "Port N is already in use", in an Error without a code.
  if (options.strictPort && options.port !== 0) await checkPortFree(options.port, DEV_HOST);
  const basePath = basePathOf((await readSiteConfig(root)).baseUrl);
  const plugin = arhivarDevPlugin({ root, basePath, includeFuture: options.includeFuture, onLoad: options.onLoad, onTemplateFailure: options.onTemplateFailure, onStylesheetWarnings: options.onStylesheetWarnings, pagesModule: options.pagesModule, now: options.now, onRestartNeeded: options.onRestartNeeded, renderTimeLimitMs: options.renderTimeLimitMs });
  const sigtermBefore = new Set(process.listeners('SIGTERM'));
  const vite = await createServer({
    configFile: false,
    root,
    publicDir: path.join(root, 'public'),
    appType: 'custom',
    clearScreen: false,
    logLevel: options.logLevel ?? 'warn',
    customLogger: withoutToldFailures(createLogger(options.logLevel ?? 'warn')),
    server: {
      host: DEV_HOST,
      port: options.port,
      strictPort: options.strictPort ?? false,
      // Only the folders a page depends on: watching dist/ or a large checkout would exhaust file handles.
      watch: { ignored: [(file: string) => !isWatched(root, file)] },
      // Vite warms every module script of a page it is given (transformIndexHtml) through its own module graph.
      // A page's scripts are arhivar's bundles (/assets/search-….js, /assets/tables-….js), served by the plugin
      // as built, which Vite cannot find, so each page with one printed »Pre-transform error … Does the file
      // exist?« in the terminal where editors read their content problems.
      preTransformRequests: false,
      // Pages, assets and public/ are served by the plugin; Vite's /@fs/ serves only its own client folder, which it
      // always allows. By default it served every file under the project (content/, .cache/, notes beside them) and
      // followed links out of it: /@fs/<root>/content/articles/x.md -> ~/.ssh/id_rsa was sent to any program on the
      // machine, though the build refuses that link (content/symlink-outside).
      fs: { strict: true, allow: [] },
    },
    // No browser bundles to pre-bundle: pages are rendered on the server.
    optimizeDeps: { noDiscovery: true, include: [] },
    // Templates are TSX for preact (as tsconfig.json says); Vite transforms them with Oxc.
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [stylesheetImportsPlugin(), packageExportsPlugin(), plugin],
  });
  // Vite ends the process on SIGTERM by itself (server.close(), then process.exit with 143), before the CLI,
  // which stops on SIGTERM as on Ctrl+C, can close the session: a page module still loading printed Vite's
  // »transport was disconnected« stack. The caller decides when the server stops, through close().
  for (const listener of process.listeners('SIGTERM')) if (!sigtermBefore.has(listener)) process.off('SIGTERM', listener);
  const close = async () => {
    await plugin.api.beforeClose();
    await vite.close();
  };
  try {
    await vite.listen();
  } catch (error) {
    // The site is loading and the watchers run already: left open, they kept the process alive, never to answer.
    await close();
    throw error;
  }
  const address = vite.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { url: `http://${DEV_HOST}:${port}${basePath}`, vite, close };
}

/**
 * Vite's logger, less its »Error when evaluating SSR module …« for an import of a file or package that is not
 * there, and for a template that does not parse: the plugin tells those in the terminal as the build does
 * (templates/x.tsx:N  template/missing-import, template/syntax), and Vite's message, with its stack (and no line,
 * or the line Oxc stopped at), came above it.
 */
function withoutToldFailures(logger: Logger): Logger {
  const error = logger.error.bind(logger);
  logger.error = (message, options) => {
    if (!isMissingImport(options?.error) && syntaxProblemsOf(options?.error) === undefined) error(message, options);
  };
  return logger;
}
