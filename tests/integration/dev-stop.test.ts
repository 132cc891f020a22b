import { spawn } from 'node:child_process';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, PROJECT_ROOT, removeDir } from '../helpers.ts';

/** Polls until `condition` holds: the server's output comes as it works. */
async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('arhivar dev stopped by a signal', () => {
  // SIGTERM is what a process manager, `kill`, `timeout` or an editor's task runner sends. Vite stops a
  // server on it by itself: it closed the server under the dev session (Vite's »Error when evaluating SSR
  // module … transport was disconnected« when a page module was loading) and ended the process at once with 143.
  it.each(['SIGINT', 'SIGTERM'] as const)('%s after an edit stops the server with exit code 0 and prints nothing', async (signal) => {
    const root = await copyFixture('archive-basic');
    try {
      const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'src', 'bin', 'arhivar.js'), 'dev', '--root', root, '--port', '0'], {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const loads = () => stdout.split('\n').filter((line) => line.startsWith('loaded ')).length;
      await waitFor(() => loads() === 1, 'the first load');
      await appendFile(path.join(root, 'content/articles/2025/prvi.md'), '\nŠe en odstavek.\n');
      await waitFor(() => loads() === 2, 'the load after the edit');
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(stderr).toBe('');
    } finally {
      await removeDir(root);
    }
  });
});
