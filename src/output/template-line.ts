import { readdir, readFile } from 'node:fs/promises';
import { SourceMap, type SourceMapPayload } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../bin/code.js';
import { emptyPageComponent } from '../render/render-problem.ts';

/** A line of a template, `file` relative to arhivar's folder (`templates/person.tsx`). */
export interface TemplateLine {
  file: string;
  line: number;
}

/**
 * A stack frame's file (a path, or a file: URL as ES modules are named), line and column. A module's top-level
 * await is named »at async file:///…«, with no function and no parentheses: an error made in Node (a fetch
 * refused) has that as its only frame in a template.
 */
const STACK_FRAME = /^\s*at (?:async )?(?:.*\()?((?:file:\/\/)?\/[^()]+):(\d+):(\d+)\)?$/;

/**
 * The template line `error` was thrown from, for a build: it runs bundled code (bin/code.js), whose stack
 * names bundle lines only. The first frame that is in `templates`, or that the source map beside its bundled
 * module maps there, is the line: a frame in Preact or in arhivar's src/ is passed over for the template
 * that called it, which is the one to fix. Called only once a page has failed, so a build that succeeds
 * reads no map (and Node reads none while it runs: there is no `--enable-source-maps`). Undefined when no
 * frame leads into `templates` (no maps beside the bundle, or an error thrown outside any template).
 */
export async function findTemplateLine(error: unknown, templates = path.join(PACKAGE_ROOT, 'templates')): Promise<TemplateLine | undefined> {
  if (!(error instanceof Error)) return undefined;
  const empty = emptyPageComponent(error);
  if (empty !== undefined) return findComponentDeclaration(empty, [path.dirname(templates)]);
  const maps = new Map<string, Promise<SourceMap | undefined>>();
  for (const frame of (error.stack ?? '').split('\n')) {
    const match = STACK_FRAME.exec(frame);
    if (!match) continue;
    const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    const at = await originalPosition(file, Number(match[2]), Number(match[3]), maps);
    if (!at) continue;
    const relative = path.relative(templates, at.file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
    return { file: path.relative(PACKAGE_ROOT, at.file).split(path.sep).join('/'), line: at.line };
  }
  return undefined;
}

/** Where a position in `file` (1-based line and column, as stacks give them) comes from: through `file`.map when it has one. */
async function originalPosition(file: string, line: number, column: number, maps: Map<string, Promise<SourceMap | undefined>>): Promise<{ file: string; line: number } | undefined> {
  if (!file.endsWith('.mjs')) return { file, line };
  const mapFile = `${file}.map`;
  let map = maps.get(mapFile);
  if (!map) {
    map = readSourceMap(mapFile);
    maps.set(mapFile, map);
  }
  const entry = (await map)?.findEntry(line - 1, column - 1);
  if (!entry || !('originalSource' in entry)) return undefined;
  // The map names its sources relative to itself.
  return { file: fileURLToPath(new URL(entry.originalSource, pathToFileURL(mapFile))), line: entry.originalLine + 1 };
}

/** A module's map, or undefined when it has none (a module outside arhivar's bundles) or it cannot be read. */
async function readSourceMap(file: string): Promise<SourceMap | undefined> {
  try {
    return new SourceMap(JSON.parse(await readFile(file, 'utf8')) as SourceMapPayload);
  } catch {
    return undefined;
  }
}

/**
 * The line of a `templates/` folder of `roots` that declares the component `name` (`export function PersonPage(`,
 * `export const PersonPage =`), relative to that root, for a page that rendered nothing, which no stack leads to.
 * esbuild renames a function whose name another module of the bundle also declares (`PersonPage2`), so a name not
 * found is looked for again without its trailing digits.
 */
export async function findComponentDeclaration(name: string, roots: readonly string[]): Promise<TemplateLine | undefined> {
  for (const candidate of [...new Set([name, name.replace(/\d+$/, '')])]) {
    if (!/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(candidate)) continue;
    const declaration = new RegExp(`^\\s*(?:export\\s+(?:default\\s+)?)?(?:(?:async\\s+)?function\\s+|(?:const|let|var)\\s+)${candidate.replaceAll('$', '\\$')}(?![\\p{L}\\p{N}_$])`, 'u');
    for (const root of roots) {
      const templates = path.join(root, 'templates');
      const files = await readdir(templates, { recursive: true }).catch(() => [] as string[]);
      for (const file of files.filter((name) => /\.[jt]sx?$/.test(name) && !name.split(path.sep).includes('node_modules')).sort()) {
        const lines = (await readFile(path.join(templates, file), 'utf8').catch(() => '')).split('\n');
        const index = lines.findIndex((line) => declaration.test(line));
        if (index >= 0) return { file: path.relative(root, path.join(templates, file)).split(path.sep).join('/'), line: index + 1 };
      }
    }
  }
  return undefined;
}
