import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Person } from '../content/person.ts';
import type { SourceFile } from '../content/read.ts';
import { CACHE_DIR } from './cache.ts';
import { codeVersion } from './version.ts';

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
}

const FILE = 'people.bin';

/** Names the person files: their paths and texts, in order. */
export function peopleFilesKey(sources: readonly SourceFile[]): string {
  const hash = createHash('sha1');
  for (const source of sources) hash.update(`${source.file}\0${source.text.length}\0`).update(source.text);
  return hash.digest('base64url');
}

export async function readStoredPeople(root: string, key: string): Promise<StoredPeople | undefined> {
  const bytes = await readFile(path.join(root, CACHE_DIR, FILE)).catch(() => undefined);
  if (!bytes) return undefined;
  try {
    const stored = deserialize(bytes) as StoredPeople;
    return stored.key === key && stored.version === (await codeVersion()) && Array.isArray(stored.people) ? stored : undefined;
  } catch {
    return undefined;
  }
}

export async function storePeople(root: string, stored: Omit<StoredPeople, 'version'>): Promise<void> {
  const file = path.join(root, CACHE_DIR, FILE);
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, serialize({ ...stored, version: await codeVersion() } satisfies StoredPeople));
  await rename(temporary, file);
}
