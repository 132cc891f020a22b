import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { SiteConfigSchema } from '../../../src/content/schema.ts';
import type { Article } from '../../../src/content/article.ts';
import type { Person } from '../../../src/content/person.ts';
import type { PersonEntry } from '../../../src/site/archive.ts';
import type { SiteContext } from '../../../src/render/context.ts';
import { PeoplePage } from '../../../templates/people.tsx';

const context: SiteContext = {
  site: SiteConfigSchema.parse({ title: 'Novice Žalec', baseUrl: 'https://novice.example.si/' }),
  assets: { stylesheet: '/assets/site.css', scripts: {} },
  people: new Map(),
};

const main = (entries: PersonEntry[]) => {
  const html = renderToString(<PeoplePage context={context} entries={entries} />);
  return { html, main: /<main[^>]*>(.*)<\/main>/s.exec(html)![1]!, description: /<meta name="description" content="([^"]*)"/.exec(html)![1]! };
};

describe('PeoplePage', () => {
  // A new site, or one whose articles name no registry person yet: »0 oseb, razvrščenih po priimku« over an empty list.
  it('says that there are no people yet instead of counting none', () => {
    const page = main([]);
    expect(page.main).toContain('<p>V arhivu še ni oseb.</p>');
    expect(page.main).not.toContain('0\u00a0oseb');
    expect(page.main).not.toContain('<ul');
    expect(page.description).toBe('Novice Žalec: v arhivu še ni oseb.');
  });

  it('counts the people it lists', () => {
    const person = { id: 'ana-novak', name: 'Ana Novak' } as Person;
    const page = main([{ person, articles: [], authored: [] }]);
    expect(page.main).toContain('1\u00a0oseba, razvrščena po priimku.');
    expect(page.description).toBe('Novice Žalec: 1 oseba, razvrščena po priimku.');
  });

  // A row of links with one letter in it leads nowhere the reader is not already; the heading stays, as on a longer index.
  it('heads a single letter without a row of links to it', () => {
    const person = { id: 'ana-novak', name: 'Ana Novak' } as Person;
    const page = main([{ person, articles: [], authored: [] }]);
    expect(page.main).not.toContain('letter-nav');
    expect(page.main).toContain('<h2 id="crka-n">N</h2><ul class="people-index"><li><a href="/osebe/ana-novak/">Ana Novak</a>');
  });

  // Unicode's bidi algorithm carries a number that follows right-to-left text into its run: »محمود عباس 2 članka«
  // showed as »2 محمود عباس članka«, the count before the name and apart from »članka«. <bdi> keeps the name to itself.
  it('isolates a name in a right-to-left script, so its count stays after it; a Latin or Cyrillic name needs no <bdi>', () => {
    const abbas = { id: 'mahmud-abas', name: 'محمود عباس' } as Person;
    const oz = { id: 'amos-oz', name: 'עמוס עוז' } as Person;
    const novak = { id: 'ana-novak', name: 'Ana Novak' } as Person;
    const petrov = { id: 'ivan-petrov', name: 'Иван Петров' } as Person;
    const page = main([novak, petrov, abbas, oz].map((person) => ({ person, articles: [], authored: [{} as Article, {} as Article] })));
    expect(page.main).toContain('<a href="/osebe/mahmud-abas/"><bdi>محمود عباس</bdi></a> <span class="count">2\u00a0avtorska članka</span>');
    expect(page.main).toContain('<a href="/osebe/amos-oz/"><bdi>עמוס עוז</bdi></a>');
    expect(page.main).toContain('<a href="/osebe/ana-novak/">Ana Novak</a>');
    expect(page.main).toContain('<a href="/osebe/ivan-petrov/">Иван Петров</a>');
  });
});
