import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/server.ts';
import type { DevLoadReport } from '../../src/dev/vite-plugin.ts';
import { copyFixture, makeTempDir, removeDir } from '../helpers.ts';

const SECRET = 'skrivnost-izven-projekta';

let server: DevServer | undefined;
const folders: string[] = [];

afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const folder of folders.splice(0)) await removeDir(folder);
});

const until = async (done: () => boolean, what: string) => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (!done()) throw new Error(`timed out waiting for ${what}`);
};

const get = async (url: string, method = 'GET') => {
  const response = await fetch(new URL(url, server!.url), { redirect: 'manual', method });
  return { status: response.status, body: await response.text() };
};

it('arhivar dev serves no file of public/ a build refuses, and reports each as a build does until it is removed', async () => {
  const root = await copyFixture('archive-basic');
  const outside = await makeTempDir();
  folders.push(root, outside);
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
  server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
  await until(() => loads.length > 0, 'the first load');
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
  await until(() => loads.at(-1)!.errors.length === 0, 'a load without the problems');
  expect((await get('/')).status).toBe(200);
});

it('arhivar dev serves the files of public/ under the path of baseUrl, where the build publishes them', async () => {
  const root = await copyFixture('base-path');
  folders.push(root);
  const svg = await readFile(path.join(root, 'public', 'slike', 'zemljevid.svg'), 'utf8');
  const loads: DevLoadReport[] = [];
  server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
  await until(() => loads.length > 0, 'the first load');
  expect(loads[0]!.errors).toEqual([]);
  // An article's picture is written /arhiv/slike/… (README, Publishing under a path); a host serves it there.
  expect(await get('/arhiv/slike/zemljevid.svg')).toEqual({ status: 200, body: svg });
  expect((await get('/arhiv/slike/zemljevid.svg?v=2')).status).toBe(200);
  // Outside the path the site is not served, files of public/ included, as on the host.
  expect((await get('/slike/zemljevid.svg')).status).toBe(404);
});
