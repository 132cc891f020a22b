import { describe, expect, it } from 'vitest';
import { comparePeople, surnameSortKey } from '../../../src/site/archive.ts';
import type { Person } from '../../../src/content/person.ts';

function person(name: string, surname?: string): Person {
  return { id: name.toLowerCase().replace(/\s+/g, '-'), name, surname, aliases: [], role: undefined, gender: undefined, detect: true, bio: '', file: undefined };
}

describe('the people index order', () => {
  it('sorts by the last word of the name unless the person file names the surname', () => {
    expect(surnameSortKey('Steve Witkoff')).toEqual(['Witkoff', 'Steve']);
    expect(surnameSortKey('Nataša Pirc Musar', 'Pirc Musar')).toEqual(['Pirc Musar', 'Nataša']);
    expect(surnameSortKey('Xi Jinping', 'Xi')).toEqual(['Xi', 'Jinping']);
  });

  it('puts a two-word surname under its first word and a surname written first under itself', () => {
    const people = [person('Nataša Pirc Musar', 'Pirc Musar'), person('Jared Kushner'), person('Xi Jinping', 'Xi'), person('Benjamin Netanjahu'), person('Janez Jinping')];
    expect(people.sort(comparePeople).map((p) => p.name)).toEqual(['Janez Jinping', 'Jared Kushner', 'Benjamin Netanjahu', 'Nataša Pirc Musar', 'Xi Jinping']);
  });
});
