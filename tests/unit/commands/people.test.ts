import { describe, expect, it } from 'vitest';
import { formatSuggestions, type NameSuggestion } from '../../../src/commands/people.ts';

function suggestion(name: string, count: number): NameSuggestion {
  return { name, sure: true, alternatives: [], count, articles: 1, files: [], spellings: new Map([[name, count]]) };
}

describe('formatSuggestions (npm run people -- --suggest)', () => {
  it('agrees its verb with the number of names: 1 name matches, 2 names match', () => {
    expect(formatSuggestions([suggestion('Ivan Novak', 2)], 50)[0]).toBe('1 name in articles matches nobody in content/people/ (most frequent first):');
    expect(formatSuggestions([suggestion('Ivan Novak', 2), suggestion('Ana Kos', 1)], 50)[0]).toBe('2 names in articles match nobody in content/people/ (most frequent first):');
  });

  it('prints at most --limit names and says how many more there are', () => {
    const lines = formatSuggestions([suggestion('Ivan Novak', 2), suggestion('Ana Kos', 1)], 1);
    expect(lines).toEqual([
      '2 names in articles match nobody in content/people/ (most frequent first):',
      '      2  Ivan Novak  (1 article: Ivan Novak ×2)',
      '  … and 1 more (use --limit)',
    ]);
  });

  it('lists the articles under each name, and says when the base form could not be told', () => {
    const unsure: NameSuggestion = {
      name: 'Andreja Kuzmina',
      sure: false,
      alternatives: ['Andrej Kuzmin', 'Andreja Kuzmina'],
      count: 4,
      articles: 4,
      files: ['a.md', 'b.md', 'c.md', 'd.md'],
      spellings: new Map([['Andreja Kuzmina', 4]]),
    };
    expect(formatSuggestions([unsure], 50).slice(1)).toEqual([
      '      4  Andreja Kuzmina  (4 articles: Andreja Kuzmina ×4; base form unsure: Andrej Kuzmin or Andreja Kuzmina?, shown as written)',
      '         a.md, b.md, c.md and 1 more',
    ]);
  });
});
