import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { startDevServer } from '../../src/dev/server.ts';
import { startStaticServer } from '../../src/dev/static-server.ts';
import type { DevLoadReport } from '../../src/dev/vite-plugin.ts';
import { copyFixture, devSession, makeTempDir, startDevProcess, waitFor } from '../helpers.ts';

const SECRET = 'skrivnost-izven-projekta';

const session = devSession();

const get = async (url: string, method = 'GET') => {
  const response = await fetch(new URL(url, session.server!.url), { redirect: 'manual', method });
  return { status: response.status, body: await response.text() };
};

it('arhivar dev serves no file of public/ a build refuses, and reports each as a build does until it is removed', async () => {
  const root = await copyFixture('archive-basic');
  const outside = await makeTempDir();
  session.folders.push(root, outside);
  await writeFile(path.join(outside, 'geslo.txt'), SECRET);
  await mkdir(path.join(outside, 'mapa'));
  await writeFile(path.join(outside, 'mapa', 'slika.txt'), SECRET);
  const publicDir = path.join(root, 'public');
  await mkdir(path.join(publicDir, 'slike'), { recursive: true });
  await writeFile(path.join(publicDir, 'slike', 'logo.svg'), '<svg/>');
  await symlink(path.join(outside, 'geslo.txt'), path.join(publicDir, 'geslo.txt'));
  await symlink(path.join(outside, 'mapa'), path.join(publicDir, 'mapa'));
  await symlink(path.join(outside, 'nic.txt'), path.join(publicDir, 'nic.txt'));
  await symlink('slike', path.join(publicDir, 'druge-slike'));
  await writeFile(path.join(publicDir, '..\\x.txt'), SECRET);
  // A link to a file inside public/ is published as a copy of it, so it is served.
  await symlink('slike/logo.svg', path.join(publicDir, 'logo.svg'));

  const loads: DevLoadReport[] = [];
  session.server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
  await waitFor(() => loads.length > 0, 'the first load');
  expect(loads[0]!.errors.map((error) => [error.code, error.file])).toEqual([
    ['public/bad-file-name', 'public/..\\x.txt'],
    ['public/symlink-folder', 'public/druge-slike'],
    ['public/symlink-outside', 'public/geslo.txt'],
    ['public/symlink-outside', 'public/mapa'],
    ['public/symlink-outside', 'public/nic.txt'],
  ]);

  for (const url of ['/geslo.txt', '/mapa/slika.txt', '/druge-slike/logo.svg', '/..%5Cx.txt', `/@fs${publicDir}/geslo.txt`]) {
    const page = await get(url);
    expect(page.body, url).not.toContain(SECRET);
    expect(page.status, url).toBeGreaterThanOrEqual(400);
  }
  for (const url of ['/geslo.txt', '/public/geslo.txt']) {
    const posted = await get(url, 'POST');
    expect(posted.body, `POST ${url}`).not.toContain(SECRET);
    expect(posted.status, `POST ${url}`).toBe(405);
  }
  // Every page shows the problems, as for a problem in content/.
  const home = await get('/');
  expect(home.status).toBe(500);
  expect(home.body).toContain('public/symlink-outside');
  expect(await get('/logo.svg')).toEqual({ status: 200, body: '<svg/>' });
  expect(await get('/slike/logo.svg')).toEqual({ status: 200, body: '<svg/>' });

  // Removing the links is a change the server sees: the site loads again, with no problem.
  for (const name of ['geslo.txt', 'mapa', 'nic.txt', 'druge-slike', '..\\x.txt']) await rm(path.join(publicDir, name));
  await waitFor(() => loads.at(-1)!.errors.length === 0, 'a load without the problems');
  expect((await get('/')).status).toBe(200);
});

