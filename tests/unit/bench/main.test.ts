import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { MAX_PEOPLE } from '../../../src/bench/generate.ts';
import { main } from '../../../src/bench/main.ts';
import { makeTempDir, PROJECT_ROOT } from '../../helpers.ts';

/** What main() writes to stderr and returns; none of these arguments may start a bench. */
async function runMain(argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  try {
    return { code: await main(argv), stderr, stdout };
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
}

describe('npm run bench: its command line', () => {
  it('prints its usage for --help and exits 0, as every arhivar command does', async () => {
    const { code, stdout } = await runMain(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('usage: npm run bench -- --articles N');
    expect(stdout).toContain('--keep');
  });

  it('answers a mistyped option with what is wrong and the usage, exit code 2, not a stack trace', async () => {
    const { code, stderr } = await runMain(['--article', '40']);
    expect(code).toBe(2);
    expect(stderr).toContain("'--article'");
    expect(stderr).toContain('usage: npm run bench -- --articles N');
  });

  it('refuses a value that is not a whole number with the same exit code', async () => {
    const { code, stderr } = await runMain(['--articles', 'abc']);
    expect(code).toBe(2);
    expect(stderr).toContain('--articles must be a whole number of at least 1');
  });

  it('refuses more people than the generator has names for, instead of drawing names for ever', async () => {
    // A process of its own: before, the bench printed "generating" and looped without end, so the limit
    // here only ends that loop for the test to fail; the refusal is at once.
    const temp = await makeTempDir('arhivar-bench-people-');
    onTestFinished(() => rm(temp, { recursive: true, force: true }));
    const bench = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'src', 'bench', 'main.js'), '--articles', '1', '--people', String(MAX_PEOPLE + 1)], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, TMPDIR: temp },
      encoding: 'utf8',
      timeout: 50_000,
      killSignal: 'SIGKILL',
    });
    expect(bench.status, bench.stderr).toBe(2);
    expect(bench.stderr).toContain(`--people must be at most ${MAX_PEOPLE.toLocaleString('en-US')}`);
    expect(readdirSync(temp)).toEqual([]);
  });
});
