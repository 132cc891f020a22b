// Types of code.js, which is plain JavaScript because the command-line entry points load it before any TypeScript.
import type { EsbuildMessage } from './jsx-syntax.d.ts';

export declare const PACKAGE_ROOT: string;
export declare const NODE_FLAGS: readonly string[];
export declare function codeVersion(): Promise<string>;
export declare function contentCacheVersion(): Promise<string>;
export declare function bundleVersion(): Promise<string>;
export declare function templateFreeBundleVersion(): Promise<string>;
export interface BundleOptions {
  /** 'external' (default): packages stay imports by absolute URL; 'bundle': they go into the bundle. */
  packages?: 'external' | 'bundle';
}
export declare function bundleSource(entry: string, options?: BundleOptions, outdir?: string): Promise<{ name: string; contents: Uint8Array }[]>;
export declare function compiledPath(entry: string, folder: string, options?: BundleOptions): Promise<string>;
export declare function importSource(entry: string): Promise<unknown>;
export declare class SourceSyntaxError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]);
}
/** A problem of arhivar's own code or templates that esbuild found as it bundled them (syntaxProblems). */
export interface SourceProblem {
  code: string;
  message: string;
  /** Relative to the package. */
  file: string;
  line: number;
  hint: string;
}
export declare function syntaxProblems(error: unknown, readSource?: (file: string) => string | undefined, parse?: (text: string) => EsbuildMessage[]): string[] | undefined;
export declare function sourceProblems(error: unknown, readSource?: (file: string) => string | undefined, parse?: (text: string) => EsbuildMessage[]): SourceProblem[] | undefined;
export declare function formatSourceProblem(problem: SourceProblem): string;
export declare function fileSyntaxProblems(file: string, readSource?: (file: string) => string | undefined): SourceProblem[] | undefined;
export declare function exportsOf(text: string): { named: string[]; hasDefault: boolean; defaultName: string | undefined };
export declare function missingExportHint(source: string, name: string, text: string | undefined): string;
export declare function packageName(specifier: string): string;
/**
 * What an import of a package comes to (resolvePackageImport): the URL of its file, the package that is not installed,
 * the import a package's "exports" does not list, the import of a file a package without "exports" does not have, or
 * an import that is not there for another reason (a name npm refuses, a target its package.json may not name).
 */
export type PackageImport = { url: string } | { notInstalled: string } | { notExported: string } | { noPackageFile: string } | { unresolved: string };
export declare function resolvePackageImport(specifier: string, importer: string): Promise<PackageImport>;
/** The conditions Node's options give: `--conditions=name`, `--conditions name` and `-C name`. */
export declare function userConditions(args: readonly string[]): string[];
/** NODE_OPTIONS as Node splits it into options: at spaces, a "…" keeping them, a backslash in it escaping. */
export declare function nodeOptionsArgs(text: string): string[];
export declare function packageImportHint(resolved: PackageImport): string | undefined;
export declare function notInstalledHint(name: string): string;
export declare function notExportedHint(specifier: string): string;
export declare function noPackageFileHint(specifier: string): string;
/** An import of a stylesheet (`import './kolofon.css'`), which neither the build nor the dev server publishes. */
export declare const STYLESHEET_IMPORT: RegExp;
export declare function stylesheetImportMessage(specifier: string): string;
export declare function stylesheetImportHint(specifier: string, importer: string): string;
