import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '../../../src/bin/code.js';
import { PROJECT_ROOT } from '../../helpers.ts';

const BIN = path.join(PROJECT_ROOT, 'src/bin/arhivar.js');

describe('the Node options arhivar runs with (NODE_FLAGS)', () => {
  it('are passed by every npm script that starts the command', async () => {
    const { scripts } = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const starting = Object.entries(scripts).filter(([, command]) => command.includes('src/bin/arhivar.js'));
    expect(starting.map(([name]) => name)).toEqual(expect.arrayContaining(['build', 'dev', 'check']));
    for (const [name, command] of starting) expect([name, command]).toEqual([name, `node ${NODE_FLAGS.join(' ')} src/bin/arhivar.js ${name}`]);
  });

  it('are on the first line of the bin, which runs as a program of its own', async () => {
    const firstLine = (await readFile(BIN, 'utf8')).split('\n')[0];
    expect(firstLine).toBe(`#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`);
    // Started through that line, as `npx arhivar` does: env must split the options off from "node".
    const { stdout } = await promisify(execFile)(BIN, ['--help'], { cwd: PROJECT_ROOT });
    expect(stdout).toMatch(/^arhivar: a static news-archive generator/);
  });
});
