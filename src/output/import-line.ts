/**
 * The 1-based line of the import that names `specifier` as written (`from './nikjer.ts'`, `import './x.css'`,
 * `import('./x.ts')`) in `source`, or undefined when there is none. Vite's loader names a missing import without a
 * line, and Rolldown's line is one of the code as transformed (TypeScript's types and comments taken out), so
 * the line to fix is found in the file as the developer wrote it.
 */
export function importLine(source: string, specifier: string): number | undefined {
  const escaped = specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = new RegExp(`(?:\\bfrom|\\bimport)\\s*\\(?\\s*(['"])${escaped}\\1`).exec(source);
  return at ? source.slice(0, at.index).split('\n').length : undefined;
}
