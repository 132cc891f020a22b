import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A hash of arhivar itself: package.json, the lock file and every file under src/ and templates/ of the
 * installed package. Anything cached under .cache/ is keyed by it, so upgrading arhivar (or editing its
 * code in a checkout) never serves output made by other code.
 */
const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let cached: Promise<string> | undefined;

export function codeVersion(): Promise<string> {
  cached ??= computeCodeVersion();
  return cached;
}

async function computeCodeVersion(): Promise<string> {
  const hash = createHash('sha256');
  const files = ['package.json', 'package-lock.json'];
  for (const directory of ['src', 'templates']) {
    const entries = await readdir(path.join(PACKAGE_ROOT, directory), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (entry.isFile()) files.push(path.relative(PACKAGE_ROOT, path.join(entry.parentPath, entry.name)));
    }
  }
  files.sort();
  const contents = await Promise.all(files.map((file) => readFile(path.join(PACKAGE_ROOT, file)).catch(() => undefined)));
  files.forEach((file, index) => {
    const bytes = contents[index];
    if (!bytes) return;
    hash.update(`${file}\0${bytes.length}\0`);
    hash.update(bytes);
  });
  return hash.digest('hex').slice(0, 16);
}
