import path from 'node:path';
import { compiledPath, PACKAGE_ROOT } from '../bin/code.js';
import { CACHE_DIR } from '../pipeline/cache.ts';

/**
 * Worker threads cannot use the tsx loader cheaply: registering it in a worker starts a loader thread that
 * every import goes through, about a second per worker. So the worker's TypeScript (with what it imports
 * from src/) is bundled once per arhivar version into one plain ES module, with packages left as imports by
 * absolute URL, and the worker starts as fast as plain Node code. The bundle goes where the commands' own
 * bundles go, arhivar's .cache/code/, so a site's first build (or one after its .cache/ was deleted) does not
 * wait for esbuild before it can start a worker; where arhivar's folder cannot be written to, into the
 * site's .cache/workers/.
 */
export async function compileWorker(root: string, entry: string): Promise<string> {
  try {
    return await compiledPath(entry, path.join(PACKAGE_ROOT, CACHE_DIR, 'code'));
  } catch {
    return compiledPath(entry, path.join(root, CACHE_DIR, 'workers'));
  }
}
