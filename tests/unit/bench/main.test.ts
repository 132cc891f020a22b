import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/bench/main.ts';

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
});
