// Types of code.js, which is plain JavaScript because the command-line entry points load it before any TypeScript.
export declare const PACKAGE_ROOT: string;
export declare const NODE_FLAGS: readonly string[];
export declare function codeVersion(): Promise<string>;
export declare function bundleSource(entry: string): Promise<{ name: string; contents: Uint8Array }[]>;
export declare function compiledPath(entry: string, folder: string): Promise<string>;
export declare function importSource(entry: string): Promise<unknown>;
