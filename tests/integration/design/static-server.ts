import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves a built site the way a plain web host does: folder → index.html, unknown path → 404.html with status 404.
 * With a `basePath` (`/arhiv/`), the site is published under it, as GitHub Pages serves a project's site: the
 * 404 page answers every missing address, also one outside the path.
 */
export async function serveFolder(root: string, basePath = '/'): Promise<StaticServer> {
  const base = path.resolve(root);
  const server: Server = createServer(async (request, response) => {
    try {
      const requested = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      if (!requested.startsWith(basePath)) throw new Error('outside the site');
      const pathname = requested.slice(basePath.length - 1);
      let file = path.resolve(base, `.${pathname}`);
      if (file !== base && !file.startsWith(base + path.sep)) throw new Error('outside the site');
      if ((await stat(file).catch(() => undefined))?.isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      const notFound = await readFile(path.join(base, '404.html')).catch(() => Buffer.from('not found'));
      response.writeHead(404, { 'content-type': TYPES['.html']! });
      response.end(notFound);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
