import path from 'node:path';
import type { ArhivarError } from '../errors.ts';
import { listMarkdownFiles, readSourceFile, CONTENT_DIR } from '../content/read.ts';
import { parsePerson, type Person } from '../content/person.ts';
import { buildRegistry, type Registry } from '../people/registry.ts';

/**
 * The people registry alone, for new and import: a broken article elsewhere must not stop them. `complete` is
 * false when a person file could not be read or has an error and is left out: the build then holds back its
 * »no person file« warnings (build.ts REGISTRY_WARNINGS), since the person may be the one left out.
 */
export async function readPeopleRegistry(root: string): Promise<{ registry: Registry; complete: boolean }> {
  const problems: ArhivarError[] = [];
  const files = await listMarkdownFiles(root, path.join(root, CONTENT_DIR, 'people'), problems);
  const people: Person[] = [];
  let complete = problems.length === 0;
  for (const absolute of files) {
    const source = await readSourceFile(root, absolute).catch(() => undefined);
    const parsed = source && parsePerson(source);
    if (parsed?.person) people.push(parsed.person);
    else complete = false;
  }
  const { registry, errors } = buildRegistry(people);
  return { registry, complete: complete && errors.length === 0 };
}
