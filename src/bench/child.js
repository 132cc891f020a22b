// One measured build in its own process, so the parent sees this process's wall time, CPU and peak RSS.
// Plain JS shim: tsx must be registered before any TypeScript is imported.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// arhivar's own tsconfig (JSX through Preact), whatever folder the command runs in.
register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const { runMeasuredBuild } = await import('./child.ts');
await runMeasuredBuild(process.argv.slice(2));