it('arhivar dev serves neither file-manager litter nor a .env of public/, which a build leaves out, and warns of the .env as a build does', async () => {
  const root = await copyFixture('archive-basic');
  session.folders.push(root);
  const publicDir = path.join(root, 'public');
  await mkdir(path.join(publicDir, 'slike'), { recursive: true });
  await mkdir(path.join(publicDir, '.well-known'), { recursive: true });
  await writeFile(path.join(publicDir, '.env'), `API_KEY=${SECRET}\n`);
  for (const name of ['.DS_Store', 'slike/._seja.jpg', 'slike/Thumbs.db', 'desktop.ini']) await writeFile(path.join(publicDir, name), SECRET);
  await writeFile(path.join(publicDir, '.well-known', 'security.txt'), 'Contact: mailto:varnost@example.si\n');
  await writeFile(path.join(publicDir, '.htaccess'), 'Options -Indexes\n');

  const loads: DevLoadReport[] = [];
  session.server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
  await waitFor(() => loads.length > 0, 'the first load');
  expect(loads[0]!.errors).toEqual([]);
  expect(loads[0]!.warnings.filter((warning) => warning.file?.startsWith('public/')).map((warning) => [warning.code, warning.file])).toEqual([['public/secret-file', 'public/.env']]);
  for (const url of ['/.env', '/.DS_Store', '/slike/._seja.jpg', '/slike/Thumbs.db', '/desktop.ini', `/@fs${publicDir}/.env`]) {
    const page = await get(url);
    expect(page.body, url).not.toContain(SECRET);
    expect(page.status, url).toBe(404);
  }
  expect(await get('/.well-known/security.txt')).toEqual({ status: 200, body: 'Contact: mailto:varnost@example.si\n' });
  expect(await get('/.htaccess')).toEqual({ status: 200, body: 'Options -Indexes\n' });
});

it('arhivar dev answers 404 for a named pipe of public/, which a build leaves out, and warns of it as a build does', async () => {
  const root = await copyFixture('archive-basic');
  session.folders.push(root);
  // Opened to be served, a pipe no program writes to would hold the request until one did.
  await mkdir(path.join(root, 'public'));
  execFileSync('mkfifo', [path.join(root, 'public', 'cev')]);
  const loads: DevLoadReport[] = [];
  session.server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
  await waitFor(() => loads.length > 0, 'the first load');
  expect(loads[0]!.errors).toEqual([]);
  expect(loads[0]!.warnings.filter((warning) => warning.file?.startsWith('public/')).map((warning) => [warning.code, warning.file])).toEqual([['public/not-a-file', 'public/cev']]);
  expect((await get('/cev')).status).toBe(404);
});

it('arhivar dev reloads the browser for a file of public/ and not for what a build leaves out: a .DS_Store Finder writes, a .env edited', async () => {
  const root = await copyFixture('archive-basic');
  session.folders.push(root);
  const publicDir = path.join(root, 'public');
  await mkdir(path.join(publicDir, 'slike'), { recursive: true });
  await writeFile(path.join(publicDir, '.env'), 'API_KEY=prvi\n');
  const loads: DevLoadReport[] = [];
  const server = (session.server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) }));
  await waitFor(() => loads.length > 0, 'the first load');
  const reloads: unknown[] = [];
  const send = server.vite.ws.send.bind(server.vite.ws);
  server.vite.ws.send = ((...args: Parameters<typeof send>) => (reloads.push(args[0]), send(...args))) as typeof send;
  // Told after the plugin's own listener, which was added first: once seen here, the plugin has taken it in.
  const seen: string[] = [];
  server.vite.watcher.on('all', (event, file) => seen.push(`${event} ${path.relative(publicDir, file).split(path.sep).join('/')}`));

  const before = loads.length;
  for (const name of ['.DS_Store', 'slike/.DS_Store', 'slike/._seja.jpg', 'slike/Thumbs.db']) await writeFile(path.join(publicDir, name), 'Bud1');
  await writeFile(path.join(publicDir, '.env'), 'API_KEY=drugi\n');
  await waitFor(() => ['add .DS_Store', 'add slike/.DS_Store', 'add slike/._seja.jpg', 'add slike/Thumbs.db', 'change .env'].every((event) => seen.includes(event)), 'the watcher to see the litter');
  // A file of the project's templates/ reloads the browser without loading the content again: had the litter
  // been taken for a change of public/, the content would be loaded before that reload, with it or on its own.
  await writeFile(path.join(root, 'templates', 'opomba.txt'), 'opomba');
  await waitFor(() => reloads.length > 0, 'the reload for templates/');
  expect(loads.length).toBe(before);

  await writeFile(path.join(publicDir, 'slike', 'nova.svg'), '<svg/>');
  await waitFor(() => loads.length > before && reloads.length > 1, 'the load and the reload for a new file of public/');
  expect(reloads.at(-1)).toEqual({ type: 'full-reload', path: '*' });
  // A .env added is a change: the build names it in a warning.
  await writeFile(path.join(publicDir, '.env.local'), 'API_KEY=tretji\n');
  await waitFor(() => loads.at(-1)!.warnings.some((warning) => warning.file === 'public/.env.local'), 'the warning of the .env added');
});

