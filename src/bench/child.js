// One measured build in its own process, so the parent sees this process's wall time, CPU and peak RSS.
// Plain JS shim: tsx must be registered before any TypeScript is imported.
import { register } from 'tsx/esm/api';

register();
const { runMeasuredBuild } = await import('./child.ts');
await runMeasuredBuild(process.argv.slice(2));
