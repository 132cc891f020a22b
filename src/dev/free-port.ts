import { createServer } from 'node:net';

/** Rejects with the system's error (EADDRINUSE, EACCES …) when `port` cannot be listened on at `host`. */
export function checkPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/**
 * The first port after `taken` that can be listened on at `host`, trying `tries` of them (a few milliseconds
 * each); undefined when none of them can. It is free now, not held: a hint suggests it, the server does not take it.
 */
export async function nextFreePort(taken: number, host: string, tries = 10): Promise<number | undefined> {
  for (let port = taken + 1; port <= Math.min(taken + tries, 65535); port++) {
    if (await checkPortFree(port, host).then(() => true, () => false)) return port;
  }
  return undefined;
}
