import { splitByline, type BylineName } from '../content/byline.ts';
import type { Person } from '../content/person.ts';
import { nameKey } from './slug.ts';

/** Registry people by the key of their name and of each alias (nameKey); made once per map of people. */
const namesByPeople = new WeakMap<ReadonlyMap<string, Person>, Map<string, Person>>();

/**
 * `people` by the names a byline may give them. Only people with a file in content/people/: a person known
 * only from an article's people: list is a name, not someone the newsroom has a file on. Names and aliases
 * are one person's each (the registry refuses a second, person/duplicate), so the order of `people` does not
 * decide who a name is.
 */
export function peopleByName(people: ReadonlyMap<string, Person>): Map<string, Person> {
  let byName = namesByPeople.get(people);
  if (byName) return byName;
  byName = new Map();
  for (const person of people.values()) {
    if (person.file === undefined) continue;
    for (const name of [person.name, ...person.aliases]) {
      const key = nameKey(name);
      if (key && !byName.has(key)) byName.set(key, person);
    }
  }
  namesByPeople.set(people, byName);
  return byName;
}

/**
 * The person a byline name is: one whose full name or alias it is as a whole (compared as slugs, so case and
 * diacritics do not matter, or as nameKey compares a name with none), never a part of it: »Novak« alone could be
 * anyone. A name the byline reads as an agency may still be a person with a file: »ANA NOVAK« in capitals looks like »RTV SLO«, and the file says who
 * it is. The newsroom is the site's, never a person.
 */
export function bylinePerson(name: Readonly<BylineName>, byName: ReadonlyMap<string, Person>): Person | undefined {
  return name.kind === 'newsroom' ? undefined : byName.get(nameKey(name.name));
}

/** The registry people a byline names as its authors, each once, in the byline's order. */
export function bylinePeople(byline: string, people: ReadonlyMap<string, Person>): Person[] {
  const byName = peopleByName(people);
  const found: Person[] = [];
  for (const name of splitByline(byline)) {
    const person = bylinePerson(name, byName);
    if (person && !found.includes(person)) found.push(person);
  }
  return found;
}
