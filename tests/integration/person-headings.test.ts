import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, removeDir, type BuiltSite } from '../helpers.ts';
import { urls } from '../../src/site/urls.ts';

/**
 * tests/fixtures/person-headings: Ana Novak wrote one article and is named in another together with Janez Kranjc,
 * so her page has both lists and the people named with her. A screen-reader user moves through a page by its
 * headings, and a heading's section runs to the next heading of its level or higher.
 */
let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixture('person-headings');
});
afterAll(async () => {
  await removeDir(path.dirname(site.outDir));
});

/** The page's h1–h6 in order, as »h2 Omembe v člankih«. */
async function headingsOf(url: string): Promise<string[]> {
  const html = await site.read(url);
  return [...html.matchAll(/<(h[1-6])[^>]*>([\s\S]*?)<\/\1>/g)].map((match) => `${match[1]} ${match[2]!.replace(/<[^>]+>/g, '').trim()}`);
}

describe('the headings of a person page with both lists', () => {
  it('keeps the people named with her inside »Omembe v člankih«, so the articles naming her do not fall under them', async () => {
    const headings = await headingsOf(urls.person('ana-novak'));
    const mentions = headings.indexOf('h2 Omembe v člankih');
    expect(mentions, headings.join(' | ')).toBeGreaterThan(0);
    // Under an h2 »Največkrat v istih člankih« the article naming her read as one of the people named with her;
    // »Članki«, an h3 beside it, heads the articles (h4).
    expect(headings.slice(mentions + 1), headings.join(' | ')).toEqual(['h3 Največkrat v\u00a0istih člankih', 'h3 Članki', 'h4 Novinarka in župan na podelitvi nagrad']);
  });

  it('leaves a page without a list of what the person wrote as it was: the people named together and »Članki« are h2', async () => {
    const headings = await headingsOf(urls.person('janez-kranjc'));
    expect(headings).toEqual([
      'h1 Janez Kranjc',
      'h2 Največkrat v\u00a0istih člankih',
      'h2 Članki',
      'h3 Novinarka in župan na podelitvi nagrad',
      'h3 Občinski svet sprejel proračun',
    ]);
  });
});

describe('the teasers on a person page', () => {
  it('leave the person out of each article\'s people, so the page has no link to itself in every teaser (20 on a full page)', async () => {
    for (const id of ['ana-novak', 'janez-kranjc']) {
      const html = await site.read(urls.person(id));
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      expect(main, id).not.toContain(`href="${urls.person(id)}"`);
    }
    // The others named in the article stay: they are what the list tells the reader there.
    const ana = await site.read(urls.person('ana-novak'));
    expect(ana).toMatch(/Novinarka in župan na podelitvi nagrad<\/a><\/h4>[\s\S]*?<ul class="people-links" aria-label="Osebe"><li><a href="\/osebe\/janez-kranjc\/">Janez Kranjc<\/a><\/li><\/ul>/);
  });
});
