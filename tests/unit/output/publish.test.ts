import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { IO_QUEUE_LIMIT, publishSite, readPublishedTree, shadowedPublicFile, Staging, Utf8Encoder } from '../../../src/output/publish.ts';
import { TreeWriter } from '../../../src/output/tree-writer.ts';
import { writeCacheFile } from '../../../src/pipeline/cache.ts';
import { renderUnderBasePath } from '../../../src/render/base-path.ts';
import { makeTempDir } from '../../helpers.ts';

const hashOf = async (file: string) => createHash('sha1').update(await readFile(file)).digest('base64url');

describe('shadowedPublicFile', () => {
  // robots.txt's hint sent readers to Pages, which says of it only »for search engines«.
  it.each([
    ['robots.txt', 'content/ (see Sitemap and robots.txt in the README)'],
    ['sitemap.xml', 'content/ (see Sitemap and robots.txt in the README)'],
    ['sitemap-2.xml', 'content/ (see Sitemap and robots.txt in the README)'],
    ['feed.xml', 'content/ (see Feeds in the README)'],
    ['oznake/vlada/feed.xml', 'content/ (see Feeds in the README)'],
    ['iskanje/indeks.json', 'content/ (see Search in the README)'],
    ['iskanje/indeks/a1b2c3/0.json', 'content/ (see Search in the README)'],
    ['assets/site-BBpm78jB.css', 'templates/site.css and src/client/ (see "Assets (CSS and client scripts through Vite)" in the README)'],
    ['osebe/index.html', 'content/ (see Pages in the README)'],
    ['404.html', 'content/ (see Pages in the README)'],
    ['iskanje/index.html', 'content/ (see Pages in the README)'],
  ])('names where the README tells of %s', (file, madeFrom) => {
    expect(shadowedPublicFile(file).hint).toBe(`rename it or delete it: ${file} is made from ${madeFrom}`);
  });
});

describe('Utf8Encoder', () => {
  it('gives the bytes Buffer.from gives, for any text, lone surrogates included', () => {
    const encoder = new Utf8Encoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) }), (text, surrogates) => {
        for (const sample of [text, `${text}${surrogates}`, `Čaša ${surrogates}žlica`]) expect(Buffer.from(encoder.encode(sample)!)).toEqual(Buffer.from(sample));
      }),
    );
  });

  it('encodes a page with č, š and ž, and leaves a text over its limit to the caller', () => {
    const encoder = new Utf8Encoder();
    const page = `<p>Srečanje z Dmitrijevim in Witkoffom na Floridi: ${'šž'.repeat(5000)}</p>`;
    expect(Buffer.from(encoder.encode(page)!).toString('utf8')).toBe(page);
    expect(encoder.encode('ž'.repeat(600 * 1024))).toBeUndefined();
  });
});

describe('publishSite with files given by hash only', () => {
  it('keeps a file dist/ already holds, and refuses one it does not, leaving dist/ as it was', async () => {
    const root = await makeTempDir('arhivar-publish-');
    const target = path.join(root, 'dist');
    const options = { codeKey: 'test' };
    await publishSite(root, target, [], [{ path: 'a.json', bytes: '[1]' }], options);
    const hash = await hashOf(path.join(target, 'a.json'));

    // The same file by name and hash: published again from the tree that holds it.
    const published = await readPublishedTree(root, target);
    expect(published.has('a.json', hash)).toBe(true);
    await publishSite(root, target, [], [{ path: 'a.json', hash }, { path: 'b.json', bytes: '[2]' }], { ...options, published });
    expect(await readFile(path.join(target, 'a.json'), 'utf8')).toBe('[1]');
    expect(await readFile(path.join(target, 'b.json'), 'utf8')).toBe('[2]');

    // A file by hash that dist/ does not hold cannot be written: the build fails and dist/ is untouched.
    await expect(publishSite(root, target, [], [{ path: 'c.json', hash }], options)).rejects.toThrow(/c\.json came without bytes/);
    expect(await readFile(path.join(target, 'b.json'), 'utf8')).toBe('[2]');
  });
});

