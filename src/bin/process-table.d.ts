// Types of process-table.js, which is plain JavaScript because code.js loads it before any TypeScript.
export declare function processExists(pid: number): boolean;
export declare function processStartedAt(pid: number, bootedAt: number): number | undefined;
export declare function madeByRunningProcess(pid: number, madeMs: number, bootedAt: number): boolean;
