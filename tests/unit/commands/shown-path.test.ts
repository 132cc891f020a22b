import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shownPath } from '../../../src/commands/shown-path.ts';

describe('shownPath', () => {
  // The tests run in the checkout, at least two folders below the root of the file system.
  const cwd = process.cwd();
  const parent = path.dirname(cwd);
  it.each([
    ['a file inside the working folder', path.join(cwd, 'prejeto', 'a.txt'), path.join('prejeto', 'a.txt')],
    ['the working folder', cwd, ''],
    ['a sibling folder', path.join(parent, 'arhiv'), path.join('..', 'arhiv')],
    ['a file near the root', path.join(path.parse(cwd).root, 'a.txt'), path.join(path.parse(cwd).root, 'a.txt')],
    ['a file far from the working folder', path.join(path.parse(cwd).root, 'srv', 'agencija', 'a.txt'), path.join(path.parse(cwd).root, 'srv', 'agencija', 'a.txt')],
  ])('%s', (_, file, shown) => {
    expect(shownPath(file)).toBe(shown);
  });
});
