import { slugify } from '../site/slug.ts';
import { detectPeople, type Detection, type PeopleDetector } from './detect.ts';
import { findPerson, type Registry } from './registry.ts';
import { joinArticleText, type ArticleText } from './article-text.ts';

export interface TaggedPeople {
  /** Explicit people first, then detected ones in order of first appearance; minus notPeople. */
  people: string[];
  mentionCounts: Map<string, number>;
  detection: Detection | undefined;
  /** notPeople names that match nobody in the registry (probably misspelt). */
  unknownNotPeople: string[];
}

/** article.people = explicit ∪ detected − notPeople. Without a detector (detectPeople: false) only the explicit list. */
export function tagArticlePeople(
  detector: PeopleDetector | undefined,
  registry: Registry,
  explicit: readonly string[],
  notPeople: readonly string[],
  article: ArticleText,
): TaggedPeople {
  const detection = detector ? detectPeople(detector, joinArticleText(article).text) : undefined;
  return { ...combineArticlePeople(detection, registry, explicit, notPeople), detection };
}

/** The same from people already detected (by a worker thread or an earlier build, see pipeline/markdown.ts). */
export function combineArticlePeople(
  detected: Pick<Detection, 'people' | 'counts'> | undefined,
  registry: Registry,
  explicit: readonly string[],
  notPeople: readonly string[],
): Omit<TaggedPeople, 'detection'> {
  const excluded = new Set<string>();
  const unknownNotPeople: string[] = [];
  for (const name of notPeople) {
    const person = findPerson(registry, name);
    if (!person) unknownNotPeople.push(name);
    excluded.add(person?.id ?? slugify(name));
  }
  const people: string[] = [];
  for (const id of [...explicit, ...(detected?.people ?? [])]) if (!excluded.has(id) && !people.includes(id)) people.push(id);
  const mentionCounts = new Map<string, number>();
  for (const id of people) mentionCounts.set(id, detected?.counts.get(id) ?? 0);
  return { people, mentionCounts, unknownNotPeople };
}
