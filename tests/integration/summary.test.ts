import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LONG_SUMMARY } from '../../src/text/shorten.ts';
import { buildSite, copyFixture, removeDir } from '../helpers.ts';

const made: string[] = [];
afterEach(async () => {
  for (const folder of made.splice(0)) await removeDir(folder);
});

async function build(root: string, options: { cache?: boolean } = {}) {
  const site = await buildSite(root, options);
  made.push(path.dirname(site.outDir));
  return site;
}

/** archive-basic with content/articles/2025/dolgo.md, tagged Dolgo, with this front matter added and this body. */
async function siteWith(frontMatter: string, body: string): Promise<string> {
  const root = await copyFixture('archive-basic');
  made.push(root);
  await writeFile(path.join(root, 'content/articles/2025/dolgo.md'), `---\ntitle: Dolgo besedilo\ndate: 2025-12-10\ntags: [Dolgo]\n${frontMatter}---\n\n${body}\n`);
  return root;
}

// A body pasted with single line breaks: Markdown reads it as one paragraph, and so as the default summary.
const sentences = Array.from({ length: 40 }, (_, n) => `Stavek številka ${n + 1} pripoveduje o dolgem besedilu, ki ga je urednik prilepil brez praznih vrstic.`);
const paragraph = sentences.join(' ');

const teaser = (html: string) => /<p class="teaser-summary">([^<]*)<\/p>/.exec(html.slice(html.indexOf('Dolgo besedilo')))?.[1];
const feedSummary = (xml: string) => /<summary type="text">([^<]*)<\/summary>/.exec(xml.slice(xml.indexOf('Dolgo besedilo')))?.[1];
const jsonLdDescription = (html: string) => {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);
  return scripts.find((data) => data['@type'] === 'NewsArticle')?.description;
};

describe('the default summary of an article with a long first paragraph', () => {
  it('is cut at a word boundary near 400 characters in listings, feeds and JSON-LD, while the article page shows it whole', async () => {
    const root = await siteWith('', sentences.join('\n'));
    const site = await build(root);
    const cut = teaser(await site.read('/oznake/dolgo/'));
    expect(cut).toMatch(/ …$/);
    const words = cut!.slice(0, -2);
    // Whole words of the paragraph: it goes on with a space after them.
    expect(paragraph.startsWith(`${words} `)).toBe(true);
    expect([...cut!].length).toBeLessThanOrEqual(LONG_SUMMARY);
    expect([...cut!].length).toBeGreaterThan(LONG_SUMMARY - 100);
    expect(teaser(await site.read('/'))).toBe(cut);
    expect(feedSummary(await site.read('/oznake/dolgo/feed.xml'))).toBe(cut);
    expect(feedSummary(await site.read('/feed.xml'))).toBe(cut);
    const page = await site.read('/2025/12/10/dolgo-besedilo/');
    expect(jsonLdDescription(page)).toBe(cut);
    // The article's own text is the whole paragraph, and the site feed's full text too.
    expect(page).toContain(`<p>${sentences.join('\n')}</p>`);
    expect(await site.read('/feed.xml')).toContain(sentences.at(-1));
    // Its meta description is cut to 160 from the same words, as before.
    expect(page).toMatch(/<meta name="description" content="Stavek številka 1 [^"]{100,150} …"/);
  });

  it('is cut the same in a build from .cache/ and after an edit elsewhere in the article', async () => {
    const root = await siteWith('', sentences.join('\n'));
    const fresh = await build(root, { cache: false });
    await build(root);
    const cached = await build(root);
    expect(teaser(await cached.read('/oznake/dolgo/'))).toMatch(/ …$/);
    for (const page of ['/oznake/dolgo/', '/oznake/dolgo/feed.xml', '/2025/12/10/dolgo-besedilo/']) expect(await cached.read(page), page).toBe(await fresh.read(page));
    const file = path.join(root, 'content/articles/2025/dolgo.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: Dolgo besedilo', 'title: Dolgo besedilo\nauthor: Ana Cankar'));
    const edited = await build(root);
    expect(teaser(await edited.read('/oznake/dolgo/'))).toBe(teaser(await fresh.read('/oznake/dolgo/')));
  });

  it('leaves a first paragraph of up to 400 characters whole', async () => {
    const short = sentences.slice(0, 4).join(' ');
    expect([...short].length).toBeLessThanOrEqual(LONG_SUMMARY);
    const site = await build(await siteWith('', `${short}\n\nDrugi odstavek.`));
    expect(teaser(await site.read('/oznake/dolgo/'))).toBe(short);
  });

  it('does not cut a summary: the editor wrote, which is warned about over 400 characters', async () => {
    const written = sentences.slice(0, 10).join(' ');
    const site = await build(await siteWith(`summary: ${written}\n`, 'Besedilo.'));
    expect(teaser(await site.read('/oznake/dolgo/'))).toBe(written);
    expect(site.result.model.warnings.map((warning) => warning.code)).toContain('article/long-summary');
  });
});