describe('publishSite with a page whose template throws', () => {
  it('fails with template/failed naming the page, and leaves dist/ as it was', async () => {
    const root = await makeTempDir('arhivar-publish-');
    const target = path.join(root, 'dist');
    const options = { codeKey: 'test' };
    await publishSite(root, target, [{ url: '/', render: () => '<p>prva</p>' }], [], options);
    function PersonPage(): string {
      throw new TypeError("Cannot read properties of undefined (reading 'name')");
    }
    const pages = [
      { url: '/', render: () => '<p>druga</p>' },
      { url: '/osebe/ana-novak/', render: () => PersonPage() },
    ];
    await expect(publishSite(root, target, pages, [], options)).rejects.toMatchObject({
      code: 'template/failed',
      message: "/osebe/ana-novak/: TypeError: Cannot read properties of undefined (reading 'name') (in PersonPage)",
    });
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('<p>prva</p>');
  });

  it('under a base path, its hint gives the page’s address as npm run dev serves it, under that path', async () => {
    const root = await makeTempDir('arhivar-publish-');
    const pages = [
      {
        url: '/osebe/ana-novak/',
        render: () => {
          throw new TypeError('x');
        },
      },
    ];
    await expect(publishSite(root, path.join(root, 'dist'), pages, [], { codeKey: 'test', basePath: '/arhiv/' })).rejects.toMatchObject({
      message: '/osebe/ana-novak/: TypeError: x',
      hint: expect.stringContaining('open /arhiv/osebe/ana-novak/ in npm run dev'),
    });
  });
});

describe('publishSite with a page whose template never returns', () => {
  it('stops it at the time limit with template/timed-out naming the page, discards the half-updated spare, and publishes normally after', async () => {
    const root = await makeTempDir('arhivar-publish-');
    const target = path.join(root, 'dist');
    const options = { codeKey: 'test', renderTimeLimitMs: 300 };
    const link = () => renderUnderBasePath('/arhiv/', () => renderToString(h('a', { href: '/osebe/' })));
    // Two builds: the first dist/ becomes the spare tree that the next one updates in place.
    await publishSite(root, target, [{ url: '/', render: () => '<p>1</p>' }], [], options);
    await publishSite(root, target, [{ url: '/', render: () => '<p>2</p>' }], [], options);
    const spare = path.join(root, '.dist-spare');
    expect((await stat(spare)).isDirectory()).toBe(true);
    function PersonPage(): string {
      // Stopped inside Preact's render, under the hook that puts /arhiv/ in front of links (render/base-path.ts).
      // It gives up after 20 s, so that without the limit the test fails instead of holding its thread for good.
      const until = Date.now() + 20_000;
      return renderUnderBasePath('/arhiv/', () => {
        while (Date.now() < until);
        return '<p>ana</p>';
      });
    }
    const pages = [
      { url: '/', render: () => `<p>3</p>${link()}` },
      { url: '/osebe/ana-novak/', render: () => PersonPage() },
    ];
    // No pending bytes held back: the spare is taken as the staging tree with the first page, before the one that hangs.
    await expect(publishSite(root, target, pages, [], { ...options, pendingBytesLimit: 0 })).rejects.toMatchObject({
      code: 'template/timed-out',
      message: '/osebe/ana-novak/: the page did not finish rendering within 0.3 s, so the build was stopped (in PersonPage)',
    });
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('<p>2</p>');
    // The spare was half updated (index.html with <p>3</p>) under the staging name, which is put away for deletion.
    await expect(stat(spare)).rejects.toThrow();
    expect((await readdir(root)).filter((name) => name.startsWith('.dist-') && !name.includes('-trash-'))).toEqual([]);

    // The process goes on: the next build publishes, and links get the site's path once, not twice.
    await publishSite(root, target, [{ url: '/', render: () => `<p>4</p>${link()}` }], [], options);
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('<p>4</p><a href="/arhiv/osebe/"></a>');
  });
});

