import { constants } from 'node:fs';
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIPv4, isIPv6 } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { inode } from '../output/side-trees.ts';
import { firstPageListing, outputPathFor, urls, withoutBasePath } from '../site/urls.ts';

/**
 * `arhivar preview`: serves a built dist/ the way static hosts (Netlify, GitHub Pages, nginx with
 * try_files) do: `/a/` → a/index.html, `/a` → 301 to `/a/` when a/ is a folder, anything missing →
 * 404.html with status 404, a content type from the file extension and a byte range when asked for one. A site published under a path
 * (baseUrl https://example.si/arhiv/) is served under it, as it will be published: `/arhiv/a/` →
 * a/index.html, `/` redirects to `/arhiv/`, and any other path outside it is not found.
 */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  // WebAssembly.instantiateStreaming, with which an interactive graphic loads its module, rejects any other type.
  '.wasm': 'application/wasm',
  // What a newsroom links from its articles and keeps in public/: recordings, video, data and documents. Static
  // hosts send these types (mime-db, which GitHub Pages and Netlify use; nginx's mime.types), so a browser plays
  // or opens the file; as application/octet-stream, the preview offered every one of them as a download.
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mov': 'video/quicktime',
  '.vtt': 'text/vtt; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.odp': 'application/vnd.oasis.opendocument.presentation',
  '.rtf': 'application/rtf',
  '.epub': 'application/epub+zip',
  '.zip': 'application/zip',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/**
 * The path a built site was made for, read from its search manifest (whose `base` is the search folder under
 * that path), or undefined when dist/ has none that says. content/site.yaml may have changed since the build,
 * and links in dist/ lead under the path of the build, not of the file.
 */
