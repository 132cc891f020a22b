import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, removeDir, startDevProcess, waitFor } from '../helpers.ts';

describe('arhivar dev stopped by a signal', () => {
  // SIGTERM is what a process manager, `kill`, `timeout` or an editor's task runner sends. Vite stops a
  // server on it by itself: it closed the server under the dev session (Vite's »Error when evaluating SSR
  // module … transport was disconnected« when a page module was loading) and ended the process at once with 143.
  it.each(['SIGINT', 'SIGTERM'] as const)('%s after an edit stops the server with exit code 0 and prints nothing', async (signal) => {
    const root = await copyFixture('archive-basic');
    try {
      const { output, exited, kill } = startDevProcess(root);
      const loads = () => output.stdout.split('\n').filter((line) => line.startsWith('loaded ')).length;
      await waitFor(() => loads() === 1, 'the first load');
      await appendFile(path.join(root, 'content/articles/2025/prvi.md'), '\nŠe en odstavek.\n');
      await waitFor(() => loads() === 2, 'the load after the edit');
      kill(signal);
      expect(await exited).toBe(0);
      expect(output.stderr).toBe('');
    } finally {
      await removeDir(root);
    }
  });
});
