import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { validateArticle } from '../../../src/content/article.ts';
import { ArhivarError } from '../../../src/errors.ts';
import { renderMarkdown } from '../../../src/markdown/render.ts';
import { articleRecord, restoredRecord, storedRecord, unaddressedPeopleErrors, withoutBody, type ArticleRecord, type StoredRecord } from '../../../src/pipeline/records.ts';
import { buildRegistry } from '../../../src/people/registry.ts';

const { registry } = buildRegistry([]);

function hintFor(name: string): string | undefined {
  const text = `---\ntitle: Obisk\ndate: 2025-12-01\npeople: [${name}]\n---\n\nBesedilo.\n`;
  const { article } = validateArticle({ file: 'content/articles/2025/obisk.md', text, mtimeMs: 0 });
  const errors = unaddressedPeopleErrors(article!, registry);
  expect(errors.map((error) => error.code)).toEqual(['article/bad-person']);
  return errors[0]!.hint;
}

describe('unaddressedPeopleErrors: the example in the hint fits the name', () => {
  // It gave mahmud-abbas.md for محمود عباس to a Greek or Hebrew name too, which shows the editor nothing of how
  // Slovenian news spells that name.
  it.each([
    ['محمد بن سلمان', '(content/people/mahmud-abbas.md for محمود عباس)', '(Mahmud Abas)'],
    ['Αλέξης Τσίπρας', '(content/people/aleksis-cipras.md for Αλέξης Τσίπρας)', '(Aleksis Cipras)'],
    ['יוסי כהן', '(content/people/benjamin-netanjahu.md for בנימין נתניהו)', '(Benjamin Netanjahu)'],
    ['习近平', '(content/people/si-dzinping.md for 习近平)', '(Ši Džinping)'],
  ])('%s: %s, %s', (name, file, latin) => {
    const hint = hintFor(name);
    expect(hint).toContain(`add a person file with name: ${name}, its file name in Latin letters ${file}`);
    expect(hint).toContain(`as Slovenian news spells it ${latin}`);
  });

  it('gives no other script\'s name as the example for a script it has none of (Georgian)', () => {
    expect(hintFor('ირაკლი კობახიძე')).toBe(
      "add a person file with name: ირაკლი კობახიძე, its file name in Latin letters, as Slovenian news spells the name (content/people/ime-priimek.md), or write the name here in Latin letters, and list that spelling in the person file's aliases:",
    );
  });
});

describe('storedRecord: what .cache/ keeps of an article record makes the same record again', () => {
  // A rebuild takes each unchanged article's record from .cache/ (build.ts, the log of records) instead of making
  // it: a field or warning left out of what is kept would differ from a fresh build only after an edit elsewhere.
  it('gives the same article, people without a file and warnings, through v8 as the log keeps it', () => {
    const text = [
      '---',
      'title: Obisk v Mariboru',
      // An hour the clocks skip, a name with no person file and a notPeople: name nobody has: a warning each.
      'date: 2025-03-30T02:30',
      'updated: 2025-03-30',
      'people: [Janez Novak, Ana Kos]',
      'notPeople: [Nihče Nikjer]',
      'tags: [Mesto, mesto, Kultura]',
      '---',
      '',
      'Janez Novak je obiskal Maribor. ![](/slike/obisk.jpg)',
      '',
      'Drugi odstavek z [povezavo](https://example.si/).',
      '',
    ].join('\n');
    const { article } = validateArticle({ file: 'content/articles/2025/obisk.md', text, mtimeMs: 0 });
    const draft = withoutBody(article!);
    const rendered = renderMarkdown(article!.body);
    const people = buildRegistry([{ id: 'janez-novak', name: 'Janez Novak', aliases: [], role: 'župan', gender: 'm', detect: true, bio: '', file: 'content/people/janez-novak.md' }]);
    const made = articleRecord(draft, rendered, { people: ['janez-novak'], counts: new Map([['janez-novak', 2]]) }, people.registry);
    expect(made.unknownPeople.map((person) => person.id)).toEqual(['ana-kos']);
    expect(made.warnings.length).toBeGreaterThanOrEqual(3);

    const again = restoredRecord(draft, rendered, deserialize(serialize(storedRecord(made, 'detection-key'))) as StoredRecord);
    const fields = (record: ArticleRecord) => ({ ...record.article, html: record.article.html, text: record.article.text });
    const details = (record: ArticleRecord) => record.warnings.map(({ code, message, file, line, hint }) => ({ code, message, file, line, hint }));
    expect(fields(again)).toEqual(fields(made));
    expect(again.unknownPeople).toEqual(made.unknownPeople);
    expect(details(again)).toEqual(details(made));
    expect(again.warnings.every((warning) => warning instanceof ArhivarError)).toBe(true);
  });
});
