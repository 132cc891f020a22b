import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../../src/dev/static-server.ts';
import { buildFixture, removeDir, type BuiltSite } from '../../helpers.ts';

/** A raw request, so paths like /../ reach the server as written (fetch would normalise them). */
function get(server: StaticServer, rawPath: string, method = 'GET'): Promise<{ status: number; type: string; location: string; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), location: String(res.headers.location ?? ''), body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('arhivar preview (static server)', () => {
  let site: BuiltSite;
  let server: StaticServer;

  beforeAll(async () => {
    site = await buildFixture('archive-basic');
    server = await startStaticServer({ dir: site.outDir, port: 0 });
  });

  afterAll(async () => {
    await server?.close();
    await removeDir(path.dirname(site.outDir));
  });

  it('listens on 127.0.0.1 and serves folders as their index.html', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get(server, '/');
    expect(home).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(home.body).toBe(await site.read('/'));
    const article = await get(server, '/2025/01/10/prvi-clanek-o-obcini/');
    expect(article.body).toBe(await site.read('/2025/01/10/prvi-clanek-o-obcini/'));
  });

  it('redirects a folder without its slash, as static hosts do', async () => {
    expect(await get(server, '/osebe?x=1')).toMatchObject({ status: 301, location: '/osebe/?x=1' });
  });

  it('answers a miss with 404.html and status 404', async () => {
    const missing = await get(server, '/ni-take-strani/');
    expect(missing.status).toBe(404);
    expect(missing.body).toBe(await site.read('/404.html'));
    expect((await get(server, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await get(server, '/../package.json')).status).toBe(404);
  });

  it('sends content types by extension and no body for HEAD', async () => {
    const css = (await site.files()).find((file) => file.endsWith('.css'))!;
    expect(await get(server, `/${css}`)).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect(await get(server, '/', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect((await get(server, '/', 'POST')).status).toBe(405);
  });
});
