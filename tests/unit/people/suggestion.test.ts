import { describe, expect, it } from 'vitest';
import type { Person } from '../../../src/content/person.ts';
import { testPerson } from '../../helpers/person.ts';
import { buildRegistry } from '../../../src/people/registry.ts';
import { namesInOneEntry, suggestPerson } from '../../../src/people/suggestion.ts';

function person(id: string, name: string, extra: Partial<Person> = {}): Person {
  return testPerson(name, { id, ...extra });
}

const { registry } = buildRegistry([
  person('kiril-dmitrijev', 'Kiril Dmitrijev'),
  person('vladimir-putin', 'Vladimir Putin'),
  person('steve-witkoff', 'Steve Witkoff'),
  person('kaja-kallas', 'Kaja Kallas'),
  person('vincent-van-gogh', 'Vincent van Gogh'),
  person('janez-novak', 'Janez Novak'),
  person('ana-novak', 'Ana Novak'),
  person('volodimir-zelenski', 'Volodimir Zelenski'),
]);

const suggested = (name: string) => {
  const suggestion = suggestPerson(registry, name);
  return suggestion && [suggestion.person.id, suggestion.why];
};

describe('suggestPerson: the registry person a name in people: that matches nobody probably means', () => {
  it.each([
    // Copied from the text, declined: every word a case form of the person's name.
    ['Kirilom Dmitrijevim', 'kiril-dmitrijev', 'form'],
    ['Vladimirja Putina', 'vladimir-putin', 'form'],
    ['Vladimir Putina', 'vladimir-putin', 'form'],
    ['kirilu dmitrijevu', 'kiril-dmitrijev', 'form'],
    ['Kaje Kallas', 'kaja-kallas', 'form'],
    ['Vincenta van Gogha', 'vincent-van-gogh', 'form'],
    // Surname first, as in an index.
    ['Witkoff Steve', 'steve-witkoff', 'order'],
    ['Dmitrijevim Kirilom', 'kiril-dmitrijev', 'order'],
    // The surname alone, in any case, when one person has it.
    ['Putin', 'vladimir-putin', 'surname'],
    ['Dmitrijeva', 'kiril-dmitrijev', 'surname'],
    // A typo.
    ['Steve Witkof', 'steve-witkoff', 'spelling'],
    ['Kiril Dmitriev', 'kiril-dmitrijev', 'spelling'],
    ['Witkof', 'steve-witkoff', 'spelling'],
    // Two neighbouring letters swapped, the typo of fast typing, is one typo as on the link check and in search.
    ['Witkfof', 'steve-witkoff', 'spelling'],
    // Another transliteration of a Cyrillic name: y for i and a final j are one sound, not typos, and four of them
    // (Volodymyr Zelenskyj) were farther than a typo may be.
    ['Volodymyr Zelenskyj', 'volodimir-zelenski', 'spelling'],
    ['Volodymyr Zelensky', 'volodimir-zelenski', 'spelling'],
    // The surname alone in another transliteration is one of its forms: news writes Zelenskyj as often as Zelenski.
    ['Zelenskyj', 'volodimir-zelenski', 'surname'],
  ])('%s → %s (%s)', (name, id, why) => {
    expect(suggested(name)).toEqual([id, why]);
  });

  it.each([
    // Two people share the surname: no guess.
    'Novak',
    // Another first name before a registry surname is someone else (SLOVENIAN.md: Ivan Novak is not Janez).
    'Ivan Novak',
    'Marija Neznana',
    'Putinova Rusija',
  ])('suggests nobody for %s', (name) => {
    expect(suggested(name)).toBeUndefined();
  });

  // Every build makes every article's record again, and an archive imported with people: lists but few person
  // files names the same unknown people in thousands of articles: comparing each with every form of every
  // registry name (0.2 ms a name at 500 people, 3 ms at 2,000) added seconds to a build of under two.
  it('works a name out once per registry, however many articles list it', () => {
    const first = suggestPerson(registry, 'Steve Witkof');
    expect(first?.person.id).toBe('steve-witkoff');
    expect(suggestPerson(registry, 'Steve Witkof')).toBe(first);
    const other = buildRegistry([person('steve-witkoff', 'Steve Witkoff')]).registry;
    expect(suggestPerson(other, 'Steve Witkof')).not.toBe(first);
  });
});

describe('namesInOneEntry: the names one people: entry joins', () => {
  const { registry } = buildRegistry([
    person('kiril-dmitrijev', 'Kiril Dmitrijev'),
    person('steve-witkoff', 'Steve Witkoff'),
    person('janez-novak', 'Janez Novak'),
    person('ana-novak', 'Ana Novak'),
    person('madonna', 'Madonna Louise Ciccone', { aliases: ['Madonna'] }),
  ]);

  it.each([
    ['Steve Witkoff in Jared Kushner', ['Steve Witkoff', 'Jared Kushner']],
    ['Kiril Dmitrijev, Ana Kos', ['Kiril Dmitrijev', 'Ana Kos']],
    // A part of one word is a name when it is a registry person's name or alias.
    ['Steve Witkoff; Madonna', ['Steve Witkoff', 'Madonna Louise Ciccone']],
    ['Ana Kos in Vincent van Gogh, Janez Novak', ['Ana Kos', 'Vincent van Gogh', 'Janez Novak']],
    ['Janez Novak & Ana Novak', ['Janez Novak', 'Ana Novak']],
  ])('%s → %j', (entry, names) => {
    expect(namesInOneEntry(registry, entry)).toEqual(names);
  });

  it.each([
    // A title, degree or organisation after a comma is no second person: the entry is one person's name.
    'Janez Novak, PhD',
    'Janez Novak, MBA',
    'Janez Novak, DDS',
    'Janez Novak, dr. med.',
    'Janez Novak, Dr. Med.',
    'Kiril Dmitrijev, RDIF',
    'Steve Witkoff in Trump',
    'Janez Novak, ml.',
    // No part a registry person's.
    'Ana Kos in Bor Zupan',
  ])('%s is one entry', (entry) => {
    expect(namesInOneEntry(registry, entry)).toBeUndefined();
  });
});
