import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArhivarError, ContentErrors, describeError, formatError, hintsOnce, systemProblem, withProblems } from '../../src/errors.ts';
import { validateArticle } from '../../src/content/article.ts';

/** The error the system gives for `act`. */
function errorOf(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected the system to refuse');
}

describe('describeError', () => {
  const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });

  it('adds what the causes say, as Node\'s fetch keeps its reason there', () => {
    expect(describeError(new TypeError('fetch failed', { cause: refused('127.0.0.1:8080') }))).toBe('TypeError: fetch failed (cause: connect ECONNREFUSED 127.0.0.1:8080)');
    const nested = new Error('vremenska napoved ni dosegljiva', { cause: new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND vreme.example') }) });
    expect(describeError(nested)).toBe('Error: vremenska napoved ni dosegljiva (cause: fetch failed; getaddrinfo ENOTFOUND vreme.example)');
  });

  it('reads the errors of a cause that has no message of its own, one tried on each address of a host', () => {
    const each = new AggregateError([refused('::1:8080'), refused('127.0.0.1:8080')]);
    expect(describeError(new TypeError('fetch failed', { cause: each }))).toBe('TypeError: fetch failed (cause: connect ECONNREFUSED ::1:8080, connect ECONNREFUSED 127.0.0.1:8080)');
    expect(describeError(new TypeError('fetch failed', { cause: Object.assign(new AggregateError([]), { code: 'ECONNREFUSED' }) }))).toBe('TypeError: fetch failed (cause: ECONNREFUSED)');
  });

  it('is the name and the message alone without a cause, and ends at a cause met before', () => {
    expect(describeError(new RangeError('x'))).toBe('RangeError: x');
    expect(describeError('niz')).toBe('niz');
    const loop = new Error('a');
    loop.cause = new Error('b', { cause: loop });
    expect(describeError(loop)).toBe('Error: a (cause: b)');
  });
});

describe('systemProblem', () => {
  it.skipIf(!existsSync('/dev/full'))('says plainly that the disk is full, what became of the work and what to do', () => {
    // Writing to /dev/full fails as a full disk does.
    const full = errorOf(() => writeFileSync('/dev/full', 'x'));
    const problem = systemProblem(full, '/projekt', { outcome: 'the output folder holds a whole site' });
    expect(problem).toBeDefined();
    expect(formatError(problem!)).toBe(
      [
        'system/disk-full',
        '  the disk is full (ENOSPC, write); the output folder holds a whole site',
        '  hint: free some space (or build on a disk with room) and run the command again',
      ].join('\n'),
    );
    expect(problem!.cause).toBe(full);
  });

  it('names the file relative to the project, and leaves other errors to be reported as unexpected', () => {
    const missing = errorOf(() => readFileSync('/projekt-ki-ga-ni/content/site.yaml'));
    expect(systemProblem(missing, '/projekt-ki-ga-ni')).toBeUndefined();
    expect(systemProblem(new Error('a bug'), '/projekt')).toBeUndefined();
    // A permission error as the system gives it (root, who runs the tests here, is never refused one).
    const denied = Object.assign(new Error("EACCES: permission denied, open '/projekt/dist/index.html'"), {
      code: 'EACCES',
      syscall: 'open',
      path: path.join('/projekt', 'dist', 'index.html'),
    });
    expect(systemProblem(denied, '/projekt')).toMatchObject({ code: 'system/no-permission', file: 'dist/index.html', message: 'permission denied (EACCES, open)' });
  });

  it('gives the line to type to serve on another port, when the command gives it, for a port that is taken', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as AddressInfo).port;
    const second = createServer();
    try {
      // The error Node gives for a port another program listens on, with its address and port.
      const taken = await new Promise<unknown>((resolve) => second.once('error', resolve).listen(port, '127.0.0.1'));
      const problem = systemProblem(taken, '/projekt', { onAnotherPort: `npm run preview -- --port ${port + 1}` });
      expect(problem).toMatchObject({ code: 'system/port-taken', message: `127.0.0.1:${port} is already in use (EADDRINUSE, listen)` });
      expect(problem!.hint).toBe(
        `stop the program that uses it (an arhivar dev or preview still running in another terminal?), or serve on another port: npm run preview -- --port ${port + 1}`,
      );
    } finally {
      holder.close();
    }
  });
});

