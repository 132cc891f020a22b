import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../../src/output/links.ts';
import { makeTempDir, removeDir } from '../../helpers.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

async function site(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir('arhivar-links-');
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

describe('findBrokenLinks', () => {
  it('resolves links as a static host would and reports only those that lead nowhere', async () => {
    const dir = await site({
      'index.html': [
        '<a href="/osebe/">ok folder</a>',
        '<a href="/osebe">ok folder without slash</a>',
        '<a href="/osebe/ana/">missing folder</a>',
        '<a href="/feed.xml">ok file</a>',
        '<a href="/stran/2/#top">ok with fragment</a>',
        "<a class='x' href='/nic.html'>missing file, single quotes</a>",
        '<a href="#vsebina">fragment only</a>',
        '<a href="https://example.com/">external</a>',
        '<a href="//cdn.example.com/x.js">protocol-relative</a>',
        '<a href="mailto:urednik@example.si">mail</a>',
        '<link rel="stylesheet" href="/assets/site.css"/>',
        '<img src="/slike/manjka.png" alt=""/>',
        '<a href="/%C4%8Dlanek/">percent-encoded folder</a>',
        '<a href="/a?x=1&amp;y=2">query</a>',
      ].join('\n'),
      'osebe/index.html': '<a href="../">up</a><a href="ana/">relative missing</a>',
      'stran/2/index.html': '',
      'feed.xml': '<feed/>',
      'assets/site.css': '',
      'članek/index.html': '',
      'a': '',
    });
    expect(await findBrokenLinks(dir)).toEqual([
      { file: 'index.html', link: '/osebe/ana/' },
      { file: 'index.html', link: '/nic.html' },
      { file: 'index.html', link: '/slike/manjka.png' },
      { file: 'osebe/index.html', link: 'ana/' },
    ]);
  });
});
