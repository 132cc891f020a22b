import { describe, expect, it } from 'vitest';
import { ArhivarError } from '../../../src/errors.ts';
import { loadProblem, renderProblem } from '../../../src/render/render-problem.ts';

function PersonPage(props: { aliases?: string[] }): string {
  return props.aliases!.join(', ');
}

describe('renderProblem', () => {
  it('turns a template exception into a problem naming the page, the error and the component', () => {
    let thrown: unknown;
    try {
      PersonPage({});
    } catch (error) {
      thrown = error;
    }
    const problem = renderProblem(thrown, '/osebe/steve-witkoff/');
    expect(problem).toBeInstanceOf(ArhivarError);
    const { code, message, hint, cause } = problem as ArhivarError;
    expect(code).toBe('template/failed');
    expect(message).toMatch(/^\/osebe\/steve-witkoff\/: TypeError: .*join.* \(in PersonPage\)$/);
    expect(hint).toContain('npm run dev');
    expect(cause).toBe(thrown);
  });

  it('names the template line when the build found it, and no longer sends the developer to look for it', () => {
    const problem = renderProblem(new TypeError('x'), '/osebe/steve-witkoff/', { file: 'templates/person.tsx', line: 23 }) as ArhivarError;
    expect([problem.code, problem.file, problem.line]).toEqual(['template/failed', 'templates/person.tsx', 23]);
    expect(problem.hint).toMatch(/^a template threw at this line/);
    expect(problem.hint).not.toContain("template's file and line");
  });

  it('says a name used without its import is what to fix, not a field, when a template throws a ReferenceError', () => {
    let thrown: unknown;
    try {
      // As V8 words it for a component a template uses without importing it.
      new Function('return DateLine;')();
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toBe('DateLine is not defined');
    const atLine = renderProblem(thrown, '/2025/12/02/clanek/', { file: 'templates/article.tsx', line: 50 }) as ArhivarError;
    const unmapped = renderProblem(thrown, '/2025/12/02/clanek/') as ArhivarError;
    for (const problem of [atLine, unmapped]) {
      expect(problem.hint).toContain('DateLine');
      expect(problem.hint).toMatch(/import it/);
      expect(problem.hint).not.toContain('field');
    }
    expect(unmapped.hint).toContain('open /2025/12/02/clanek/ in npm run dev');
    // A field that does not exist keeps its hint.
    expect((renderProblem(new TypeError("Cannot read properties of undefined (reading 'join')"), '/', { file: 'templates/article.tsx', line: 50 }) as ArhivarError).hint).toContain('field');
  });

  it("says why fetch failed, from the error's cause, where the message alone said only »fetch failed«", async () => {
    // Port 1 is one fetch refuses itself (a »bad port«), so no connection is tried and the cause is always the same.
    const failed = (await fetch('http://127.0.0.1:1/').catch((error: unknown) => error)) as Error;
    expect(failed.message).toBe('fetch failed');
    const at = { file: 'templates/layout.tsx', line: 4 };
    expect((loadProblem(failed, at) as ArhivarError).message).toBe('TypeError: fetch failed (cause: bad port) (while the templates were loaded)');
    expect((renderProblem(failed, '/', at) as ArhivarError).message).toBe('/: TypeError: fetch failed (cause: bad port)');
  });

  it('sends the developer to the page under the path the site is served at, where npm run dev shows it (baseUrl under /arhiv/)', () => {
    const unmapped = renderProblem(new TypeError('x'), '/osebe/steve-witkoff/', undefined, '/arhiv/') as ArhivarError;
    expect(unmapped.message).toBe('/osebe/steve-witkoff/: TypeError: x');
    expect(unmapped.hint).toContain('open /arhiv/osebe/steve-witkoff/ in npm run dev');
    const atLine = renderProblem(new TypeError('x'), '/', { file: 'templates/index.tsx', line: 3 }, '/arhiv/') as ArhivarError;
    expect(atLine.hint).toContain('open /arhiv/ in npm run dev to see the whole stack');
    let thrown: unknown;
    try {
      new Function('return DateLine;')();
    } catch (error) {
      thrown = error;
    }
    expect((renderProblem(thrown, '/2025/12/02/clanek/', undefined, '/arhiv/') as ArhivarError).hint).toContain('open /arhiv/2025/12/02/clanek/ in npm run dev');
  });

  it('leaves a problem arhivar already describes as it is', () => {
    const known = new ArhivarError({ code: 'article/bad-date', message: 'x' });
    expect(renderProblem(known, '/')).toBe(known);
  });
});
