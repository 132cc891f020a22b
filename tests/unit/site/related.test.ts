import { describe, expect, it } from 'vitest';
import { findRelated, type RelatedInput } from '../../../src/site/related.ts';

interface Item extends RelatedInput {
  name: string;
}

let day = 0;
function item(name: string, people: string[], tags: string[], date?: string): Item {
  day++;
  return { name, people, tags: tags.map((slug) => ({ slug })), date: { instant: new Date(date ?? Date.UTC(2025, 0, day)) } };
}

function relatedNames(items: Item[], options?: Parameters<typeof findRelated>[1]): Record<string, string[]> {
  const related = findRelated(items, options);
  return Object.fromEntries(items.map((entry, index) => [entry.name, related[index]!.map((other) => items[other]!.name)]));
}

describe('findRelated', () => {
  it('ranks a shared rare person above a shared common tag', () => {
    const items = [
      item('a', ['usakov'], ['rusija']),
      item('b', ['usakov'], []),
      item('c', [], ['rusija']),
      item('d', [], ['rusija']),
      item('e', [], ['rusija']),
    ];
    // a shares the rare person with b (df 2) and the common tag with c, d, e (df 4).
    expect(relatedNames(items).a).toEqual(['b', 'e', 'd', 'c']);
  });

  it('puts the newer article first when scores tie', () => {
    const items = [
      item('old', [], ['ukrajina'], '2024-01-01T00:00:00Z'),
      item('subject', [], ['ukrajina'], '2024-06-01T00:00:00Z'),
      item('new', [], ['ukrajina'], '2025-01-01T00:00:00Z'),
    ];
    expect(relatedNames(items).subject).toEqual(['new', 'old']);
  });

  it('adds the weights of every shared feature', () => {
    const items = [
      item('subject', ['witkoff', 'kushner'], ['zda']),
      item('one-person', ['witkoff'], []),
      item('two-people', ['witkoff', 'kushner'], []),
      item('tag-only', [], ['zda']),
      item('filler1', [], ['zda']),
      item('filler2', [], ['zda']),
    ];
    // witkoff is on 3 articles, zda on 4: the person weighs more; equal scores go newest first.
    expect(relatedNames(items).subject).toEqual(['two-people', 'one-person', 'filler2', 'filler1', 'tag-only']);
  });

  it('never relates an article to itself or to articles sharing nothing', () => {
    const items = [item('a', ['x'], []), item('b', ['y'], []), item('c', ['x'], [])];
    const names = relatedNames(items);
    expect(names.a).toEqual(['c']);
    expect(names.b).toEqual([]);
  });

  it('returns at most `limit` articles', () => {
    const items = Array.from({ length: 12 }, (_, index) => item(`n${index}`, [], ['common']));
    const related = findRelated(items);
    expect(related.every((list) => list.length === 5)).toBe(true);
    expect(findRelated(items, { limit: 2 })[0]).toHaveLength(2);
    expect(findRelated(items, { limit: 0 })[0]).toEqual([]);
  });

  it('reads only the time window of a long inverted list', () => {
    // 30 articles on one tag, one per day; with window 2 the middle article only sees its neighbours.
    const items = Array.from({ length: 30 }, (_, index) => item(`d${index}`, [], ['common'], new Date(Date.UTC(2025, 0, index + 1)).toISOString()));
    const related = findRelated(items, { window: 2, limit: 10 });
    expect(related[15]!.map((index) => items[index]!.name)).toEqual(['d17', 'd16', 'd14', 'd13']);
  });

  it('finds the rare overlap inside a large archive', () => {
    const items: Item[] = [];
    for (let index = 0; index < 3000; index++) items.push(item(`filler${index}`, [], ['common', `t${index % 50}`]));
    items.push(item('pair-a', ['rare'], ['common']));
    items.push(item('pair-b', ['rare'], ['common']));
    const related = findRelated(items);
    expect(items[related[3000]![0]!]!.name).toBe('pair-b');
    expect(items[related[3001]![0]!]!.name).toBe('pair-a');
  });
});
