import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtBasePath, contentTypeFor, openFile, sendOpenFile, startStaticServer, type OpenFile, type StaticServer } from '../../../src/dev/static-server.ts';
import { buildFixture, buildSite, copyFixture, makeTempDir, removeDir, type BuiltSite } from '../../helpers.ts';

/** A raw request, so paths like /../ reach the server as written (fetch would normalise them). */
function get(
  server: StaticServer,
  rawPath: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; location: string; body: string; contentRange: string; acceptRanges: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          location: String(res.headers.location ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
          contentRange: String(res.headers['content-range'] ?? ''),
          acceptRanges: String(res.headers['accept-ranges'] ?? ''),
        }),
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

  // DNS rebinding: a page of napadalec.example whose name then resolves to 127.0.0.1 could read the site in preview
  // (articles built with --future, before their embargo) from the browser of the editor who opened it.
  it('answers only requests addressed to localhost or an IP address, as the dev server (Vite) does', async () => {
    const { port } = new URL(server.url);
    const home = await site.read('/');
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost', `urednistvo.localhost:${port}`, `[::1]:${port}`, '10.0.0.7']) {
      expect(await get(server, '/', 'GET', { host }), host).toMatchObject({ status: 200, body: home });
    }
    for (const host of [`napadalec.example:${port}`, 'napadalec.example', 'localhost.napadalec.example', '127.0.0.1.nip.io', 'localhost:x:1']) {
      const answer = await get(server, '/feed.xml', 'GET', { host });
      expect(answer, host).toMatchObject({ status: 403, type: 'text/plain; charset=utf-8' });
      expect(answer.body, host).not.toContain('<feed');
    }
  });

  it('listens on 127.0.0.1 and serves folders as their index.html', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get(server, '/');
    expect(home).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(home.body).toBe(await site.read('/'));
    const article = await get(server, '/2025/01/10/prvi-clanek-o-obcini/');
    expect(article.body).toBe(await site.read('/2025/01/10/prvi-clanek-o-obcini/'));
    // Its file by name too, with 200 and no redirect (the dev server does the same).
    expect(await get(server, '/2025/01/10/prvi-clanek-o-obcini/index.html')).toMatchObject({ status: 200, body: article.body });
  });

  it('redirects a folder without its slash, as static hosts do', async () => {
    expect(await get(server, '/osebe?x=1')).toMatchObject({ status: 301, location: '/osebe/?x=1' });
  });

  it('never redirects to another host: a location never starts with // (repeated slashes are collapsed)', async () => {
    // `.` is resolved away, leaving //evil.example/…, whose ../ leads back to osebe/ in dist/.
    expect(await get(server, '/.//evil.example/..%2Fosebe')).toMatchObject({ status: 301, location: '/evil.example/..%2Fosebe/' });
    expect(await get(server, '/.//osebe?x=1')).toMatchObject({ status: 301, location: '/osebe/?x=1' });
    for (const crafted of ['/.//evil.example/%2E%2E/osebe', '/./..//evil.example/..%2Fosebe', '/osebe/.//evil.example/..%2F..%2Fosebe', '/\\evil.example/osebe']) {
      expect((await get(server, crafted)).location, crafted).not.toMatch(/^\/[/\\]/);
    }
    // The collapsed address is the folder.
    expect((await get(server, '/evil.example/..%2Fosebe/')).status).toBe(200);
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

  it('sends the type a static host sends for the files newsrooms keep in public/ (sound, video, documents), not a download', async () => {
    // A recording linked from an article was offered as a download (application/octet-stream) instead of played.
    await mkdir(path.join(site.outDir, 'posnetki'), { recursive: true });
    await writeFile(path.join(site.outDir, 'posnetki', 'izjava.mp3'), 'ID3');
    expect(await get(server, '/posnetki/izjava.mp3')).toMatchObject({ status: 200, type: 'audio/mpeg' });
    const types: Record<string, string> = {
      'stara-stran.htm': 'text/html; charset=utf-8',
      'izjava.MP3': 'audio/mpeg',
      'izjava.m4a': 'audio/mp4',
      'izjava.ogg': 'audio/ogg',
      'izjava.wav': 'audio/wav',
      'posnetek.mp4': 'video/mp4',
      'posnetek.webm': 'video/webm',
      'posnetek.mov': 'video/quicktime',
      'podnapisi.vtt': 'text/vtt; charset=utf-8',
      'rezultati.csv': 'text/csv; charset=utf-8',
      'porocilo.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'proracun.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'predstavitev.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'porocilo.doc': 'application/msword',
      'proracun.xls': 'application/vnd.ms-excel',
      'porocilo.odt': 'application/vnd.oasis.opendocument.text',
      'proracun.ods': 'application/vnd.oasis.opendocument.spreadsheet',
      'priloge.zip': 'application/zip',
      'pisava.ttf': 'font/ttf',
      'pisava.otf': 'font/otf',
    };
    for (const [file, type] of Object.entries(types)) expect(contentTypeFor(file), file).toBe(type);
    expect(contentTypeFor('neznano.xyz')).toBe('application/octet-stream');
  });

  it('sends application/wasm for WebAssembly, which a browser compiles from no other type', async () => {
    // An interactive graphic in public/ (a map, a data table with sql.js or DuckDB) loads its .wasm with
    // WebAssembly.instantiateStreaming, which rejects application/octet-stream; static hosts send application/wasm.
    await mkdir(path.join(site.outDir, 'grafike'), { recursive: true });
    await writeFile(path.join(site.outDir, 'grafike', 'karta.wasm'), Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
    const response = await fetch(new URL('grafike/karta.wasm', server.url));
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(WebAssembly.Module.exports(await WebAssembly.compileStreaming(response))).toEqual([]);
  });

  it('answers a byte range with 206 and that part, as static hosts do: Safari plays sound and video only so', async () => {
    await mkdir(path.join(site.outDir, 'posnetki'), { recursive: true });
    await writeFile(path.join(site.outDir, 'posnetki', 'odlomek.mp4'), '0123456789');
    const url = '/posnetki/odlomek.mp4';
    expect(await get(server, url)).toMatchObject({ status: 200, body: '0123456789', acceptRanges: 'bytes', contentRange: '' });
    expect(await get(server, url, 'GET', { range: 'bytes=2-5' })).toMatchObject({ status: 206, type: 'video/mp4', body: '2345', contentRange: 'bytes 2-5/10' });
    expect(await get(server, url, 'GET', { range: 'bytes=7-' })).toMatchObject({ status: 206, body: '789', contentRange: 'bytes 7-9/10' });
    expect(await get(server, url, 'GET', { range: 'bytes=-3' })).toMatchObject({ status: 206, body: '789', contentRange: 'bytes 7-9/10' });
    // An end past the file is the file's end (RFC 9110 §14.1.2).
    expect(await get(server, url, 'GET', { range: 'bytes=8-100' })).toMatchObject({ status: 206, body: '89', contentRange: 'bytes 8-9/10' });
    expect(await get(server, url, 'HEAD', { range: 'bytes=0-0' })).toMatchObject({ status: 206, body: '', contentRange: 'bytes 0-0/10' });
    // A start past the end cannot be served (416); a header the server does not understand, or several ranges, gets the whole file.
    for (const range of ['bytes=10-', 'bytes=-0']) {
      expect(await get(server, url, 'GET', { range }), range).toMatchObject({ status: 416, body: '', contentRange: 'bytes */10' });
    }
    for (const range of ['bytes=5-2', 'items=0-1', 'bytes=0-1,4-5', 'bytes=x-y', 'bytes=']) {
      expect(await get(server, url, 'GET', { range }), range).toMatchObject({ status: 200, body: '0123456789', contentRange: '' });
    }
    // If-Range asks for the part only of the file the client already has (RFC 9110 §13.1.5); preview sends no
    // validator to match, so the part could be spliced onto another version of the file: the whole file.
    for (const ifRange of ['"a1b2"', 'Sat, 06 Dec 2025 10:00:00 GMT']) {
      expect(await get(server, url, 'GET', { range: 'bytes=2-5', 'if-range': ifRange }), ifRange).toMatchObject({ status: 200, body: '0123456789', contentRange: '' });
    }
    // The 404 page is the answer to a miss, never a part of it.
    expect(await get(server, '/ni-take-strani/', 'GET', { range: 'bytes=0-3' })).toMatchObject({ status: 404, body: await site.read('/404.html') });
  });
});

/**
 * Sends `opened` to one GET, as preview does once it has opened the file a request asked for: what the client got,
 * whether the whole body its Content-Length announced arrived, and whether the server ended the body or dropped the
 * connection (over a kept-alive connection an ended body one byte short leaves the client waiting for that byte).
 */
async function fetchOpenFile(opened: OpenFile, headers: Record<string, string> = {}): Promise<{ length: string; body: string; complete: boolean; dropped: boolean }> {
  let sent!: Promise<boolean>;
  const server = createServer((req, res) => {
    // Dropped: closed before the body was finished.
    sent = new Promise((resolve) => res.on('close', () => resolve(!res.writableFinished)));
    void sendOpenFile(req, res, 200, opened);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    const got = await new Promise<{ length: string; body: string; complete: boolean }>((resolve, reject) => {
      const req = request({ hostname: '127.0.0.1', port, path: '/', headers: { connection: 'close', ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', () => undefined);
        res.on('close', () => resolve({ length: String(res.headers['content-length']), body: Buffer.concat(chunks).toString('utf8'), complete: res.complete }));
      });
      req.on('error', reject);
      req.end();
    });
    return { ...got, dropped: await sent };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('arhivar preview while a build swaps dist/ in with its two renames', () => {
  let dir: string;
  let server: StaticServer;
  beforeAll(async () => {
    dir = await makeTempDir('arhivar-preview-swap-');
    await mkdir(path.join(dir, 'dist', 'osebe'), { recursive: true });
    await writeFile(path.join(dir, 'dist', 'osebe', 'index.html'), '<p>stara stran</p>');
    await writeFile(path.join(dir, 'dist', '404.html'), '<p>ni strani</p>');
    server = await startStaticServer({ dir: path.join(dir, 'dist'), port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await removeDir(dir);
  });

  it('answers a request made between the renames from the new tree, not with a 404 for a page that is in both', async () => {
    // The first rename of the swap (output/publish.ts): the published tree moves aside, and for a moment there is no dist/.
    await rename(path.join(dir, 'dist'), path.join(dir, '.dist-old-1'));
    await mkdir(path.join(dir, '.dist-staging-1', 'osebe'), { recursive: true });
    await writeFile(path.join(dir, '.dist-staging-1', 'osebe', 'index.html'), '<p>nova stran</p>');
    await writeFile(path.join(dir, '.dist-staging-1', '404.html'), '<p>ni strani</p>');
    const answer = get(server, '/osebe/');
    // The second rename comes once the request has been looked up in the missing folder.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await rename(path.join(dir, '.dist-staging-1'), path.join(dir, 'dist'));
    expect(await answer).toMatchObject({ status: 200, body: '<p>nova stran</p>' });
  });

  it('answers a miss asked for between the renames with the new tree\'s 404.html, not a plain »not found«', async () => {
    await rename(path.join(dir, 'dist'), path.join(dir, '.dist-old-2'));
    await mkdir(path.join(dir, '.dist-staging-2'), { recursive: true });
    await writeFile(path.join(dir, '.dist-staging-2', '404.html'), '<p>ni strani</p>');
    const answer = get(server, '/ni-je/');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await rename(path.join(dir, '.dist-staging-2'), path.join(dir, 'dist'));
    expect(await answer).toMatchObject({ status: 404, body: '<p>ni strani</p>' });
  });

  it('still answers 404 at once for a page missing from a folder that is there', async () => {
    expect(await get(server, '/ni-je/')).toMatchObject({ status: 404, body: '<p>ni strani</p>' });
  });

  // A folder missing for the whole wait (2 s) was deleted, not swapped. The 404.html looked up after it was waited
  // for again: 4 s for a plain »not found«. A folder put back 3 s after the request, between the two waits' ends,
  // is not looked in by a request that waits once.
  it('waits once, not twice, for a folder deleted while it runs before its plain 404', async () => {
    await rename(path.join(dir, 'dist'), path.join(dir, '.dist-deleted'));
    const answer = get(server, '/ni-je/');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await mkdir(path.join(dir, 'dist'));
    await writeFile(path.join(dir, 'dist', '404.html'), '<p>nova mapa</p>');
    expect(await answer).toMatchObject({ status: 404, body: 'not found' });
  });
});

describe('arhivar preview of a folder with a named pipe in it', () => {
  let site: BuiltSite;
  let server: StaticServer;

  beforeAll(async () => {
    // The build copies no pipe from public/, but preview serves whatever folder --out names.
    site = await buildFixture('archive-basic');
    await mkdir(path.join(site.outDir, 'posnetki'));
    execFileSync('mkfifo', [path.join(site.outDir, 'posnetki', 'v-zivo.mp4')]);
    server = await startStaticServer({ dir: site.outDir, port: 0 });
  });

  afterAll(async () => {
    await server?.close();
    await removeDir(path.dirname(site.outDir));
  });

  it('answers a request for it as for no file, and goes on answering: opening it waits for no writer', async () => {
    // An open without O_NONBLOCK waits for a process to write into the pipe: the request was never answered.
    const pipe = await get(server, '/posnetki/v-zivo.mp4');
    expect(pipe.status).toBe(404);
    expect(pipe.body).toBe(await site.read('/404.html'));
    expect(await get(server, '/')).toMatchObject({ status: 200, body: await site.read('/') });
  });
});

describe('arhivar preview sends the file it opened, though a build replaces or rewrites it meanwhile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir('arhivar-preview-open-');
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  it('sends the file opened, with its length, when another is renamed over its path (as a build swaps dist/)', async () => {
    const file = path.join(dir, 'posnetek.mp4');
    await writeFile(file, 'stari posnetek');
    const opened = (await openFile(file))!;
    await writeFile(path.join(dir, 'novi.tmp'), 'novi, precej daljši posnetek');
    await rename(path.join(dir, 'novi.tmp'), file);
    expect(await fetchOpenFile(opened)).toEqual({ length: '14', body: 'stari posnetek', complete: true, dropped: false });
  });

  it('sends no more than the length it promised when the file grows in place', async () => {
    const file = path.join(dir, 'dnevnik.txt');
    await writeFile(file, '0123456789');
    const opened = (await openFile(file))!;
    await appendFile(file, 'abcdef');
    expect(await fetchOpenFile(opened)).toEqual({ length: '10', body: '0123456789', complete: true, dropped: false });
    const part = (await openFile(file))!;
    await appendFile(file, 'ghi');
    expect(await fetchOpenFile(part, { range: 'bytes=12-' })).toEqual({ length: '4', body: 'cdef', complete: true, dropped: false });
  });

  it('ends the connection, not the body, when the file shrinks in place, so the client knows it got only part', async () => {
    const file = path.join(dir, 'kratek.txt');
    await writeFile(file, '0123456789');
    const opened = (await openFile(file))!;
    await writeFile(file, '0123');
    expect(await fetchOpenFile(opened)).toMatchObject({ length: '10', complete: false, dropped: true });
  });

  it('closes the file when the client goes away mid-body (a browser seeking in a video drops many)', async () => {
    const file = path.join(dir, 'video.mp4');
    await writeFile(file, Buffer.alloc(8 * 1024 * 1024));
    const opened = (await openFile(file))!;
    let sent!: Promise<void>;
    const server = createServer((req, res) => {
      sent = sendOpenFile(req, res, 200, opened);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => {
      const req = request({ hostname: '127.0.0.1', port, path: '/' }, (res) =>
        res.once('data', () => {
          req.destroy();
          resolve();
        }),
      );
      req.on('error', () => undefined);
      req.end();
    });
    await sent.catch(() => undefined);
    // A closed FileHandle's fd is -1; the old stream by path kept its descriptor open for good.
    expect(opened.handle.fd).toBe(-1);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('opens no folder and no missing file', async () => {
    expect(await openFile(dir)).toBeUndefined();
    expect(await openFile(path.join(dir, 'ni-ga.txt'))).toBeUndefined();
  });
});

describe('arhivar preview of a site published under a path', () => {
  let root: string;
  let site: BuiltSite;
  let server: StaticServer;

  beforeAll(async () => {
    root = await copyFixture('archive-basic');
    const siteYaml = path.join(root, 'content', 'site.yaml');
    await writeFile(siteYaml, (await readFile(siteYaml, 'utf8')).replace(/^baseUrl: .*$/m, 'baseUrl: https://example.si/arhiv/'));
    site = await buildSite(root);
    server = await startStaticServer({ dir: site.outDir, port: 0, basePath: '/arhiv/' });
  });

  afterAll(async () => {
    await server?.close();
    await removeDir(path.dirname(site.outDir));
    await removeDir(root);
  });

  it('serves dist/ under the path and says so in its address', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/arhiv\/$/);
    const home = await get(server, '/arhiv/');
    expect(home).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(home.body).toBe(await site.read('/'));
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(home.body)![1]!;
    expect(stylesheet).toMatch(/^\/arhiv\/assets\/site-[\w-]+\.css$/);
    expect(await get(server, stylesheet)).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect((await get(server, '/arhiv/2025/01/10/prvi-clanek-o-obcini/')).body).toBe(await site.read('/2025/01/10/prvi-clanek-o-obcini/'));
  });

  it('leads from the host root and from the path without its slash to the site', async () => {
    expect(await get(server, '/')).toMatchObject({ status: 302, location: '/arhiv/' });
    expect(await get(server, '/arhiv?x=1')).toMatchObject({ status: 301, location: '/arhiv/?x=1' });
    expect(await get(server, '/arhiv/osebe?x=1')).toMatchObject({ status: 301, location: '/arhiv/osebe/?x=1' });
  });

  it('finds nothing outside the path, where the host serves other things', async () => {
    for (const outside of ['/osebe/', '/feed.xml', '/arhivi/', '/arhiv/../osebe/']) {
      const missing = await get(server, outside);
      expect(missing.status, outside).toBe(404);
      expect(missing.body).toBe(await site.read('/404.html'));
    }
  });
});

describe('builtBasePath', () => {
  async function distWith(manifest: string | undefined): Promise<string> {
    const dir = await makeTempDir('arhivar-built-');
    if (manifest !== undefined) {
      await mkdir(path.join(dir, 'iskanje'));
      await writeFile(path.join(dir, 'iskanje', 'indeks.json'), manifest);
    }
    return dir;
  }

  it('reads the path a dist/ was built for from its search manifest', async () => {
    expect(await builtBasePath(await distWith(JSON.stringify({ base: '/iskanje/indeks/' })))).toBe('/');
    expect(await builtBasePath(await distWith(JSON.stringify({ base: '/novice/arhiv/iskanje/indeks/' })))).toBe('/novice/arhiv/');
    expect(await builtBasePath(await distWith(JSON.stringify({ base: '/%C4%8Das/iskanje/indeks/' })))).toBe('/%C4%8Das/');
  });

  it('says nothing for a dist/ without one, or with one that names no plain path (another host, ..)', async () => {
    for (const manifest of [undefined, 'not json', JSON.stringify({ base: 7 }), JSON.stringify({ base: '//evil.example/iskanje/indeks/' }), JSON.stringify({ base: '/a/../iskanje/indeks/' }), JSON.stringify({ base: 'arhiv/iskanje/indeks/' }), JSON.stringify({ base: '/ar\nhiv/iskanje/indeks/' }), JSON.stringify({ base: '/čas/iskanje/indeks/' })]) {
      expect(await builtBasePath(await distWith(manifest)), manifest).toBeUndefined();
    }
  });
});
