import path from 'node:path';
import { compiledPath, PACKAGE_ROOT } from '../bin/code.js';
import { CACHE_DIR } from '../pipeline/cache.ts';

/**
 * Worker threads cannot use the tsx loader cheaply: registering it in a worker starts a loader thread that
 * every import goes through, about a second per worker. So the worker's TypeScript, with what it imports
 * from src/ and the packages it uses, is bundled once per arhivar version into one plain ES module: a
 * worker is then ready about 60 ms after it is started (160 ms with the packages loaded as modules of their
 * own, on an idle machine). The bundle goes where the commands' own
 * bundles go, arhivar's .cache/code/, so a site's first build (or one after its .cache/ was deleted) does not
 * wait for esbuild before it can start a worker; where arhivar's folder cannot be written to, into the
 * site's .cache/workers/. (`packageCache` is for tests.)
 */
export async function compileWorker(root: string, entry: string, packageCache = path.join(PACKAGE_ROOT, CACHE_DIR, 'code')): Promise<string> {
  try {
    return await compiledPath(entry, packageCache, { packages: 'bundle' });
  } catch {
    return compiledPath(entry, path.join(root, CACHE_DIR, 'workers'), { packages: 'bundle' });
  }
}
