import { splitByline, type BylineName } from '../content/byline.ts';
import type { Person } from '../content/person.ts';
import { slugify } from '../site/slug.ts';

export interface BylineAuthor extends BylineName {
  /** The registry person the name is, when that person has a page to link to. */
  person: Person | undefined;
}

/** Registry people with a page, by the slug of their name and of each alias; made once per site context. */
const namesByPeople = new WeakMap<ReadonlyMap<string, Person>, Map<string, Person>>();

function peopleByName(people: ReadonlyMap<string, Person>): Map<string, Person> {
  let byName = namesByPeople.get(people);
  if (byName) return byName;
  byName = new Map();
  for (const person of people.values()) {
    // A person known only from an article's people: list is a name, not someone the newsroom has a file on.
    if (person.file === undefined) continue;
    for (const name of [person.name, ...person.aliases]) {
      const key = slugify(name);
      if (key && !byName.has(key)) byName.set(key, person);
    }
  }
  namesByPeople.set(people, byName);
  return byName;
}

/**
 * The authors of a byline, each with the registry person it names. A name matches a person's full name or an
 * alias as a whole (compared as slugs, so case and diacritics do not matter), never a part of it: »Novak«
 * alone could be anyone. `people` is everyone with a page (SiteContext.people), so a link
 * never leads to a page the build did not write.
 */
export function bylineAuthors(byline: string, people: ReadonlyMap<string, Person>): BylineAuthor[] {
  const byName = peopleByName(people);
  return splitByline(byline).map((name) => ({ ...name, person: name.kind === 'person' ? byName.get(slugify(name.name)) : undefined }));
}