export async function builtBasePath(dir: string): Promise<string | undefined> {
  const manifest = await readFile(path.join(dir, outputPathFor(urls.searchIndex())), 'utf8').then(
    (text) => JSON.parse(text) as { base?: unknown },
    () => undefined,
  ).catch(() => undefined);
  const base = manifest?.base;
  const folder = urls.searchData().slice(1);
  if (typeof base !== 'string' || !base.endsWith(folder)) return undefined;
  const basePath = base.slice(0, -folder.length);
  // A path of plain segments only: "//host/" would make the redirect from / lead to another host.
  // Percent-encoded as basePathOf makes it, so only URL path characters: a control character would be sent in a header.
  return /^\/(?:[A-Za-z0-9._~%!$&'()*+,;=:@-]+\/)*$/.test(basePath) && !basePath.split('/').some((segment) => segment === '.' || segment === '..') ? basePath : undefined;
}

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

export interface StaticServerOptions {
  dir: string;
  port: number;
  host?: string;
  /** The path the site is published under (site/urls.ts basePathOf); "/" by default. */
  basePath?: string;
  /**
   * Told the path and the address when a build replaces `dir` with a site made for another path (its search
   * manifest says so, builtBasePath): the server serves under that path from then on.
   */
  onPathChange?: (basePath: string, url: string) => void;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const dir = path.resolve(options.dir);
  const host = options.host ?? '127.0.0.1';
  let basePath = options.basePath ?? '/';
  let origin = '';
  // A build beside a running preview may be made for another path (baseUrl edited): its pages link under that
  // path, and served under the old one each of their links led to a 404. The manifest is looked at on every
  // request (one stat) and read again when it is another file or was written since.
  let manifest = await fileIdentity(path.join(dir, outputPathFor(urls.searchIndex())));
  let looking: Promise<void> | undefined;
  const followBuild = async () => {
    const now = await fileIdentity(path.join(dir, outputPathFor(urls.searchIndex())));
    if (now === manifest) return;
    manifest = now;
    const built = await builtBasePath(dir);
    if (built === undefined || built === basePath) return;
    basePath = built;
    options.onPathChange?.(built, `${origin}${built}`);
  };
  const server = createServer((request, response) => {
    looking ??= followBuild().finally(() => (looking = undefined));
    looking
      .then(() => serve(dir, basePath, request, response))
      .catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`arhivar preview failed: ${String(error)}`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  origin = `http://${host}:${port}`;
  return { url: `${origin}${basePath}`, close: () => closeServer(server) };
}

/** A file's identity and last write, to tell it was replaced or written; undefined when it is not there. */
async function fileIdentity(file: string): Promise<string | undefined> {
  return stat(file).then(
    (info) => `${info.ino} ${info.mtimeMs} ${info.size}`,
    () => undefined,
  );
}

/** Answers a request for the host's root or the base path without its slash with baseRedirect's redirect. */
export function redirectedToBasePath(basePath: string, url: URL, response: ServerResponse): boolean {
  const redirect = baseRedirect(basePath, url);
  if (!redirect) return false;
  response.writeHead(redirect.status, { location: redirect.location });
  response.end();
  return true;
}

/**
 * For a site under a path: the host's root leads there (302: the root is not the site's to say), and so
 * does the path without its final slash (301, as for any folder).
 */
export function baseRedirect(basePath: string, url: URL): { status: 301 | 302; location: string } | undefined {
  if (basePath === '/') return undefined;
  if (url.pathname === '/') return { status: 302, location: basePath };
  if (`${url.pathname}/` === basePath) return { status: 301, location: `${basePath}${url.search}` };
  return undefined;
}

/**
 * Where a folder asked for without its final slash redirects: the path with it. Repeated slashes are
 * collapsed, as nginx's merge_slashes does, since a location starting with "//" is a protocol-relative URL:
 * `/.//evil.example/..%2Fosebe` (URL resolves the "." away) would send the browser to another host.
 */
export function folderRedirectLocation(url: URL): string {
  return `${url.pathname.replace(/\/{2,}/g, '/')}/${url.search}`;
}

/**
 * Where a request for a listing's page 1 by its number is sent (`/oznake/ukrajina/stran/1/`, see site/path-names.ts
 * firstPageListing; `sitePath` is decoded, within the base path): the listing's own address, under the base path,
 * with the query kept (a shared link's `?utm_source=…`), when `hasPage` says the site has a page at that site URL;
 * undefined otherwise. Hugo and Zola write a page at `…/page/1/` that sends the reader on; the build's 404 page
 * does it in the browser (src/client/not-found.ts), and dev and preview answer with a redirect. A 302, not a 301:
 * a browser keeps a 301 for good, so a `redirectFrom:` or a page of public/ put at that address later, which is
 * served before this is looked for, would never be asked for by that browser again.
 */
export async function firstPageLocation(basePath: string, sitePath: string, search: string, hasPage: (url: string) => boolean | Promise<boolean>): Promise<string | undefined> {
  // No name is "." or "..": URL resolves them away, also written %2e%2e.
  const listing = firstPageListing(sitePath.split('/').filter(Boolean));
  if (listing === undefined) return undefined;
  if (!(await hasPage(`/${listing.map((name) => `${name}/`).join('')}`))) return undefined;
  return `${basePath}${listing.map((name) => `${encodeURIComponent(name)}/`).join('')}${search}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/**
 * A build swaps the new tree in with two renames (output/publish.ts): for a moment between them there is no
 * folder at dist/, and a request looked up then got a plain »not found« for a page that was there before the
 * swap and after it (9 of 31,000 requests during 10 builds of 2,000 articles). A page not found while the
 * folder was missing or replaced is looked up again once a folder is back, so a reader never sees the gap.
 * A folder still missing after SWAP_WAIT_MS was deleted, not swapped: the 404 goes out then.
 */
const SWAP_WAIT_MS = 2000;
/** How many swaps one request waits for: builds one after another could otherwise hold it for good. */
const SWAPS_WAITED_FOR = 3;

/**
 * Whether the folder at `dir` was missing or replaced since it was `before`; waits for one to be back. 'deleted'
 * when none is back after SWAP_WAIT_MS.
 */
async function swappedMeanwhile(dir: string, before: number | undefined): Promise<boolean | 'deleted'> {
  const deadline = Date.now() + SWAP_WAIT_MS;
  for (;;) {
    const now = await inode(dir);
    if (now !== undefined) return now !== before;
    if (Date.now() >= deadline) return 'deleted';
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

/**
 * Whether a request's Host header names this machine: `localhost`, a name under `.localhost`, or an IP address,
 * with any port. Vite's dev server refuses other names the same way (server.allowedHosts), against DNS rebinding:
 * a page of napadalec.example whose name is then made to resolve to 127.0.0.1 is, to the browser, of the same
 * origin as the server, and could read the site, which preview shows before it is published (--future too).
 * No header at all (HTTP/1.0) comes from no browser, and is answered.
 */
export function isLocalHost(header: string | undefined): boolean {
  if (header === undefined) return true;
  const ipv6 = /^\[([^\]]+)\](?::\d+)?$/.exec(header);
  if (ipv6) return isIPv6(ipv6[1]!);
  const name = /^([^:]+)(?::\d+)?$/.exec(header)?.[1]?.toLowerCase();
  if (name === undefined) return false;
  return isIPv4(name) || name === 'localhost' || name.endsWith('.localhost');
}

async function serve(dir: string, basePath: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!isLocalHost(request.headers.host)) {
    response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('forbidden: arhivar preview answers only addresses of this machine (localhost, 127.0.0.1)\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    response.end('method not allowed');
    return;
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (redirectedToBasePath(basePath, url, response)) return;
  const inSite = withoutBasePath(basePath, url.pathname);
  let pathname: string;
  try {
    pathname = inSite === undefined ? '\0' : decodeURIComponent(inSite);
  } catch {
    pathname = '\0';
  }
  const file = pathname.includes('\0') ? undefined : path.join(dir, ...pathname.split('/').filter(Boolean));
  for (let attempt = 0; ; attempt++) {
    const before = await inode(dir);
    if (file && (file === dir || file.startsWith(dir + path.sep))) {
      const found = await openFile(pathname.endsWith('/') ? path.join(file, 'index.html') : file);
      if (found) return sendOpenFile(request, response, 200, found);
      if (!pathname.endsWith('/') && (await isFile(path.join(file, 'index.html')))) {
        response.writeHead(301, { location: folderRedirectLocation(url) });
        response.end();
        return;
      }
      const firstPage = await firstPageLocation(basePath, pathname, url.search, (site) => isFile(path.join(dir, outputPathFor(site))));
      if (firstPage) {
        response.writeHead(302, { location: firstPage });
        response.end();
        return;
      }
    }
    const lastTry = attempt === SWAPS_WAITED_FOR;
    const swapped = lastTry ? false : await swappedMeanwhile(dir, before);
    if (swapped === true) continue;
    // The swap may also fall between the page's lookup and this one's. A folder waited for in vain was deleted: it
    // is not waited for a second time (that made a plain »not found« take 4 s).
    const notFound = await openFile(path.join(dir, '404.html'));
    if (notFound) return sendOpenFile(request, response, 404, notFound);
    if (lastTry || swapped === 'deleted' || (await swappedMeanwhile(dir, before)) !== true) break;
  }
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('not found');
}

/**
 * The part of a file of `size` bytes that a `Range` header asks for (RFC 9110 §14.2), as static hosts answer
 * it: Safari plays sound and video only from a server that does, and browsers seek in them so. One range of
 * bytes only; a header of another unit, of several ranges or not well formed is ignored, and the whole file
 * is sent (§14.2 allows that). `unsatisfiable` for a range that starts past the end or a suffix of 0 bytes (416).
 */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = header === undefined ? null : /^bytes=[ \t]*(\d*)-(\d*)[ \t]*$/i.exec(header);
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '') {
    if (last === '') return undefined;
    const suffix = Math.min(Number(last), size);
    return suffix === 0 ? 'unsatisfiable' : { start: size - suffix, end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

/** A file of dist/ opened to be sent, and its size when it was opened. */
export interface OpenFile {
  /** Its path, which gives the content type. */
  file: string;
  handle: FileHandle;
  size: number;
}

/**
 * `file` opened for reading, with the size of what was opened; undefined when it is no regular file (missing, a
 * folder). The headers and the body then describe one file: a stat by path and an open by path could find two,
 * when a build swaps dist/ between them, and the body was longer or shorter than its Content-Length. O_NONBLOCK
 * so that a named pipe, which stat by path used to turn away, cannot hold the open until a writer comes.
 */
export async function openFile(file: string): Promise<OpenFile | undefined> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch(() => undefined);
  if (!handle) return undefined;
  const info = await handle.stat().catch(() => undefined);
  if (info?.isFile()) return { file, handle, size: info.size };
  await handle.close();
  return undefined;
}

/**
 * Answers with an open file (see openFile), or the byte range of it asked for, and closes it. Only as many bytes
 * as the headers promise are read, though the file grew since; one that shrank (rewritten in place) ends the
 * connection, as a body shorter than its Content-Length must, or the client would wait for the rest.
 */
export async function sendOpenFile(request: IncomingMessage, response: ServerResponse, status: number, { file, handle, size }: OpenFile): Promise<void> {
  try {
    const headers = { 'content-type': contentTypeFor(file), 'cache-control': 'no-cache', 'accept-ranges': 'bytes' };
    // Only a file found answers with a part: the 404 page is sent whole. If-Range asks for the part only if the
    // file is still the one the client has part of (RFC 9110 §13.1.5); preview sends no validator (ETag,
    // Last-Modified) that one could match, so that client gets the whole file, not a part of another version.
    const range = status === 200 && request.headers['if-range'] === undefined ? byteRange(request.headers.range, size) : undefined;
    if (range === 'unsatisfiable') {
      response.writeHead(416, { ...headers, 'content-range': `bytes */${size}`, 'content-length': 0 });
      response.end();
      return;
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    if (range) response.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 });
    else response.writeHead(status, { ...headers, 'content-length': size });
    if (request.method === 'HEAD' || size === 0) {
      response.end();
      return;
    }
    const body = handle.createReadStream({ start, end, autoClose: false });
    await pipeline(body, response, { end: false });
    if (body.bytesRead < end - start + 1) response.destroy();
    else response.end();
  } finally {
    await handle.close();
  }
}