describe('publishSite after a build that published a symbolic link to a folder', () => {
  it('does not update a spare tree holding such a link, so no page is written through it', async () => {
    const root = await makeTempDir('arhivar-publish-');
    const target = path.join(root, 'dist');
    const outside = path.join(root, 'zunaj');
    await mkdir(outside);
    const options = { codeKey: 'test' };
    const page = (text: string) => [{ url: '/osebe/ana/', render: () => text }];
    // Two builds: the first dist/ becomes the spare tree the next build updates.
    await publishSite(root, target, page('<p>1</p>'), [], options);
    await publishSite(root, target, page('<p>2</p>'), [], options);
    // As a build before public/ links were refused left it: the spare's osebe/ a link out of the site, recorded as
    // one in the record those builds wrote (version 1, the spare with a map of its own).
    const { stateName, state } = await readPublishedTree(root, target);
    const spare = path.join(root, '.dist-spare');
    // (The build swapped out of dist/ removed the page it changed, and the folders that left empty, from the spare.)
    await rm(path.join(spare, 'osebe'), { recursive: true, force: true });
    await symlink(outside, path.join(spare, 'osebe'));
    const spareRecord = { ino: state!.spare!.ino, files: new Map([['osebe', { hash: `link:${outside}` }]]) };
    await writeCacheFile(root, stateName, { version: 1, target, current: state!.current, spare: spareRecord });

    await publishSite(root, target, page('<p>3</p>'), [], options);
    expect(await readFile(path.join(target, 'osebe', 'ana', 'index.html'), 'utf8')).toBe('<p>3</p>');
    expect(await readdir(outside)).toEqual([]);
  });
});

describe('publishSite when a file becomes a folder of the same name, or a folder a file', () => {
  // public/dokumenti (a file) replaced by public/dokumenti/ with files in it, or the other way round. The tree
  // the next build updates is the one before, which still holds the old kind at that path: the build failed
  // with EEXIST (mkdir) or EISDIR (unlink), every other run, until the tree was made afresh.
  it.each([
    ['a file by a folder', [{ path: 'dokumenti', bytes: 'stari' }], [{ path: 'dokumenti/porocilo.txt', bytes: 'novi' }]],
    ['a folder by a file', [{ path: 'dokumenti/porocilo.txt', bytes: 'stari' }], [{ path: 'dokumenti', bytes: 'novi' }]],
  ])('publishes %s in every later build', async (_name, before, after) => {
    const root = await makeTempDir('arhivar-publish-');
    const target = path.join(root, 'dist');
    const options = { codeKey: 'test' };
    const page = (text: string) => [{ url: '/', render: () => text }];
    await publishSite(root, target, page('<p>1</p>'), before, options);
    await publishSite(root, target, page('<p>2</p>'), before, options);
    // Each of these updates the tree of the build before last, which holds the other kind at that path.
    for (const text of ['<p>3</p>', '<p>4</p>', '<p>5</p>']) {
      await publishSite(root, target, page(text), after, options);
      expect(await readFile(path.join(target, after[0]!.path), 'utf8')).toBe('novi');
      expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe(text);
    }
  });
});

describe('PublishedTree.read', () => {
  it('gives the bytes of a published file only while dist/ holds them with the recorded hash', async () => {
    const root = await makeTempDir('arhivar-publish-');
    const target = path.join(root, 'dist');
    await publishSite(root, target, [], [{ path: 'iskanje/a.json', bytes: '{"sestanek":[0,1]}' }], { codeKey: 'test' });
    const hash = await hashOf(path.join(target, 'iskanje/a.json'));
    const published = await readPublishedTree(root, target);
    expect(Buffer.from(published.read('iskanje/a.json', hash)!).toString('utf8')).toBe('{"sestanek":[0,1]}');
    // Another hash than the record's, a file the record does not know, bytes changed behind its back.
    expect(published.read('iskanje/a.json', 'drugacen')).toBeUndefined();
    expect(published.read('iskanje/b.json', hash)).toBeUndefined();
    await writeFile(path.join(target, 'iskanje/a.json'), '{"sestanek":[0,2]}');
    expect(published.read('iskanje/a.json', hash)).toBeUndefined();
    // Without the record (.cache/ deleted) nothing is read.
    await rm(path.join(root, '.cache'), { recursive: true, force: true });
    await writeFile(path.join(target, 'iskanje/a.json'), '{"sestanek":[0,1]}');
    expect((await readPublishedTree(root, target)).read('iskanje/a.json', hash)).toBeUndefined();
  });
});

