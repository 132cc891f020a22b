import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validateArticle } from '../../../src/content/article.ts';
import { validateArticles } from '../../../src/pipeline/articles.ts';
import { bodyKey, bodyKeyOfBytes } from '../../../src/pipeline/markdown.ts';
import { createLoadCache } from '../../../src/load-cache.ts';
import { makeTempDir } from '../../helpers.ts';

const good = { file: 'content/articles/a.md', text: '---\ntitle: "Župan o mostu"\ndate: 2025-03-01T10:15\ntags: [Občine]\npeople: [Ana Cankar]\n---\n\nBesedilo članka.\n', mtimeMs: 0 };
const bad = { file: 'content/articles/b.md', text: '---\ntitle: Slab\ndate: 2025-02-30\n---\n\nBesedilo.\n', mtimeMs: 0 };

/** As readContent gives a file it did not read (content/read.ts UnreadSourceFile): the text on demand, reads counted. */
function unreadSource(source: { file: string; text: string }) {
  return {
    file: source.file,
    mtimeMs: 0,
    hash: createHash('sha1').update(source.text).digest('base64url'),
    reads: 0,
    get text() {
      this.reads++;
      return source.text;
    },
  };
}

describe('validateArticles', () => {
  it('gives from .cache/ exactly what validateArticle gives, and reports errors again on every run', async () => {
    const root = await makeTempDir();
    const first = await validateArticles([good, bad], { root });
    const second = await validateArticles([good, bad], { root });
    const direct = [validateArticle(good), validateArticle(bad)];
    expect(first).toEqual(direct);
    expect(second).toEqual(direct);
    expect(second[0]!.article!.body).toContain('Besedilo članka.');
    expect(second[0]!.article!.frontMatter.date.instant).toBeInstanceOf(Date);
    expect(second[1]!.errors.map((error) => error.code)).toEqual(['article/bad-date']);

    // The same path with other text is validated again.
    const edited = { ...good, text: good.text.replace('Župan o mostu', 'Županja o mostu') };
    expect((await validateArticles([edited], { root }))[0]!.article!.title).toBe('Županja o mostu');
  });

  it('gives onResult a freshly validated body as UTF-8 bytes, named by the same key as the text', async () => {
    const root = await makeTempDir();
    const told: { key: string | undefined; bytes: Uint8Array | undefined }[] = [];
    await validateArticles([good], { root, onResult: (_result, _source, _key, key, bytes) => told.push({ key, bytes }) });
    const body = validateArticle(good).article!.body;
    expect(new TextDecoder().decode(told[0]!.bytes)).toBe(body);
    expect(told[0]!.key).toBe(bodyKey(body));
    expect(bodyKeyOfBytes(new TextEncoder().encode('Župan, čebela, šola, žaba.'))).toBe(bodyKey('Župan, čebela, šola, žaba.'));
    // From .cache/ the bytes are not made: the body may not even be read.
    told.length = 0;
    await validateArticles([good], { root, onResult: (_result, _source, _key, key, bytes) => told.push({ key, bytes }) });
    expect(told[0]).toEqual({ key: bodyKey(body), bytes: undefined });
  });

  it('leaves the saving to the caller when asked: nothing reaches .cache/ until it is called', async () => {
    const root = await makeTempDir();
    let save: (() => Promise<void>) | undefined;
    await validateArticles([unreadSource(good)], { root, deferSave: (given) => (save = given) });
    expect(save).toBeDefined();
    // Not saved yet: a second run finds nothing to restore, and so reads the text again.
    const before = unreadSource(good);
    await validateArticles([before], { root, cache: true, deferSave: () => undefined });
    expect(before.reads).toBeGreaterThan(0);
    await save!();
    const after = unreadSource(good);
    const [restored] = await validateArticles([after], { root });
    expect(after.reads).toBe(0);
    expect(restored!.article!.title).toBe('Župan o mostu');
  });

  it('tells each result to onResult in source order, letting the event loop run between batches', async () => {
    const root = await makeTempDir();
    const sources = Array.from({ length: 70 }, (_, n) => ({ ...good, file: `content/articles/a${n}.md`, text: good.text.replace('Župan o mostu', `Članek ${n}`) }));
    const told: string[] = [];
    // A task queued now can run only if validation yields to the event loop before it ends.
    let ranDuring = false;
    setImmediate(() => (ranDuring = told.length > 0 && told.length < sources.length));
    const results = await validateArticles(sources, { root, cache: false, onResult: (result) => told.push(result.article!.title) });
    expect(told).toEqual(sources.map((_, n) => `Članek ${n}`));
    expect(results.map((result) => result.article!.title)).toEqual(told);
    expect(ranDuring).toBe(true);
  });

  it('holds validation at betweenBatches until the promise it returns is settled', async () => {
    const root = await makeTempDir();
    const sources = Array.from({ length: 70 }, (_, n) => ({ ...good, file: `content/articles/b${n}.md`, text: good.text.replace('Župan o mostu', `Članek ${n}`) }));
    let told = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    const done = validateArticles(sources, { root, cache: false, onResult: () => told++, betweenBatches: () => (asked++ === 0 ? held : Promise.resolve()) });
    // However long the first batch is held, no later article is validated until it is released.
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(told).toBe(32);
    release();
    await done;
    expect(told).toBe(70);
    expect(asked).toBe(2);
  });

  it('gives onResult the body’s key, and reads the file’s text for a result from .cache/ only when its body is asked for', async () => {
    const root = await makeTempDir();
    const unread = unreadSource(good);
    const told: (string | undefined)[] = [];
    const onResult = (_result: unknown, _source: unknown, _key: unknown, key: string | undefined) => told.push(key);
    await validateArticles([unread], { root, onResult });
    unread.reads = 0;
    const [restored] = await validateArticles([unread], { root, onResult });
    expect(unread.reads).toBe(0);
    const body = validateArticle(good).article!.body;
    expect(restored!.article!.body).toBe(body);
    expect(unread.reads).toBe(1);
    expect(told).toEqual([bodyKey(body), bodyKey(body)]);
  });

  it('gives the body’s key for a result the dev server kept from its last load, without reading the text', async () => {
    const root = await makeTempDir();
    const reuse = createLoadCache().articles;
    const unread = unreadSource(good);
    await validateArticles([unread], { root, reuse });
    unread.reads = 0;
    const told: (string | undefined)[] = [];
    await validateArticles([unread], { root, reuse, onResult: (_result, _source, _key, key) => told.push(key) });
    expect(unread.reads).toBe(0);
    expect(told).toEqual([bodyKey(validateArticle(good).article!.body)]);
  });

  it('keeps no text for the dev server: a kept result’s body is cut from the text of the load that asks for it', async () => {
    const root = await makeTempDir();
    const reuse = createLoadCache().articles;
    const hash = createHash('sha1').update(good.text).digest('base64url');
    await validateArticles([{ ...good, hash }], { root, reuse });
    const again = unreadSource(good);
    const [result] = await validateArticles([again], { root, reuse });
    expect(again.reads).toBe(0);
    expect(result!.article!.body).toBe(validateArticle(good).article!.body);
    expect(again.reads).toBe(1);
  });
});
