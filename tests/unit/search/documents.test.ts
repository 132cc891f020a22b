import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/content/article.ts';
import type { Person } from '../../../src/content/person.ts';
import { archivePersonNames, toSearchDocument } from '../../../src/search/documents.ts';
import { testArticle } from '../../helpers/article.ts';

function article(overrides: Partial<Article>): Article {
  return testArticle({
    file: 'content/articles/2025/a.md',
    slug: 'a',
    url: '/2025/12/22/a/',
    date: { instant: new Date('2025-12-22T12:30:00Z'), hasTime: true },
    summary: 'Prvi odstavek.',
    tags: [{ name: 'Mirovna pogajanja', slug: 'mirovna-pogajanja' }],
    people: ['steve-witkoff', 'neznan'],
    html: '<p>Prvi odstavek.</p>',
    text: 'Prvi odstavek.\n\nDrugi odstavek.',
    wordCount: 4,
    ...overrides,
  });
}

describe('toSearchDocument', () => {
  it('shows the Ljubljana date in Slovenian and keeps the instant for <time>', () => {
    const document = toSearchDocument(article({ date: { instant: new Date('2025-12-22T23:30:00Z'), hasTime: true } }));
    expect(document.date).toBe('23.\u00a0decembra 2025');
    expect(document.dateTime).toBe('2025-12-23T00:30:00+01:00');
  });

  it('gives <time> the Ljubljana day of an article dated without a time, not the UTC day before', () => {
    const document = toSearchDocument(article({ date: { instant: new Date('2025-06-30T22:00:00Z'), hasTime: false } }));
    expect(document.date).toBe('1.\u00a0julija 2025');
    expect(document.dateTime).toBe('2025-07-01');
  });

  it('adds a written summary to the text only when the body does not contain it', () => {
    expect(toSearchDocument(article({})).text).toBe('Prvi odstavek.\n\nDrugi odstavek.');
    expect(toSearchDocument(article({ summary: 'Povzetek iz glave.' })).text).toBe('Povzetek iz glave.\n\nPrvi odstavek.\n\nDrugi odstavek.');
  });

  it('does not add the first paragraph again when the summary is that paragraph cut short', () => {
    const text = 'Prvi odstavek je dolg in gre naprej.\n\nDrugi odstavek.';
    expect(toSearchDocument(article({ summary: 'Prvi odstavek je dolg …', text })).text).toBe(text);
    expect(toSearchDocument(article({ summary: 'Prvi odstavek je dol…', text })).text).toBe(text);
  });

  it('lists the names of known people and the tags as keywords', () => {
    const names = new Map([['steve-witkoff', ['Steve Witkoff']]]);
    expect(toSearchDocument(article({}), (id) => names.get(id) ?? []).keywords).toEqual(['Steve Witkoff', 'Mirovna pogajanja']);
  });

  it('lists the byline and the source as written after the people and the tags', () => {
    expect(toSearchDocument(article({ author: 'Špela Vidic, STA' })).keywords).toEqual(['Mirovna pogajanja', 'Špela Vidic, STA']);
    expect(toSearchDocument(article({ author: 'Špela Vidic', source: 'Reuters' })).keywords).toEqual(['Mirovna pogajanja', 'Špela Vidic', 'Reuters']);
  });

  it('lists the aliases of the people files with their names', () => {
    const person: Person = { id: 'kiril-dmitrijev', name: 'Kiril Dmitrijev', aliases: ['Kirill Dmitriev'], role: undefined, gender: 'm', detect: true, bio: '', file: 'content/people/kiril-dmitrijev.md' };
    const names = archivePersonNames({ peopleById: new Map([[person.id, { person, articles: [], authored: [] }]]) });
    expect(toSearchDocument(article({ people: ['kiril-dmitrijev', 'neznan'] }), names).keywords).toEqual(['Kiril Dmitrijev', 'Kirill Dmitriev', 'Mirovna pogajanja']);
  });

  it('makes the names of a person once, however many articles name them', () => {
    const person: Person = { id: 'kiril-dmitrijev', name: 'Kiril Dmitrijev', aliases: ['Kirill Dmitriev'], role: undefined, gender: 'm', detect: true, bio: '', file: 'content/people/kiril-dmitrijev.md' };
    const names = archivePersonNames({ peopleById: new Map([[person.id, { person, articles: [], authored: [] }]]) });
    expect(names('kiril-dmitrijev')).toBe(names('kiril-dmitrijev'));
    expect(names('kiril-dmitrijev')).toEqual(['Kiril Dmitrijev', 'Kirill Dmitriev']);
    expect(names('neznan')).toEqual([]);
  });

  it('makes the date and text when they are first read, not when the document is made', () => {
    let reads = 0;
    const source = article({});
    const counted = Object.defineProperty({ ...source }, 'text', { enumerable: true, get: () => (reads++, source.text) });
    const document = toSearchDocument(counted);
    expect(reads).toBe(0);
    expect(document.text).toBe('Prvi odstavek.\n\nDrugi odstavek.');
    expect(reads).toBe(1);
    expect([document.date, document.dateTime]).toEqual(['22.\u00a0decembra 2025', '2025-12-22T13:30:00+01:00']);
  });

  it('gives keywords as withoutInvisibles does, and leaves out empty ones', () => {
    const names = new Map([['steve-witkoff', ['Steve Wit\u00adkoff', '']]]);
    const document = toSearchDocument(article({ tags: [{ name: 'Mirovna\u200b pogajanja', slug: 'mirovna-pogajanja' }], author: '', source: '\u00ad' }), (id) => names.get(id) ?? []);
    expect(document.keywords).toEqual(['Steve Witkoff', 'Mirovna pogajanja', '']);
  });

  it('links under the path the site is published under', () => {
    expect(toSearchDocument(article({})).url).toBe('/2025/12/22/a/');
    expect(toSearchDocument(article({}), undefined, '/arhiv/').url).toBe('/arhiv/2025/12/22/a/');
  });
});
