import { ArhivarError } from '../errors.ts';
import type { Registry } from '../people/registry.ts';
import type { PersonEntry } from '../site/archive.ts';
import { nameKey } from '../site/slug.ts';
import { urls } from '../site/urls.ts';
import { outputRecordName, readCacheFile, writeCacheFile } from './cache.ts';

/**
 * Where each person's page has been published. A person's address is their file's name, so renaming the file
 * (a corrected slug, a changed surname) moves the page, and every link shared to it (and every feed reader
 * subscribed to its feed) then meets the 404 page. The build keeps, for each person page it published, the
 * file it was made from and the names the person went by, and warns (person/address-changed) about a page
 * gone whose person is still on the site under another address, by a name or alias they had there, until
 * that person's `redirectFrom:` lists it.
 *
 * A person is followed by their name, not by their file as articles are (pipeline/published-addresses.ts): a
 * renamed file is a new path, and a file kept is its own address still, whatever name it gives, so its path says
 * nothing the address does not. The record takes a kept file's new name, so a name changed in one build and the
 * file renamed in the next is still followed. A page gone with no person left of any name it had (the file
 * deleted, the last article naming them retracted, a changed surname with the old name kept nowhere) is said
 * nothing of, and forgotten: the build cannot tell a rename from a removal there, and a removal is on purpose.
 *
 * The record is kept in .cache/ per output folder, beside the article addresses, and is safe to delete.
 */
export interface PublishedPerson {
  /** The person file the page was made from; undefined for someone an article named who has no file. */
  file: string | undefined;
  /** The slugs of the name and aliases (as the registry looks people up). */
  names: readonly string[];
}

/** Person id (the last part of /osebe/<id>/) → whom its page was published for. */
export type PublishedPeople = ReadonlyMap<string, PublishedPerson>;

interface PeopleRecord {
  version: 1;
  target: string;
  people: Map<string, PublishedPerson>;
}

function recordName(target: string): string {
  return outputRecordName('person-addresses', target);
}

export async function readPublishedPeople(root: string, target: string): Promise<PublishedPeople | undefined> {
  const stored = await readCacheFile<PeopleRecord>(root, recordName(target));
  return stored?.version === 1 && stored.target === target && stored.people instanceof Map ? stored.people : undefined;
}

/** What loadSite found, and what the build records once it has published. */
export interface PeopleCheck {
  warnings: ArhivarError[];
  last: PublishedPeople | undefined;
  next: PublishedPeople;
}

/**
 * The warnings for `people` (every person with a page now) against the record of the last builds, and the
 * record after this build: every page now, and every old address still warned about or redirected from, so
 * a redirect taken out later is warned about again.
 */
export function checkPublishedPeople(last: PublishedPeople | undefined, people: readonly PersonEntry[], registry: Pick<Registry, 'redirects'>): PeopleCheck {
  const next = new Map<string, PublishedPerson>();
  const standing = new Set<string>();
  const byName = new Map<string, PersonEntry>();
  for (const entry of people) {
    const { person } = entry;
    // By nameKey, as bylines and the registry compare names: a name with no slug (محمود عباس) is its letters.
    const names = [...new Set([nameKey(person.name), ...person.aliases.map(nameKey)])].filter(Boolean);
    next.set(person.id, { file: person.file, names });
    standing.add(person.id);
    for (const from of person.redirectFrom ?? []) standing.add(from);
    // Only someone with a file can be given redirectFrom:, so only they are offered it.
    if (person.file !== undefined) for (const name of names) if (!byName.has(name)) byName.set(name, entry);
  }
  const lost = new Map<PersonEntry, string[]>();
  for (const [id, before] of last ?? []) {
    if (next.has(id)) continue;
    // Nobody of its names is left with a page: deleted, no longer named by an article, or renamed past knowing.
    const now = before.names.map((name) => byName.get(name)).find((entry) => entry !== undefined);
    if (!now) continue;
    next.set(id, before);
    if (!standing.has(id)) lost.set(now, [...(lost.get(now) ?? []), id]);
  }
  const warnings = [...lost].map(([entry, ids]) => addressChanged(entry, ids, registry));
  return { warnings, last, next };
}

function addressChanged({ person }: PersonEntry, lost: readonly string[], registry: Pick<Registry, 'redirects'>): ArhivarError {
  // Without the entries person/redirect-taken refuses (the person's own id, another file's, one another file redirects
  // from): the line the hint gives is then one the build accepts.
  const accepted = (person.redirectFrom ?? []).filter((from) => registry.redirects.get(from) === person.id);
  const redirectFrom = [...accepted, ...lost];
  const line = `redirectFrom: [${redirectFrom.join(', ')}]`;
  const pages = lost.map((id) => urls.person(id)).join(' and ');
  return new ArhivarError({
    code: 'person/address-changed',
    message: `${person.name}'s page was published at ${pages} and is now at ${urls.person(person.id)}; nothing stands at the old address any more, so links already shared, and the old feed, lead to the 404 page`,
    file: person.file,
    line: person.redirectFromLine ?? person.nameLine,
    hint: `${person.redirectFrom?.length ? 'change redirectFrom to' : 'add'} ${line}, which sends readers and search engines from the old address on to the new one and keeps the old feed`,
  });
}

/** After a build published the site: the record of its person pages, written only when it changed. */
export async function recordPublishedPeople(root: string, target: string, check: PeopleCheck): Promise<void> {
  if (samePeople(check.last, check.next)) return;
  await writeCacheFile(root, recordName(target), { version: 1, target, people: new Map(check.next) } satisfies PeopleRecord);
}

function samePeople(a: PublishedPeople | undefined, b: PublishedPeople): boolean {
  if (!a || a.size !== b.size) return false;
  for (const [id, person] of b) {
    const before = a.get(id);
    if (!before || before.file !== person.file || before.names.join('\0') !== person.names.join('\0')) return false;
  }
  return true;
}
