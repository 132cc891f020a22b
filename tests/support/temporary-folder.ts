import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Vitest global setup: the run's temporary folders all go into one folder, deleted when the run ends.
 * That holds for the tests' own folders and for those arhivar and the programs the tests start make in
 * the system's temporary folder, since all of them ask os.tmpdir(), which reads TMPDIR (TEMP and TMP on
 * Windows). Many tests make a folder and leave it: before, every `npm test` left about 70 folders and
 * 30 MB in /tmp.
 */
const VARIABLES = ['TMPDIR', 'TEMP', 'TMP'] as const;

export default function setup(): () => void {
  const runFolder = mkdtempSync(path.join(os.tmpdir(), 'arhivar-tests-'));
  const previous = VARIABLES.map((name) => process.env[name]);
  for (const name of VARIABLES) process.env[name] = runFolder;
  return () => {
    VARIABLES.forEach((name, index) => {
      const value = previous[index];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    });
    rmSync(runFolder, { recursive: true, force: true });
  };
}
