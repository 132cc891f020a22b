import { ArhivarError } from '../errors.ts';

/**
 * An exception a template threw while `url` was rendered, as a problem the build prints, instead of "arhivar
 * failed unexpectedly" with a stack through .cache/code/ bundles. `at` is the template line it came from,
 * found through the bundle's source maps (output/template-line.ts); without it (no maps to read) the hint
 * sends the developer to the dev server, which shows the line (dev/vite-plugin.ts, templateProblem). The
 * component the stack names first is the one that threw.
 */
export function renderProblem(error: unknown, url: string, at?: { file: string; line: number }): unknown {
  if (error instanceof ArhivarError || !(error instanceof Error)) return error;
  const component = /^\s*at (?:Object\.)?([A-Z][\w$]*) /m.exec(error.stack ?? '')?.[1];
  return new ArhivarError({
    code: 'template/failed',
    message: `${url}: ${error.name}: ${error.message}${component ? ` (in ${component})` : ''}`,
    file: at?.file,
    line: at?.line,
    hint: at
      ? `a template threw at this line while rendering this page (npm run typecheck names a field that does not exist); fix it and build again, or open ${url} in npm run dev to see the whole stack`
      : `a template threw while rendering this page; open ${url} in npm run dev to see the template's file and line (npm run typecheck names a field that does not exist), fix it and build again`,
    cause: error,
  });
}
