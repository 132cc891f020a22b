import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { CACHE_DIR } from '../pipeline/cache.ts';
import { codeVersion } from '../pipeline/version.ts';

/**
 * Worker threads cannot use the tsx loader cheaply: registering it in a worker starts a loader thread that
 * every import goes through, about a second per worker. So the worker's TypeScript (with what it imports
 * from src/) is bundled once per arhivar version into one plain ES module under .cache/workers/, with
 * packages left as imports by absolute URL. The worker then starts as fast as plain Node code.
 */
const SOURCE_ROOT = fileURLToPath(new URL('..', import.meta.url));

const externalPackages: Plugin = {
  name: 'arhivar-external-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const resolved = import.meta.resolve(args.path, pathToFileURL(args.importer).href);
      return { path: resolved, external: true };
    });
  },
};

/** Returns the path of a plain JS bundle of `entry` (relative to src/), building it if needed. */
export async function compileWorker(root: string, entry: string): Promise<string> {
  const version = await codeVersion();
  const name = `${entry.replace(/[^a-z0-9]+/gi, '-')}-${version}.mjs`;
  const output = path.join(root, CACHE_DIR, 'workers', name);
  if (await readFile(output).then(() => true, () => false)) return output;
  const result = await build({
    entryPoints: [path.join(SOURCE_ROOT, entry)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [externalPackages],
  });
  await mkdir(path.dirname(output), { recursive: true });
  const temporary = `${output}.${process.pid}.tmp`;
  await writeFile(temporary, result.outputFiles[0]!.contents);
  await rename(temporary, output);
  return output;
}
