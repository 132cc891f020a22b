import { describe, expect, it } from 'vitest';
import { importedNames, importLine } from '../../../src/output/import-line.ts';

describe('importLine', () => {
  it.each([
    ["// gumb\nimport { gumb } from './nikjer.ts';\n", 2],
    ['import {\n  A,\n  B,\n} from "./nikjer.ts";\n', 4],
    ["import './nikjer.ts';\n", 1],
    ["const x = 1;\n\nconst m = await import('./nikjer.ts');\n", 3],
    ["// import { gumb } from './nikjer.ts';\n/* import './nikjer.ts'; */\nimport { gumb } from './nikjer.ts';\n", 3],
  ])('finds the import in %j at line %i', (source, line) => {
    expect(importLine(source, './nikjer.ts')).toBe(line);
  });

  it('takes the name as written, not a pattern, and finds nothing where no import names it', () => {
    expect(importLine("import x from './nikjerXts';\n", './nikjer.ts')).toBeUndefined();
    expect(importLine("const pot = './nikjer.ts';\n", './nikjer.ts')).toBeUndefined();
  });
});

describe('importedNames', () => {
  it.each([
    ["// gumb\nimport { gumb } from './drugo.ts';\n", 'gumb', [{ specifier: './drugo.ts', line: 2 }]],
    ['import {\n  A,\n  type B,\n  gumb as g,\n} from "./drugo";\n', 'gumb', [{ specifier: './drugo', line: 4 }]],
    ['import {\n  A,\n  type B,\n} from "./drugo";\n', 'B', [{ specifier: './drugo', line: 3 }]],
    ["import x, { y } from './a.ts';\nimport z from './b.ts';\n", 'default', [{ specifier: './a.ts', line: 1 }, { specifier: './b.ts', line: 2 }]],
    ["import { gumbek } from './a.ts';\nexport { gumb } from './b.ts';\n", 'gumb', [{ specifier: './b.ts', line: 2 }]],
    // A comment in the list hid the whole import; one commented out above took the line.
    ["import {\n  A, // prvi\n  /* drugi */ gumb,\n} from './drugo.ts';\n", 'gumb', [{ specifier: './drugo.ts', line: 3 }]],
    ["// import { gumb } from './drugo.ts';\nimport { gumb } from './drugo.ts';\n", 'gumb', [{ specifier: './drugo.ts', line: 2 }]],
    ["const pot = 'http://x/'; // import { gumb } from './a.ts'\nimport { gumb } from './drugo.ts';\n", 'gumb', [{ specifier: './drugo.ts', line: 2 }]],
  ])('finds in %j the name %s', (source, name, expected) => {
    expect(importedNames(source, name)).toEqual(expected);
  });

  it('finds no name that is only an alias, a namespace or a default binding of that spelling', () => {
    expect(importedNames("import { a as gumb } from './a.ts';\nimport * as gumb2 from './b.ts';\nimport gumb3 from './c.ts';\n", 'gumb')).toEqual([]);
  });
});
