import { describe, expect, it } from 'vitest';
import { ArhivarError } from '../../../src/errors.ts';
import { renderProblem } from '../../../src/render/render-problem.ts';

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

  it('leaves a problem arhivar already describes as it is', () => {
    const known = new ArhivarError({ code: 'article/bad-date', message: 'x' });
    expect(renderProblem(known, '/')).toBe(known);
  });
});