describe('publishSite with more files than it writes on the main thread', () => {
  /** 700 pages: more operations than the main thread does itself, so the writer thread does the rest. */
  const pages = (edition: (n: number) => string) =>
    Array.from({ length: 700 }, (_, n) => ({ url: `/clanki/${n}/`, render: () => `<p>${n} ${edition(n)}</p>`, inputs: { n, text: edition(n) } }));
  const published = async (target: string) => (await readdir(target, { recursive: true })).filter((entry) => entry.endsWith('.html')).length;

  it('publishes every page, then only the changed ones, through a spare tree or hard links', async () => {
    const root = await makeTempDir('arhivar-publish-');
    const target = path.join(root, 'dist');
    const options = { codeKey: 'test' };
    const first = await publishSite(root, target, pages(() => 'prva'), [], options);
    expect(first.filesWritten).toBe(700);
    expect(await published(target)).toBe(700);
    expect(await readFile(path.join(target, 'clanki', '699', 'index.html'), 'utf8')).toBe('<p>699 prva</p>');

    // No spare yet: the 690 unchanged pages are hard links to the published files.
    const second = await publishSite(root, target, pages((n) => (n < 10 ? 'druga' : 'prva')), [], options);
    expect(second).toMatchObject({ pagesRendered: 10, filesWritten: 10 });
    expect(await readFile(path.join(target, 'clanki', '9', 'index.html'), 'utf8')).toBe('<p>9 druga</p>');
    expect(await readFile(path.join(target, 'clanki', '10', 'index.html'), 'utf8')).toBe('<p>10 prva</p>');
    expect((await stat(path.join(target, 'clanki', '10', 'index.html'))).nlink).toBe(2);

    // The spare (the first tree) is brought up to date: the 10 pages changed since it and 10 more.
    const third = await publishSite(root, target, pages((n) => (n < 20 ? 'tretja' : 'prva')), [], options);
    expect(third.filesWritten).toBe(20);
    expect(await published(target)).toBe(700);
    for (const n of [0, 19]) expect(await readFile(path.join(target, 'clanki', String(n), 'index.html'), 'utf8')).toBe(`<p>${n} tretja</p>`);
    expect(await readFile(path.join(target, 'clanki', '699', 'index.html'), 'utf8')).toBe('<p>699 prva</p>');
    // The tree it replaced is the next spare, without the 20 pages this build changed: it keeps no text the
    // site no longer publishes (a page taken down, a corrected one). The next build links them back from dist/.
    await expect(readFile(path.join(root, '.dist-spare', 'clanki', '9', 'index.html'), 'utf8')).rejects.toThrow(/ENOENT/);
    expect(await readFile(path.join(root, '.dist-spare', 'clanki', '20', 'index.html'), 'utf8')).toBe('<p>20 prva</p>');
    const fourth = await publishSite(root, target, pages((n) => (n < 20 ? 'tretja' : 'prva')).concat(pages(() => 'četrta').slice(0, 1).map((page) => ({ ...page, url: '/nova/' }))), [], options);
    expect(fourth.filesWritten).toBe(1);
    expect(await readFile(path.join(target, 'clanki', '9', 'index.html'), 'utf8')).toBe('<p>9 tretja</p>');
    expect(await readFile(path.join(target, 'nova', 'index.html'), 'utf8')).toBe('<p>0 četrta</p>');
    expect(await published(target)).toBe(701);
    await rm(root, { recursive: true, force: true });
  });
  it('takes a spare it begins to update from the spare\'s name and writes the record once, so a build that fails or is killed leaves no half-updated spare trusted', async () => {
    const root = await makeTempDir('arhivar-publish-');
    const target = path.join(root, 'dist');
    const options = { codeKey: 'test' };
    await publishSite(root, target, pages(() => 'prva'), [], options);
    await publishSite(root, target, pages((n) => (n < 10 ? 'druga' : 'prva')), [], options);
    const { stateName } = await readPublishedTree(root, target);
    const recordBefore = await readFile(path.join(root, '.cache', stateName));
    expect((await stat(path.join(root, '.dist-spare'))).isDirectory()).toBe(true);

    // Pages streamed into the spare (no bytes held back), then one fails: what a kill at that point leaves too.
    const failing = [...pages((n) => (n < 30 ? 'tretja' : 'prva')), { url: '/pokvarjena/', render: () => { throw new Error('template failed'); } }];
    await expect(publishSite(root, target, failing, [], { ...options, pendingBytesLimit: 0 })).rejects.toThrow('template failed');
    // The record was not written again to forget the spare: the spare's name no longer holds the tree.
    expect(await readFile(path.join(root, '.cache', stateName))).toEqual(recordBefore);
    await expect(stat(path.join(root, '.dist-spare'))).rejects.toThrow(/ENOENT/);
    expect(await readFile(path.join(target, 'clanki', '0', 'index.html'), 'utf8')).toBe('<p>0 druga</p>');

    // The next build finds no spare and links the unchanged pages into a new tree.
    const next = await publishSite(root, target, pages((n) => (n < 30 ? 'tretja' : 'prva')), [], options);
    expect(next.filesWritten).toBe(30);
    for (const n of [0, 29]) expect(await readFile(path.join(target, 'clanki', String(n), 'index.html'), 'utf8')).toBe(`<p>${n} tretja</p>`);
    expect(await readFile(path.join(target, 'clanki', '30', 'index.html'), 'utf8')).toBe('<p>30 prva</p>');
    expect(await published(target)).toBe(700);
    await rm(root, { recursive: true, force: true });
  });
});

