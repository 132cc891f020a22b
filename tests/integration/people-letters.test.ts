import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, removeDir, type BuiltSite } from '../helpers.ts';
import { findBrokenLinks } from '../../src/output/links.ts';
import { urls } from '../../src/site/urls.ts';

/**
 * tests/fixtures/people-letters: people under A, B, C, Č, Ć, G (Vincent van Gogh), S (Maria de Souza), Š, Z and Ž,
 * a journalist only a byline names (Darja Žagar), a name in Cyrillic with no person file, and a person file whose name
 * is in Arabic script (Mahmud Abas). /osebe/ files them
 * under letter headings in Slovenian order, with a row of links to the letters, as a printed index does.
 */
let site: BuiltSite;
let main: string;

beforeAll(async () => {
  site = await buildFixture('people-letters');
  const html = await site.read(urls.people());
  main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
});
afterAll(async () => {
  await removeDir(path.dirname(site.outDir));
});

const textOf = (html: string) => html.replace(/<[^>]+>/g, '').trim();

/** Each letter heading of the page with the names of the people listed under it, up to the next heading. */
function peopleByHeading(html: string): { id: string; letter: string; people: string[] }[] {
  const parts = html.split(/(?=<h[1-6][\s>])/).filter((part) => part.startsWith('<h2'));
  return parts.map((part) => {
    const [, id, letter] = /^<h2 id="([^"]*)">([\s\S]*?)<\/h2>/.exec(part)!;
    const people = [...part.matchAll(/<li><a href="\/osebe\/[^"]+\/">(.*?)<\/a>/g)].map((match) => textOf(match[1]!));
    return { id: id!, letter: textOf(letter!), people };
  });
}

describe('the people index under letter headings', () => {
  it('heads the people with their letters in Slovenian order, C Č Ć, S Š, Z Ž, and Cyrillic after the Latin letters', () => {
    expect(peopleByHeading(main).map(({ letter }) => letter)).toEqual(['A', 'B', 'C', 'Č', 'Ć', 'G', 'S', 'Š', 'Z', 'Ž', 'Cirilica', 'Druge pisave']);
    // The page keeps one h1, the letters are h2 under it.
    expect([...main.matchAll(/<h1[\s>]/g)]).toHaveLength(1);
  });

  it('lists each person under the letter of the surname they are filed by, particles left out', () => {
    expect(Object.fromEntries(peopleByHeading(main).map(({ letter, people }) => [letter, people]))).toEqual({
      A: ['Ana Abram'],
      B: ['Bojan Bizjak'],
      C: ['Cene Cerar'],
      Č: ['Janez Čuk'],
      Ć: ['Marko Ćosić'],
      G: ['Vincent van Gogh'],
      S: ['Maria de Souza'],
      Š: ['Maja Šuštar'],
      Z: ['Zoran Zorko'],
      Ž: ['Darja Žagar'],
      Cirilica: ['Ана Ђорђевић'],
      'Druge pisave': ['محمود عباس'],
    });
  });

  it('keeps what the page says of each person: the count, what a journalist wrote, the role', () => {
    expect(main).toContain('<a href="/osebe/ana-abram/">Ana Abram</a> <span class="count">2\u00a0članka</span><span class="role">\u00a0– svetnica</span>');
    // Darja Žagar is named by no article, only by a byline: she is counted by what she wrote.
    expect(main).toContain('<a href="/osebe/darja-zagar/">Darja Žagar</a> <span class="count">1\u00a0avtorski članek</span><span class="role">\u00a0– novinarka</span>');
  });

  it('opens with a row of links to the letters that have people, each leading to its heading by an ASCII id', () => {
    const nav = /<nav class="letter-nav" aria-label="Osebe po abecedi">([\s\S]*?)<\/nav>/.exec(main);
    expect(nav, main).not.toBeNull();
    expect(main.indexOf('<nav class="letter-nav"')).toBeLessThan(main.indexOf('<h2'));
    const links = [...nav![1]!.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((match) => [match[1], match[2]]);
    const headings = peopleByHeading(main).map(({ id, letter }) => [id, letter]);
    expect(links).toEqual(headings);
    expect(headings.map(([id]) => id)).toEqual(['crka-a', 'crka-b', 'crka-c', 'crka-ch', 'crka-cj', 'crka-g', 'crka-s', 'crka-sh', 'crka-z', 'crka-zh', 'pisava-cirilica', 'pisava-druge']);
  });

  it('gives every letter id once on the page, so a jump link cannot land elsewhere', async () => {
    const html = await site.read(urls.people());
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!);
    expect(ids.length).toBe(new Set(ids).size);
    // The link check finds the element every #fragment names (src/output/links.ts).
    expect((await findBrokenLinks(site.outDir)).filter(({ file }) => file === 'osebe/index.html')).toEqual([]);
  });

  // Unicode's bidi algorithm took the count's number into a right-to-left name's run: »محمود عباس 1 članek« showed as
  // »1 محمود عباس članek«, on /osebe/ and in »Največkrat v istih člankih«. A <bdi> keeps the name to itself.
  it('isolates a name in a right-to-left script from the count after it, on /osebe/ and among the people named together', async () => {
    expect(main).toContain('<a href="/osebe/mahmud-abas/"><bdi>محمود عباس</bdi></a> <span class="count">1\u00a0članek</span>');
    expect(main).toContain('<a href="/osebe/ana-abram/">Ana Abram</a>');
    const abram = await site.read(urls.person('ana-abram'));
    expect(abram).toContain('<a href="/osebe/mahmud-abas/"><bdi>محمود عباس</bdi></a> <span class="co-count">1\u00a0članek</span>');
    expect(abram).toContain('<a href="/osebe/maria-de-souza/">Maria de Souza</a> <span class="co-count">');
  });
});
