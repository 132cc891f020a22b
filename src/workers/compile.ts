import path from 'node:path';
import { compiledPath } from '../bin/code.js';
import { CACHE_DIR } from '../pipeline/cache.ts';

/**
 * Worker threads cannot use the tsx loader cheaply: registering it in a worker starts a loader thread that
 * every import goes through, about a second per worker. So the worker's TypeScript (with what it imports
 * from src/) is bundled once per arhivar version into one plain ES module under the site's .cache/workers/,
 * with packages left as imports by absolute URL. The worker then starts as fast as plain Node code.
 */
export async function compileWorker(root: string, entry: string): Promise<string> {
  return compiledPath(entry, path.join(root, CACHE_DIR, 'workers'));
}
