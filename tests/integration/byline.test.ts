import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, removeDir, type BuiltSite } from '../helpers.ts';
import { parseFeed } from '../helpers/parse-feed.ts';

/**
 * tests/fixtures/byline, published at https://example.si/arhiv/: bylines naming several people, agencies and the
 * newsroom. Ana Novak and Cene Lipnik have person files; only Ana Novak is named by an article, so only she
 * has a page. Bor Kos has no file.
 */
const BASE = 'https://example.si/arhiv/';

const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

function newsArticle(html: string): Record<string, unknown> {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);
  const article = blocks.find((block) => block['@type'] === 'NewsArticle');
  if (!article) throw new Error('no NewsArticle on the page');
  return article;
}

/** The byline's element on an article page, as HTML. */
function bylineHtml(html: string): string {
  const match = /<span class="article-author">([\s\S]*?)<\/span>/.exec(html);
  if (!match) throw new Error('no byline on the page');
  return match[1]!;
}

describe('bylines with several authors', () => {
  let site: BuiltSite;

  beforeAll(async () => {
    site = await buildFixture('byline');
  });

  afterAll(async () => {
    await removeDir(path.dirname(site.outDir));
  });

  it('publishes each author of »Ana Novak, Bor Kos in Cene Lipnik« as a Person, a registry person with a page with its URL', async () => {
    const data = newsArticle(await site.read('/2025/11/20/obcinski-svet-sprejel-proracun/'));
    expect(data.author).toEqual([
      { '@type': 'Person', name: 'Ana Novak', url: `${BASE}osebe/ana-novak/`, jobTitle: 'novinarka' },
      { '@type': 'Person', name: 'Bor Kos' },
      // Cene Lipnik has a file, but no article names him, so he has no page to point to.
      { '@type': 'Person', name: 'Cene Lipnik' },
    ]);
    expect(await site.files()).not.toContain('osebe/cene-lipnik/index.html');
  });

  it('publishes agencies as Organizations and »Uredništvo« as the site itself', async () => {
    const agencies = newsArticle(await site.read('/2025/12/01/novinarska-nagrada-za-preiskovalno-zgodbo/'));
    expect(agencies.author).toEqual([
      { '@type': 'Organization', name: 'STA' },
      { '@type': 'Organization', name: 'Reuters' },
    ]);
    const newsroom = newsArticle(await site.read('/2025/12/05/knjiznica-podaljsala-delovni-cas/'));
    expect(newsroom.author).toEqual({ '@type': 'NewsMediaOrganization', name: 'Novice Savinja', url: BASE });
  });

  it('shows the byline as written, with the registry person linked to her page under the path', async () => {
    const html = bylineHtml(await site.read('/2025/11/20/obcinski-svet-sprejel-proracun/'));
    expect(decode(html.replace(/<[^>]+>/g, ''))).toBe('\u00a0· Ana Novak, Bor Kos in Cene Lipnik');
    expect([...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((match) => [match[1], match[2]])).toEqual([['/arhiv/osebe/ana-novak/', 'Ana Novak']]);
    const plain = bylineHtml(await site.read('/2025/12/01/novinarska-nagrada-za-preiskovalno-zgodbo/'));
    expect(plain).not.toContain('<a');
    expect(decode(plain)).toBe('\u00a0· STA, Reuters');
  });

  it('gives each author an <author> of its own in the feed, a registry person with the URI of her page', async () => {
    const xml = await site.read('/feed.xml');
    const feed = await parseFeed(xml, `${BASE}feed.xml`);
    const authors = (link: string) => {
      const item = feed.items.find((entry) => entry.link === `${BASE}${link}`);
      if (!item) throw new Error(`no entry for ${link}`);
      const raw = (item as unknown as Record<string, unknown>)['atom:author'];
      return (Array.isArray(raw) ? raw : [raw]).map((author: { name: { '#': string }; uri?: { '#': string } }) => [author.name['#'], author.uri?.['#']]);
    };
    expect(authors('2025/11/20/obcinski-svet-sprejel-proracun/')).toEqual([
      ['Ana Novak', `${BASE}osebe/ana-novak/`],
      ['Bor Kos', undefined],
      ['Cene Lipnik', undefined],
    ]);
    expect(authors('2025/12/01/novinarska-nagrada-za-preiskovalno-zgodbo/')).toEqual([
      ['STA', undefined],
      ['Reuters', undefined],
    ]);
    expect(authors('2025/12/05/knjiznica-podaljsala-delovni-cas/')).toEqual([['Uredništvo', undefined]]);
  });
});