it('arhivar dev serves the files of public/ under the path of baseUrl, where the build publishes them', async () => {
  const root = await copyFixture('base-path');
  session.folders.push(root);
  const svg = await readFile(path.join(root, 'public', 'slike', 'zemljevid.svg'), 'utf8');
  const loads: DevLoadReport[] = [];
  session.server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
  await waitFor(() => loads.length > 0, 'the first load');
  expect(loads[0]!.errors).toEqual([]);
  // An article's picture is written /arhiv/slike/… (README, Publishing under a path); a host serves it there.
  expect(await get('/arhiv/slike/zemljevid.svg')).toEqual({ status: 200, body: svg });
  expect((await get('/arhiv/slike/zemljevid.svg?v=2')).status).toBe(200);
  // Outside the path the site is not served, files of public/ included, as on the host.
  expect((await get('/slike/zemljevid.svg')).status).toBe(404);
  // A byte range, as Safari asks for sound and video and every browser to seek: the part, with 206, as from preview.
  const part = await fetch(new URL('/arhiv/slike/zemljevid.svg', session.server.url), { headers: { range: 'bytes=5-9' } });
  expect([part.status, part.headers.get('content-range'), await part.text()]).toEqual([206, `bytes 5-9/${Buffer.byteLength(svg)}`, svg.slice(5, 10)]);
});

it('arhivar dev serves a file of public/ whose name a link must percent-encode (#, ?, +, &), as preview and a static host do', async () => {
  const root = await copyFixture('archive-basic');
  session.folders.push(root);
  const folder = path.join(root, 'public', 'dokumenti');
  await mkdir(folder, { recursive: true });
  const files = { 'seja #3.pdf': 'seja', 'kaj?.txt': 'kaj', 'a+b.txt': 'plus', 'Q&A.txt': 'in' };
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
  const loads: DevLoadReport[] = [];
  session.server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
  await waitFor(() => loads.length > 0, 'the first load');
  expect(loads[0]!.errors).toEqual([]);
  // A link to `seja #3.pdf` must be written `seja%20%233.pdf`: a bare # starts the fragment. Vite's static
  // server decodes a path with decodeURI, which leaves %23, %3F, %2B and %26 as they are, and answered 404.
  for (const [name, text] of Object.entries(files)) {
    expect(await get(`/dokumenti/${encodeURIComponent(name)}`), name).toEqual({ status: 200, body: text });
  }
  const part = await fetch(new URL('/dokumenti/seja%20%233.pdf', session.server.url), { headers: { range: 'bytes=1-2' } });
  expect([part.status, part.headers.get('content-range'), await part.text()]).toEqual([206, 'bytes 1-2/4', 'ej']);
});

