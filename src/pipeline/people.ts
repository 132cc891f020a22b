import { createHash } from 'node:crypto';
import type { Person } from '../content/person.ts';
import type { SourceFile } from '../content/read.ts';
import type { WarnedFacts } from './body-warnings.ts';
import { readCacheFile, writeCacheFile } from './cache.ts';
import { contentCacheVersion } from './version.ts';

/**
 * The parsed person files and their rendered bios, kept in .cache/ with a hash of every person file, so a
 * rebuild whose content/people/ is unchanged neither parses 500 YAML headers nor renders 500 bios again
 * (about 150 ms). Only a registry without errors is kept; errors are found afresh every time.
 */
export interface StoredPeople {
  version: string;
  key: string;
  people: Person[];
  bios: Map<string, string>;
  /** What each bio's warnings are made from (pipeline/body-warnings.ts): given on every build. */
  bioFacts: Map<string, WarnedFacts>;
}

const FILE = 'people.bin';

/** Names the person files: their paths and texts, in order. */
export function peopleFilesKey(sources: readonly SourceFile[]): string {
  const hash = createHash('sha1');
  for (const source of sources) {
    if (source.hash !== undefined) hash.update(`${source.file}\0sha1:${source.hash}\0`);
    else hash.update(`${source.file}\0${source.text.length}\0`).update(source.text);
  }
  return hash.digest('base64url');
}

export async function readStoredPeople(root: string, key: string): Promise<StoredPeople | undefined> {
  const stored = await readCacheFile<StoredPeople>(root, FILE);
  return stored?.key === key && stored.version === (await contentCacheVersion()) && Array.isArray(stored.people) && stored.bioFacts instanceof Map ? stored : undefined;
}

export async function storePeople(root: string, stored: Omit<StoredPeople, 'version'>): Promise<void> {
  await writeCacheFile(root, FILE, { ...stored, version: await contentCacheVersion() } satisfies StoredPeople);
}
