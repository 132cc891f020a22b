import { describe, expect, it } from 'vitest';
import { validateArticle } from '../../../src/content/article.ts';
import { unaddressedPeopleErrors } from '../../../src/pipeline/records.ts';
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
