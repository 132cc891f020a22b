import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ArticleSource } from '../../../src/content/article.ts';
import { createLoadCache } from '../../../src/load-cache.ts';
import { beforeHandOver, BodyRenderer, renderArticleBodies, startMarkdownWorkers } from '../../../src/pipeline/markdown.ts';
import type { Person } from '../../../src/content/person.ts';
import type { ArticleTaskResult, MarkdownPool } from '../../../src/workers/markdown-pool.ts';
import { makeTempDir } from '../../helpers.ts';

const source = (file: string, body: string) => ({ file, body, bodyLine: 5 }) as unknown as ArticleSource;
const articles = [source('content/articles/a.md', 'Prvi **članek** o Witkoffu.\n'), source('content/articles/b.md', 'Drugi članek.\n')];

describe('renderArticleBodies and where the bodies stay', () => {
  it('with bodiesOnDisk, reads each body from .cache/ when asked, and not after close()', async () => {
    const root = await makeTempDir();
    const result = await renderArticleBodies(articles, { root, workers: 1, bodiesOnDisk: true });
    expect(result.bodies[0]?.html).toBe('<p>Prvi <strong>članek</strong> o Witkoffu.</p>\n');
    expect(result.bodies[1]?.text).toBe('Drugi članek.');
    result.close();
    expect(() => result.bodies[0]?.html).toThrow(/closed/);

    // A second run reads them from the log it left, again only when asked.
    const again = await renderArticleBodies(articles, { root, workers: 1, bodiesOnDisk: true });
    expect(again.bodies[0]?.defaultSummary).toBe('Prvi članek o Witkoffu.');
    expect(again.bodies[0]?.html).toBe('<p>Prvi <strong>članek</strong> o Witkoffu.</p>\n');
    again.close();
  });

  it('without it, holds the bodies: they stay readable after close()', async () => {
    const root = await makeTempDir();
    await renderArticleBodies(articles, { root, workers: 1 });
    // The second run's bodies come from .cache/ and are read into memory as they are found.
    const result = await renderArticleBodies(articles, { root, workers: 1 });
    result.close();
    expect(result.bodies.map((body) => body?.text)).toEqual(['Prvi članek o Witkoffu.', 'Drugi članek.']);
  });

  it('keeps one log open for a dev session across loads, and close() of a load leaves it open', async () => {
    const root = await makeTempDir();
    const session = createLoadCache();
    const first = await renderArticleBodies(articles, { root, workers: 1, session, reuse: session.markdown });
    first.close();
    const log = session.bodies;
    expect(log).toBeDefined();

    const edited = [articles[0]!, source('content/articles/b.md', 'Drugi članek, popravljen.\n')];
    const second = await renderArticleBodies(edited, { root, workers: 1, session, reuse: session.markdown });
    second.close();
    expect(session.bodies).toBe(log);
    expect(first.bodies[1]?.text).toBe('Drugi članek.');
    expect(second.bodies.map((body) => body?.text)).toEqual(['Prvi članek o Witkoffu.', 'Drugi članek, popravljen.']);
    // The session's bodies are read from that log: once the session closes it, they cannot be.
    log!.close();
    expect(() => second.bodies[1]?.html).toThrow(/closed/);
  });

  it('with bodiesOnDisk, lets go of the bytes the workers sent once .cache/ holds them, and keeps them without it', async () => {
    for (const bodiesOnDisk of [true, false]) {
      const root = await makeTempDir();
      // The pool's own results, as the renderer receives them (the pool is real: only its answers are recorded).
      const started = startMarkdownWorkers({ root, workers: 1 });
      const received: Promise<ArticleTaskResult>[] = [];
      const pool: MarkdownPool = await started;
      const submit = pool.submit.bind(pool);
      vi.spyOn(pool, 'submit').mockImplementation((work) => {
        const submitted = submit(work);
        received.push(submitted.result);
        return submitted;
      });
      const renderer = await BodyRenderer.open({ root, workers: 1, bodiesOnDisk, started });
      for (const article of articles) renderer.add(article);
      expect(renderer.sent).toBe(2);
      const result = await renderer.finish();
      const sizes = (await Promise.all(received)).map(({ rendered }) => [rendered!.html.byteLength, rendered!.text.byteLength]);
      expect(sizes.flat().every((size) => size === 0)).toBe(bodiesOnDisk);
      expect(result.bodies.map((body) => body?.text)).toEqual(['Prvi članek o Witkoffu.', 'Drugi članek.']);
      result.close();
      // Taken from .cache/ the next time: none is sent.
      const again = await BodyRenderer.open({ root, workers: 1, bodiesOnDisk: true });
      for (const article of articles) again.add(article);
      expect(again.sent).toBe(0);
      (await again.finish()).close();
    }
  });

  it('roomFor resolves once no more than the given number of added bodies wait for a worker', async () => {
    const root = await makeTempDir();
    const session = createLoadCache();
    const renderer = await BodyRenderer.open({ root, workers: 1, cache: false, reuse: session.markdown });
    const many = Array.from({ length: 6 }, (_, n) => source(`content/articles/c${n}.md`, `Članek številka ${n}.\n`));
    for (const article of many) renderer.add(article);
    // Nothing is rendered yet (the worker has not even started), so there is room for six but not for five.
    expect(session.markdown.size).toBe(0);
    await renderer.roomFor(6);
    expect(session.markdown.size).toBe(0);
    await renderer.roomFor(2);
    expect(session.markdown.size).toBeGreaterThanOrEqual(4);
    await renderer.roomFor(0);
    expect(session.markdown.size).toBe(6);
    const result = await renderer.finish();
    expect(result.bodies.map((body) => body?.text)).toEqual(many.map((_, n) => `Članek številka ${n}.`));
  });
});

