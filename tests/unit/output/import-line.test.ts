import { describe, expect, it } from 'vitest';
import { importLine } from '../../../src/output/import-line.ts';

describe('importLine', () => {
  it.each([
    ["// gumb\nimport { gumb } from './nikjer.ts';\n", 2],
    ['import {\n  A,\n  B,\n} from "./nikjer.ts";\n', 4],
    ["import './nikjer.ts';\n", 1],
    ["const x = 1;\n\nconst m = await import('./nikjer.ts');\n", 3],
  ])('finds the import in %j at line %i', (source, line) => {
    expect(importLine(source, './nikjer.ts')).toBe(line);
  });

  it('takes the name as written, not a pattern, and finds nothing where no import names it', () => {
    expect(importLine("import x from './nikjerXts';\n", './nikjer.ts')).toBeUndefined();
    expect(importLine("const pot = './nikjer.ts';\n", './nikjer.ts')).toBeUndefined();
  });
});
