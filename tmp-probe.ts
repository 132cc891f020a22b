export {};
const { build } = await import('./src/build.ts');
const root = process.argv[2]!;
const timings = {};
const t = performance.now();
const r = await build({ root, timings, now: new Date('2026-06-01') });
console.log(performance.now() - t, timings, r.filesWritten, r.pagesRendered);