describe('withProblems', () => {
  const problem = (code: string, file: string) => new ArhivarError({ code, file, message: code });
  const link = problem('public/symlink-outside', 'public/geslo.txt');
  const date = problem('article/bad-date', 'content/articles/a.md');
  const warning = problem('article/image-without-alt', 'content/articles/b.md');

  it('adds the problems to those of a load, sorted by file, and keeps its warnings', () => {
    const merged = withProblems(new ContentErrors([date], [warning]), [link]);
    expect(merged).toBeInstanceOf(ContentErrors);
    expect((merged as ContentErrors).errors).toEqual([date, link]);
    expect((merged as ContentErrors).warnings).toEqual([warning]);
    const single = withProblems(problem('template/failed', 'templates/article.tsx'), [link]) as ContentErrors;
    expect(single.errors.map((error) => error.file)).toEqual(['public/geslo.txt', 'templates/article.tsx']);
  });

  it('leaves a failure that is no problem of the archive, and an error with nothing to add, as they are', () => {
    const failure = new Error('EIO');
    expect(withProblems(failure, [link])).toBe(failure);
    const errors = new ContentErrors([date], [warning]);
    expect(withProblems(errors, [])).toBe(errors);
  });
});

describe('hintsOnce', () => {
  const problem = (code: string, file: string | undefined, hint: string | undefined) => new ArhivarError({ code, message: `${code} in ${file}`, file, line: 3, hint });

  it('keeps a hint that only looks alike: another code, or a problem with no file to point back to', () => {
    const printed = hintsOnce([
      problem('article/bad-date', 'a.md', 'write 2025-12-22'),
      problem('article/bad-updated', 'b.md', 'write 2025-12-22'),
      problem('site/bad', undefined, 'write 2025-12-22'),
      problem('site/bad', undefined, 'write 2025-12-22'),
      problem('article/bad-date', 'c.md', 'write 2025-12-22 '),
      problem('article/bad-date', 'd.md', undefined),
    ]);
    expect(printed.map((each) => each.hint)).toEqual(['write 2025-12-22', 'write 2025-12-22', 'write 2025-12-22', 'write 2025-12-22', 'write 2025-12-22 ', undefined]);
  });

  it('points the second and later to the first, with their own message, file and line', () => {
    const printed = hintsOnce([problem('article/bad-date', 'a.md', 'write 2025-12-22'), problem('article/bad-date', 'b.md', 'write 2025-12-22')]);
    expect(formatError(printed[1]!)).toBe('b.md:3  article/bad-date\n  article/bad-date in b.md\n  hint: as for a.md above');
  });
});

describe('formatError and control characters from content', () => {
  it('shows escape sequences in a key and a date as text, never sends them to the terminal', () => {
    // YAML's double-quoted \e and \a are ESC and BEL: clear the screen, set the window title.
    const text = '---\ntitle: A\ndate: "2025-12-22\\e[2J"\n"klju\\e]0;vdor\\ač": 1\n---\n\nBesedilo.\n';
    const { errors } = validateArticle({ file: 'content/articles/a.md', text, mtimeMs: 0 });
    const printed = errors.map(formatError).join('\n\n');
    expect(errors.map((error) => error.code).sort()).toEqual(['article/bad-date', 'article/unknown-key']);
    expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(printed).toContain('"2025-12-22\\x1b[2J"');
    expect(printed).toContain('unknown key "klju\\x1b]0;vdor\\x07č"');
  });

  it('keeps the line breaks of the report and shows those inside a value, tabs and text direction overrides', () => {
    const error = new ArhivarError({ code: 'article/x', file: 'content/a\u202eb.md', line: 2, message: 'ena\ndva\tin \u009b31m', hint: 'tri' });
    expect(formatError(error)).toBe(['content/a\\u202eb.md:2  article/x', '  ena\\ndva\\tin \\x9b31m', '  hint: tri'].join('\n'));
  });
});