describe('BodyRenderer.preview: the newest page rendered before validation', () => {
  // A dev server stopped right after its early home page kept none of that page's bodies (the load had added
  // no article yet), and validation rendered each of them a second time.
  it('keeps what it renders in .cache/, for the article added next and for a load stopped before that', async () => {
    const root = await makeTempDir();
    const renderer = await BodyRenderer.open({ root, workers: 1 });
    expect((await renderer.preview(articles[0]!))?.body.html).toBe('<p>Prvi <strong>članek</strong> o Witkoffu.</p>\n');
    await renderer.stop();
    await renderer.finish().catch(() => undefined);
    expect((await readdir(path.join(root, '.cache'))).filter((name) => /^markdown-.*\.log$/.test(name))).toHaveLength(1);

    const session = createLoadCache();
    const again = await BodyRenderer.open({ root, workers: 1, reuse: session.markdown });
    again.add(articles[0]!);
    // Found in .cache/ as it is added: nothing is left to render.
    expect(session.markdown.size).toBe(1);
    (await again.finish()).close();
  });
});

describe('startMarkdownWorkers: the workers started before content/ is read', () => {
  it('starts every worker when .cache/ holds no rendered bodies of this version, and one when it does', async () => {
    const root = await makeTempDir();
    const cold = await startMarkdownWorkers({ root, workers: 2 });
    expect(cold.size).toBe(2);
    // Every article will be detected: the workers build the whole registry's detector at once.
    expect(cold.wholeRegistry).toBe(true);
    await cold.close();
    const uncached = await startMarkdownWorkers({ root, workers: 2, cache: false });
    expect(uncached.size).toBe(2);
    await uncached.close();

    (await renderArticleBodies(articles, { root, workers: 1 })).close();
    // An earlier build left its bodies: a rebuild renders only what changed, and one worker is enough to start with.
    const warm = await startMarkdownWorkers({ root, workers: 2 });
    expect(warm.size).toBe(1);
    // A rebuild detects the edited articles only: the workers build the people those could name.
    expect(warm.wholeRegistry).toBe(false);
    await warm.close();
  });

  it('detect the same people whether they build the whole registry at setup (cold) or as texts need them', async () => {
    const root = await makeTempDir();
    const people: Person[] = [
      { id: 'steve-witkoff', name: 'Steve Witkoff', aliases: [], role: undefined, gender: 'm', detect: true, bio: '', file: 'content/people/steve-witkoff.md' },
      { id: 'kiril-dmitrijev', name: 'Kiril Dmitrijev', aliases: [], role: undefined, gender: 'm', detect: true, bio: '', file: 'content/people/kiril-dmitrijev.md' },
    ];
    const texts = ['Witkoff se je z Dmitrijevim sestal na Floridi.', 'Dmitrijeva je Witkoff povabil v Miami.', 'Brez imen.'];
    const sources = texts.map((body, i) => ({ ...articles[0]!, file: `content/articles/a${i}.md`, body, title: 'Naslov', frontMatter: {} }) as unknown as ArticleSource);
    const detectedWith = async (warm: boolean) => {
      const site = await makeTempDir();
      if (warm) (await renderArticleBodies(articles, { root: site, workers: 1 })).close();
      const started = startMarkdownWorkers({ root: site, workers: 1 });
      expect((await started).wholeRegistry).toBe(!warm);
      const result = await renderArticleBodies(sources, { root: site, workers: 1, detect: { people }, started });
      result.close();
      return result.detected.map((found) => found?.people);
    };
    const whole = await detectedWith(false);
    expect(whole).toEqual([['steve-witkoff', 'kiril-dmitrijev'], ['kiril-dmitrijev', 'steve-witkoff'], []]);
    expect(await detectedWith(true)).toEqual(whole);
  });

  it('are taken over by the renderer, which gives them the registry to detect people with', async () => {
    const root = await makeTempDir();
    const people: Person[] = [{ id: 'steve-witkoff', name: 'Steve Witkoff', aliases: [], role: undefined, gender: 'm', detect: true, bio: '', file: 'content/people/steve-witkoff.md' }];
    const withTitle = articles.map((article) => ({ ...article, title: 'Naslov', frontMatter: {} }) as unknown as ArticleSource);
    const result = await renderArticleBodies(withTitle, { root, workers: 2, detect: { people }, started: startMarkdownWorkers({ root, workers: 2 }) });
    expect(result.bodies[0]?.html).toBe('<p>Prvi <strong>članek</strong> o Witkoffu.</p>\n');
    expect(result.detected.map((found) => found?.people)).toEqual([['steve-witkoff'], []]);
    result.close();
  });

  it('are stopped when the reading before the hand-over fails, and left running when it succeeds', async () => {
    const root = await makeTempDir();
    const workers = startMarkdownWorkers({ root, workers: 1 });
    await expect(beforeHandOver(workers, () => Promise.reject(new Error('content/ could not be read')))).rejects.toThrow('content/ could not be read');
    await expect((await workers).render('Nič.')).rejects.toThrow(/closed/);

    const kept = startMarkdownWorkers({ root, workers: 1 });
    expect(await beforeHandOver(kept, () => Promise.resolve('prebrano'))).toBe('prebrano');
    (await kept).setup(undefined);
    expect((await (await kept).render('Še *dela*.')).html).toBe('<p>Še <em>dela</em>.</p>\n');
    await (await kept).close();
  });
});