describe('Staging.complete linking the unchanged files into a new tree', () => {
  // A first edit after a cold build has no spare tree: every unchanged file (177,000 at 100,000 articles) is
  // hard-linked into a new one. Queued all at once, their operations and paths waited in memory together.
  it("keeps no more than the page queue's limit of operations waiting for the writer thread", async () => {
    const root = await makeTempDir('arhivar-publish-');
    const source = path.join(root, 'dist');
    const files = Array.from({ length: IO_QUEUE_LIMIT * 4 }, (_, n) => `clanki/${n % 7}/${n}.html`);
    for (const file of files) {
      await mkdir(path.dirname(path.join(source, file)), { recursive: true });
      await writeFile(path.join(source, file), `<p>${file}</p>`);
    }
    // Every operation goes to the writer thread, as past the first few hundred in a build.
    const writer = new TreeWriter(root, 0);
    let mostWaiting = 0;
    let added = 0;
    const add = writer.add.bind(writer);
    writer.add = (op) => {
      // The smallest queue the writer still reports room for is how many operations wait.
      let waiting = 0;
      while (!writer.hasRoomFor(waiting)) waiting++;
      mostWaiting = Math.max(mostWaiting, waiting);
      added++;
      add(op);
    };
    const staging = new Staging(path.join(root, '.dist-new'), new Map(), writer, true);
    await staging.complete(new Map(files.map((file) => [file, { hash: file }])), source);
    await writer.close();
    expect(added).toBe(files.length);
    expect(mostWaiting).toBeLessThanOrEqual(IO_QUEUE_LIMIT);
    expect((await stat(path.join(root, '.dist-new', files.at(-1)!))).nlink).toBe(2);
    await rm(root, { recursive: true, force: true });
  });

  it('sends the files held until the staging tree opens as the pages are sent, never more than the queue\'s limit waiting (issue 6)', async () => {
    const root = await makeTempDir('arhivar-publish-');
    const target = path.join(root, 'dist');
    // Search files and feeds come before the pages and are held until their bytes pass the limit (32 MB in a build;
    // 2,800 files at 10,000 articles): all were queued at once, 2,000 of them past the shared ring as buffers of their own.
    const extra = Array.from({ length: IO_QUEUE_LIMIT * 8 }, (_, n) => ({ path: `iskanje/${n % 13}/${n}.json`, bytes: `{"n":${n},"t":"${'ž'.repeat(500)}"}` }));
    let mostWaiting = 0;
    const add = TreeWriter.prototype.add;
    TreeWriter.prototype.add = function (this: TreeWriter, op) {
      let waiting = 0;
      while (!this.hasRoomFor(waiting)) waiting++;
      mostWaiting = Math.max(mostWaiting, waiting);
      add.call(this, op);
    };
    try {
      await publishSite(root, target, [], extra, { codeKey: 'test', pendingBytesLimit: 1024 * 1024 });
    } finally {
      TreeWriter.prototype.add = add;
    }
    expect(await readFile(path.join(target, extra.at(-1)!.path), 'utf8')).toBe(extra.at(-1)!.bytes);
    expect(await readFile(path.join(target, extra[0]!.path), 'utf8')).toBe(extra[0]!.bytes);
    expect(mostWaiting).toBeLessThanOrEqual(IO_QUEUE_LIMIT);
    await rm(root, { recursive: true, force: true });
  });
});
