import { ArhivarError } from '../errors.ts';

/**
 * An exception a template threw while `url` was rendered, as a problem the build prints, instead of "arhivar
 * failed unexpectedly" with a stack through .cache/code/ bundles. The build runs bundled code, which has no
 * template lines; the dev server has them (dev/vite-plugin.ts, templateProblem), so the hint sends the
 * developer there. The component the stack names first is the one that threw.
 */
export function renderProblem(error: unknown, url: string): unknown {
  if (error instanceof ArhivarError || !(error instanceof Error)) return error;
  const component = /^\s*at (?:Object\.)?([A-Z][\w$]*) /m.exec(error.stack ?? '')?.[1];
  return new ArhivarError({
    code: 'template/failed',
    message: `${url}: ${error.name}: ${error.message}${component ? ` (in ${component})` : ''}`,
    hint: `a template threw while rendering this page; open ${url} in npm run dev to see the template's file and line (npm run typecheck names a field that does not exist), fix it and build again`,
    cause: error,
  });
}
