import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { copyFixture, removeDir, startDevProcess, waitFor } from '../helpers.ts';

/**
 * What a process holds in mappings of 256 MiB and more, in MiB: on Linux, V8 and glibc's malloc map their memory
 * in smaller pieces, mimalloc (Vite's Rust side, in @rolldown/binding-*) in arenas of 1 GiB.
 */
async function residentInLargeMappings(pid: number): Promise<number> {
  let kb = 0;
  let large = false;
  for (const line of (await readFile(`/proc/${pid}/smaps`, 'utf8')).split('\n')) {
    const mapping = /^([0-9a-f]+)-([0-9a-f]+) /.exec(line);
    if (mapping) large = Number.parseInt(mapping[2]!, 16) - Number.parseInt(mapping[1]!, 16) >= 256 * 2 ** 20;
    else if (large && line.startsWith('Rss:')) kb += Number(line.split(/\s+/)[1]);
  }
  return kb / 1024;
}

// With mimalloc's default, each arena it reserved was committed whole at once, and what Oxc touched while it
// transformed the templates stayed resident for the session: 82 MiB of a dev session's 500 at 10,000 articles,
// and as much on a site of two articles (README, "Where the memory goes").
it.runIf(existsSync('/proc/self/smaps'))('arhivar dev does not keep what Vite’s Rust side touched while loading the templates resident', async () => {
  const root = await copyFixture('archive-basic');
  const dev = startDevProcess(root);
  try {
    await waitFor(() => /^loaded /m.test(dev.output.stdout), 'the first load');
    const url = /serving (http:\/\/\S+)/.exec(dev.output.stdout)![1]!;
    // Any page but the home page waits for the page module, which Vite loads through Oxc.
    expect((await fetch(new URL('osebe/', url))).status).toBe(200);
    expect(await residentInLargeMappings(dev.pid)).toBeLessThan(16);
  } finally {
    dev.kill('SIGINT');
    await dev.exited;
    await removeDir(root);
  }
});