it('arhivar dev answers an address with a bare % (`100%.txt`, not `100%25.txt`) as preview does, with the 404 page, and Vite prints nothing of it', async () => {
  const root = await copyFixture('archive-basic');
  const outDir = path.join(await makeTempDir(), 'dist');
  session.folders.push(root, path.dirname(outDir));
  await mkdir(path.join(root, 'public', 'dokumenti'), { recursive: true });
  await writeFile(path.join(root, 'public', 'dokumenti', '100%.txt'), 'vse');
  await build({ root, outDir, cache: false });
  const preview = await startStaticServer({ dir: outDir, port: 0 });
  // As `npm run dev` runs, so that what Vite prints to the terminal is seen.
  const dev = startDevProcess(root);
  const answers: Record<string, { dev: [number, boolean]; preview: [number, boolean] }> = {};
  try {
    await waitFor(() => /serving (http:\S+\/) /.test(dev.output.stdout), 'the address');
    const devUrl = /serving (http:\S+\/) /.exec(dev.output.stdout)![1]!;
    const answer = async (base: string, address: string): Promise<[number, boolean]> => {
      const response = await fetch(new URL(address, base), { redirect: 'manual' });
      return [response.status, (await response.text()).includes('Strani ni mogoče najti')];
    };
    // A link written without encoding the % (a bare % must be followed by two hex digits), one whose address
    // is well formed but names a % (which Vite's HTML transform decodes again), and the file's right address.
    for (const address of ['/dokumenti/100%.txt', '/dokumenti/%E0%A4%A.txt', '/ni-strani-100%25/']) {
      answers[address] = { dev: await answer(devUrl, address), preview: await answer(preview.url, address) };
    }
    expect(await (await fetch(new URL('/dokumenti/100%25.txt', devUrl))).text()).toBe('vse');
  } finally {
    await preview.close();
    dev.kill('SIGINT');
    await dev.exited;
  }
  for (const [address, { dev, preview }] of Object.entries(answers)) {
    expect(preview, address).toEqual([404, true]);
    expect(dev, address).toEqual(preview);
  }
  // Handed to Vite, a bare % printed »Malformed URI sequence in request URL« where editors read their problems.
  expect(`${dev.output.stdout}${dev.output.stderr}`).not.toMatch(/malformed|URIError/i);
}, 60_000);

