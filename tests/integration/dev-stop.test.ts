import { spawn } from 'node:child_process';
import { appendFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processExists } from '../../src/process.ts';
import { build } from '../../src/build.ts';
import { copyFixture, PROJECT_ROOT, removeDir, startDevProcess, waitFor } from '../helpers.ts';

describe('arhivar dev stopped by a signal', () => {
  // SIGTERM is what a process manager, `kill`, `timeout` or an editor's task runner sends. Vite stops a
  // server on it by itself: it closed the server under the dev session (Vite's »Error when evaluating SSR
  // module … transport was disconnected« when a page module was loading) and ended the process at once with 143.
  // SIGHUP is what it gets when the terminal it runs in is closed: it ended at once, leaving the reader file of its
  // open log in .cache/ (pipeline/blob-log.ts), which holds back the erasures of every later build while a process
  // that is given its id runs.
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s after an edit stops the server with exit code 0, prints nothing and leaves no reader file', async (signal) => {
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
      expect((await readdir(path.join(root, '.cache'))).filter((name) => name.endsWith('.reader'))).toEqual([]);
    } finally {
      await removeDir(root);
    }
  });
});

describe('arhivar dev whose parent process ends', () => {
  // npm run (11.19 on Linux) answers SIGTERM by ending the shell it ran the script in, and exits: the server,
  // the shell's child, went on, orphaned, on its port. A shell that runs the command and waits stands in for npm,
  // with the variable npm run sets.
  it('stops by itself, as on SIGTERM, and says why', async () => {
    const root = await copyFixture('archive-basic');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(PROJECT_ROOT, 'src', 'bin', 'arhivar.js'))} dev --root ${JSON.stringify(root)} --port 0 & echo "pid $!"; wait`;
    const shell = spawn('sh', ['-c', command], { cwd: PROJECT_ROOT, env: { ...process.env, npm_lifecycle_event: 'dev' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = { stdout: '', stderr: '' };
    shell.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
    shell.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
    let pid: number | undefined;
    try {
      await waitFor(() => /^loaded /m.test(output.stdout), 'the first load');
      pid = Number(/^pid (\d+)$/m.exec(output.stdout)![1]);
      shell.kill('SIGTERM');
      await waitFor(() => !processExists(pid!), 'the server to stop after its parent ended');
      expect(output.stderr).toMatch(/^the process that started arhivar \(pid \d+\) has ended, so arhivar stops as on Ctrl\+C\n$/);
    } finally {
      if (pid !== undefined && processExists(pid)) process.kill(pid, 'SIGKILL');
      await removeDir(root);
    }
  });
});

describe('arhivar preview started in the background by a script that then ends', () => {
  // `node src/bin/arhivar.js preview &` (or with nohup) in a start script that exits is meant to run on, as it did
  // before arhivar watched its parent; only a server npm run started stops with it. Both are started by one shell,
  // which is ended: once the one of npm run has seen it and stopped, the other has had as long, and a second more.
  it('runs on, while one started by npm run stops', async () => {
    const root = await copyFixture('archive-basic');
    const env = { ...process.env };
    delete env.npm_lifecycle_event;
    const preview = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(PROJECT_ROOT, 'src', 'bin', 'arhivar.js'))} preview --root ${JSON.stringify(root)} --port 0`;
    const command = `${preview} & echo "script $!"; npm_lifecycle_event=preview ${preview} & echo "npm $!"; wait`;
    let pids: number[] = [];
    try {
      await build({ root });
      const shell = spawn('sh', ['-c', command], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const output = { stdout: '', stderr: '' };
      shell.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
      shell.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
      await waitFor(() => output.stdout.split('\n').filter((line) => line.startsWith('arhivar preview: serving ')).length === 2, 'both servers');
      const script = Number(/^script (\d+)$/m.exec(output.stdout)![1]);
      const npm = Number(/^npm (\d+)$/m.exec(output.stdout)![1]);
      pids = [script, npm];
      shell.kill('SIGTERM');
      await waitFor(() => !processExists(npm), 'the server npm run started to stop after its parent ended');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(processExists(script)).toBe(true);
      expect(output.stderr.match(/has ended, so arhivar stops/g)).toHaveLength(1);
    } finally {
      for (const pid of pids) if (processExists(pid)) process.kill(pid, 'SIGKILL');
      await removeDir(root);
    }
  });
});
