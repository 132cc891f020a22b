import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers.ts';

// Templates are typed against the records: a template using a field that does not exist fails here.
it('passes tsc --noEmit', async () => {
  const tsc = path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', PROJECT_ROOT], { cwd: PROJECT_ROOT }).catch((error: { stdout?: string; code?: number }) => error);
  expect('stdout' in result ? result.stdout : '').toBe('');
}, 120_000);
