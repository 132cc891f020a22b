import type { Person } from '../../src/content/person.ts';

/**
 * A registry person as parsePerson makes them, for unit tests of what reads the registry (detection,
 * suggestions): the id is the name without diacritics, the file content/people/<id>.md, changed by `overrides`.
 * One place, so a field added to Person is added to every test's people at once.
 */
export function testPerson(name: string, overrides: Partial<Person> = {}): Person {
  const id = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z]+/g, '-');
  return { id, name, aliases: [], role: undefined, gender: undefined, detect: true, bio: '', file: `content/people/${overrides.id ?? id}.md`, ...overrides };
}
