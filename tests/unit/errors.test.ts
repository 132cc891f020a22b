import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError, systemProblem } from '../../src/errors.ts';

/** The error the system gives for `act`. */
function errorOf(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected the system to refuse');
}

describe('systemProblem', () => {
  it.skipIf(!existsSync('/dev/full'))('says plainly that the disk is full, what became of the work and what to do', () => {
    // Writing to /dev/full fails as a full disk does.
    const full = errorOf(() => writeFileSync('/dev/full', 'x'));
    const problem = systemProblem(full, '/projekt', 'the output folder holds a whole site');
    expect(problem).toBeDefined();
    expect(formatError(problem!)).toBe(
      [
        'system/disk-full',
        '  the disk is full (ENOSPC, write); the output folder holds a whole site',
        '  hint: free some space (or build on a disk with room) and run the command again',
      ].join('\n'),
    );
    expect(problem!.cause).toBe(full);
  });

  it('names the file relative to the project, and leaves other errors to be reported as unexpected', () => {
    const missing = errorOf(() => readFileSync('/projekt-ki-ga-ni/content/site.yaml'));
    expect(systemProblem(missing, '/projekt-ki-ga-ni')).toBeUndefined();
    expect(systemProblem(new Error('a bug'), '/projekt')).toBeUndefined();
    // A permission error as the system gives it (root, who runs the tests here, is never refused one).
    const denied = Object.assign(new Error("EACCES: permission denied, open '/projekt/dist/index.html'"), {
      code: 'EACCES',
      syscall: 'open',
      path: path.join('/projekt', 'dist', 'index.html'),
    });
    expect(systemProblem(denied, '/projekt')).toMatchObject({ code: 'system/no-permission', file: 'dist/index.html', message: 'permission denied (EACCES, open)' });
  });
});
