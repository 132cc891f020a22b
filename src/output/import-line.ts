/**
 * The 1-based line of the import that names `specifier` as written (`from './nikjer.ts'`, `import './x.css'`,
 * `import('./x.ts')`) in `source`, or undefined when there is none. Vite's loader names a missing import without a
 * line, and Rolldown's line is one of the code as transformed (TypeScript's types and comments taken out), so
 * the line to fix is found in the file as the developer wrote it.
 */
export function importLine(source: string, specifier: string): number | undefined {
  const escaped = specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = new RegExp(`(?:\\bfrom|\\bimport)\\s*\\(?\\s*(['"])${escaped}\\1`).exec(withoutComments(source));
  return at ? source.slice(0, at.index).split('\n').length : undefined;
}

/**
 * `source` with its comments blanked, keeping every line and column where it was: an import commented out above
 * the one that fails took its line, and a comment inside an import's braces hid the import. Strings are matched
 * too, and kept, so `'http://…'` starts no comment.
 */
function withoutComments(source: string): string {
  const token = /("(?:[^"\\\n]|\\[\s\S])*"|'(?:[^'\\\n]|\\[\s\S])*'|`(?:[^`\\]|\\[\s\S])*`)|\/\/[^\n]*|\/\*[\s\S]*?\*\//g;
  return source.replace(token, (match, kept: string | undefined) => kept ?? match.replace(/[^\n]/g, ' '));
}

/** A place in a script where it imports a name from another module, as importedNames finds it. */
export interface ImportedName {
  /** The module as written after `from`. */
  specifier: string;
  /** 1-based line of the name in the file as written. */
  line: number;
}

/**
 * Every place `source` imports `name` from another module as written: `gumb` of `import { gumb } from './drugo.ts'`
 * (also `{ type gumb }`, `{ gumb as g }` and `export { gumb } from …`), and `default` of `import gumb from …`, each
 * at the line of the name (comments left out). Rolldown's line for an import of a name the module does not export
 * is one of the code as transformed (TypeScript's types and comments taken out), so the line to fix is found here.
 */
export function importedNames(source: string, name: string): ImportedName[] {
  const found: ImportedName[] = [];
  const lineAt = (index: number) => source.slice(0, index).split('\n').length;
  for (const statement of withoutComments(source).matchAll(/\b(import|export)\s+(?:type\s+)?([\w$\s,{}*]*?)\s*\bfrom\s*(['"])([^'"\n]+)\3/g)) {
    const [, keyword, clause = '', , specifier = ''] = statement;
    const clauseAt = statement.index + statement[0].indexOf(clause, keyword!.length);
    const defaultBinding = keyword === 'import' ? /^[\w$]+/.exec(clause) : null;
    if (name === 'default' && defaultBinding && defaultBinding[0] !== 'type') found.push({ specifier, line: lineAt(clauseAt) });
    const braces = /\{([^}]*)\}/.exec(clause);
    if (!braces) continue;
    const listAt = clauseAt + braces.index + 1;
    for (const item of braces[1]!.matchAll(/(?:^|,)\s*(?:type\s+)?([\w$]+)/g)) {
      if (item[1] === name) found.push({ specifier, line: lineAt(listAt + item.index + item[0].length - name.length) });
    }
  }
  return found;
}
