// One measured build in its own process, so the parent sees this process's wall time, CPU and peak RSS.
// Plain JS shim: it starts the TypeScript from its compiled bundle (see ../bin/code.js).
import { importSource } from '../bin/code.js';

const { runMeasuredBuild } = await importSource('bench/child.ts');
await runMeasuredBuild(process.argv.slice(2));
