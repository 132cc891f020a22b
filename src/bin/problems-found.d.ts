// Types of problems-found.js, which is plain JavaScript because the command line's entry point loads it before any TypeScript.
export declare function problemsFoundLine(count: number, command: string | undefined): string;