it('arhivar dev tells a file of public/ in the way of a page and one a page replaces, as a build does, also after the addresses change', async () => {
  const root = await copyFixture('archive-basic');
  session.folders.push(root);
  const publicDir = path.join(root, 'public');
  await mkdir(path.join(publicDir, 'oznake', 'nova'), { recursive: true });
  await writeFile(path.join(publicDir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  // The build writes the people's pages under osebe/: a file of that name leaves them no room.
  await writeFile(path.join(publicDir, 'osebe'), 'stara datoteka');
  // No article has the tag »nova« yet, so nothing is written here until one has.
  await writeFile(path.join(publicDir, 'oznake', 'nova', 'index.html'), '<p>stara stran</p>');

  const loads: DevLoadReport[] = [];
  session.server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
  await waitFor(() => loads.length > 0, 'the first load');
  const codes = (problems: readonly { code: string; file?: string | undefined }[]) => problems.filter((problem) => problem.code.startsWith('public/')).map((problem) => [problem.code, problem.file]);
  expect(codes(loads[0]!.errors)).toEqual([['public/in-the-way', 'public/osebe']]);
  expect(codes(loads[0]!.warnings)).toEqual([['public/shadowed', 'public/robots.txt']]);
  // Every page shows it, as the build refuses to publish.
  const home = await get('/');
  expect(home.status).toBe(500);
  expect(home.body).toContain('public/in-the-way');

  await rm(path.join(publicDir, 'osebe'));
  await waitFor(() => loads.at(-1)!.errors.length === 0, 'a load without the file in the way');
  expect(codes(loads.at(-1)!.warnings)).toEqual([['public/shadowed', 'public/robots.txt']]);
  expect((await get('/')).status).toBe(200);
  expect((await get('/robots.txt')).body).not.toContain('Disallow: /\n');

  // A tag added in content/ gives the site a page where public/ has a file: told as soon as the article is saved.
  const article = path.join(root, 'content', 'articles', '2025', 'peti.md');
  const text = await readFile(article, 'utf8');
  await writeFile(article, text.replace('tags: [preizkus]', 'tags: [preizkus, nova]'));
  await waitFor(() => codes(loads.at(-1)!.warnings).length === 2, 'the page of the new tag over the file of public/');
  expect(codes(loads.at(-1)!.warnings)).toEqual([
    ['public/shadowed', 'public/oznake/nova/index.html'],
    ['public/shadowed', 'public/robots.txt'],
  ]);
  // An edit to the body leaves the addresses as they were, and the warnings with them.
  const count = loads.length;
  await writeFile(article, (await readFile(article, 'utf8')).replace('Peto besedilo', 'Popravljeno peto besedilo'));
  await waitFor(() => loads.length > count && loads.at(-1)!.errors.length === 0, 'the load after the edit');
  expect(codes(loads.at(-1)!.warnings)).toEqual([
    ['public/shadowed', 'public/oznake/nova/index.html'],
    ['public/shadowed', 'public/robots.txt'],
  ]);
});

it('arhivar dev tells a file of public/ that only a draft clashes with as a note, not as the error or warning a build would not give', async () => {
  // dev shows drafts, so it counted their pages against public/: a draft with a new tag stopped every page with
  // public/in-the-way, and the build, which does not publish the draft, published the site and that file.
  const root = await copyFixture('archive-basic');
  session.folders.push(root);
  const publicDir = path.join(root, 'public');
  await mkdir(path.join(publicDir, 'oznake', 'nova'), { recursive: true });
  await writeFile(path.join(publicDir, 'oznake', 'nova', 'index.html'), '<p>stara stran</p>');
  await mkdir(path.join(publicDir, '2025'));
  await writeFile(path.join(publicDir, '2025', '06'), 'junij');
  const draft = path.join(root, 'content', 'articles', '2025', 'osnutek.md');
  await writeFile(draft, '---\ntitle: "Osnutek"\ndate: 2025-06-01\ntags: [nova]\ndraft: true\n---\n\nBesedilo.\n');

  const loads: DevLoadReport[] = [];
  session.server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
  await waitFor(() => loads.length > 0, 'the first load');
  const codes = (problems: readonly { code: string; file?: string | undefined }[]) => problems.filter((problem) => problem.code.startsWith('public/')).map((problem) => [problem.code, problem.file]);
  expect(codes(loads[0]!.errors)).toEqual([]);
  expect(codes(loads[0]!.warnings)).toEqual([
    ['public/draft-clash', 'public/2025/06'],
    ['public/draft-clash', 'public/oznake/nova/index.html'],
  ]);
  expect(loads[0]!.warnings.find((warning) => warning.file === 'public/2025/06')!.message).toBe(
    'once a draft is published, the build writes pages under 2025/06/, so a file of that name cannot be published and leaves no room for them',
  );
  expect((await get('/')).status).toBe(200);
  expect((await get('/2025/06/01/osnutek/')).status).toBe(200);
  // What the build says of the same site: nothing of public/, which it publishes whole.
  const outDir = path.join(await makeTempDir(), 'dist');
  session.folders.push(path.dirname(outDir));
  const built = await build({ root, outDir, cache: false });
  expect(codes(built.model.warnings)).toEqual([]);
  expect(await readFile(path.join(outDir, '2025', '06'), 'utf8')).toBe('junij');

  // Published, the draft's clashes are the build's: an error and a warning, as a build tells them.
  await writeFile(draft, (await readFile(draft, 'utf8')).replace('draft: true', 'draft: false'));
  await waitFor(() => loads.at(-1)!.errors.length > 0, 'the load of the published article');
  expect(codes(loads.at(-1)!.errors)).toEqual([['public/in-the-way', 'public/2025/06']]);
  expect(codes(loads.at(-1)!.warnings)).toEqual([['public/shadowed', 'public/oznake/nova/index.html']]);
});

it('arhivar dev loads again when a file a build leaves out comes or goes that a link of public/ leads to', async () => {
  const root = await copyFixture('archive-basic');
  session.folders.push(root);
  const publicDir = path.join(root, 'public');
  await mkdir(publicDir, { recursive: true });
  await writeFile(path.join(publicDir, '.DS_Store'), 'Bud1');
  await symlink('.DS_Store', path.join(publicDir, 'kazalo.bin'));
  const loads: DevLoadReport[] = [];
  session.server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
  await waitFor(() => loads.length > 0, 'the first load');
  const linkCodes = () => [...loads.at(-1)!.errors, ...loads.at(-1)!.warnings].filter((each) => each.file === 'public/kazalo.bin').map((each) => each.code);
  expect(linkCodes()).toEqual(['public/symlink-left-out']);

  // A .DS_Store alone is no change, but the link leads nowhere now, which a build refuses.
  await rm(path.join(publicDir, '.DS_Store'));
  await waitFor(() => linkCodes().includes('public/symlink-outside'), 'the load that refuses the link to nothing');
  await writeFile(path.join(publicDir, '.DS_Store'), 'Bud1');
  await waitFor(() => loads.at(-1)!.errors.length === 0, 'the load with the file back');
  expect(linkCodes()).toEqual(['public/symlink-left-out']);
});

it('arhivar dev serves no file of the project or beyond under /@fs/, through a link or not, and still serves its reload script', async () => {
  const root = await copyFixture('archive-basic');
  const outside = await makeTempDir();
  session.folders.push(root, outside);
  await writeFile(path.join(outside, 'geslo.txt'), SECRET);
  // A link a content file brought in (the build refuses it, content/symlink-outside), one beside content/, and a file
  // of the project no page publishes: Vite's /@fs/ served each of them to any program on the machine.
  await symlink(path.join(outside, 'geslo.txt'), path.join(root, 'content', 'articles', '2025', 'geslo.md'));
  await symlink(path.join(outside, 'geslo.txt'), path.join(root, 'geslo.txt'));
  await writeFile(path.join(root, 'opombe.txt'), SECRET);
  const loads: DevLoadReport[] = [];
  session.server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
  await waitFor(() => loads.length > 0, 'the first load');
  expect(loads[0]!.errors.map((error) => [error.code, error.file])).toEqual([['content/symlink-outside', 'content/articles/2025/geslo.md']]);
  for (const url of [`/@fs${root}/content/articles/2025/geslo.md`, `/@fs${root}/geslo.txt`, `/@fs${root}/geslo.txt?raw`, `/@fs${root}/opombe.txt`, `/@fs${outside}/geslo.txt`]) {
    const page = await get(url);
    expect(page.body, url).not.toContain(SECRET);
    expect(page.status, url).toBeGreaterThanOrEqual(400);
  }
  // Vite's check against DNS rebinding comes before the plugin: a page of another host's name reads nothing of the site.
  const rebound = await new Promise<number | undefined>((resolve, reject) => {
    const { port } = new URL(session.server!.url);
    request({ host: '127.0.0.1', port, path: '/', headers: { host: `napadalec.example:${port}` } }, (response) => {
      response.resume();
      resolve(response.statusCode);
    }).on('error', reject).end();
  });
  expect(rebound).toBe(403);
  // The reload script every page loads, and the module it imports, come from Vite's own folder, which stays served.
  const client = await get('/@vite/client');
  expect(client.status).toBe(200);
  const imported = [...client.body.matchAll(/^import\s.*?["'](\/@[^"']+)["']/gm)].map((match) => match[1]!);
  expect(imported.length).toBeGreaterThan(0);
  for (const url of imported) expect((await get(url)).status, url).toBe(200);
});
