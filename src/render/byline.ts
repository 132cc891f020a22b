import { splitByline, type BylineName } from '../content/byline.ts';
import type { Person } from '../content/person.ts';
import { bylinePerson, peopleByName } from '../site/byline-people.ts';

export interface BylineAuthor extends BylineName {
  /** The registry person the name is, when that person has a page to link to. */
  person: Person | undefined;
}

/**
 * The authors of a byline, each with the registry person it names (site/byline-people.ts). `people` is
 * everyone with a page (SiteContext.people), so a link never leads to a page the build did not write; a
 * registry person a published byline names always has one (site/archive.ts collectArchive).
 */
export function bylineAuthors(byline: string, people: ReadonlyMap<string, Person>): BylineAuthor[] {
  const byName = peopleByName(people);
  return splitByline(byline).map((name) => ({ ...name, person: bylinePerson(name, byName) }));
}

/**
 * The authors of a byline for structured data and feeds, each once: a byline that names someone twice (»Ana
 * Novak in A. Novak« is two names, but »Uredništvo, Ana Novak, uredništvo« names the newsroom twice) gives one
 * entry each, the first. The page shows the byline as written.
 */
export function distinctBylineAuthors(byline: string, people: ReadonlyMap<string, Person>): BylineAuthor[] {
  const seen = new Set<string>();
  return bylineAuthors(byline, people).filter((author) => {
    const key = author.person ? `person:${author.person.id}` : author.kind === 'newsroom' ? 'newsroom' : `name:${author.name.toLocaleLowerCase('sl')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
