import { describe, expect, it } from 'vitest';
import { headingIds, isPageId } from '../../../src/markdown/heading-ids.ts';

describe('headingIds', () => {
  it.each([
    ['Ozadje pogovorov', 'ozadje-pogovorov'],
    ['Črpalke, šolniki in žerjavi', 'crpalke-solniki-in-zerjavi'],
    ['Đorđe in Ćiro', 'djordje-in-ciro'],
    ['»Mir« – ne le premirje?', 'mir-ne-le-premirje'],
    ['Proračun 2026: 12,5 % več', 'proracun-2026-12-5-vec'],
    ['Владимир Путин', 'vladimir-putin'],
  ])('%s → #%s (the slug rules of URLs)', (text, id) => {
    expect(headingIds([text])).toEqual([id]);
  });

  it('numbers a repeated heading from 2, taking the first number no other heading has', () => {
    expect(headingIds(['Ozadje', 'Odzivi', 'Ozadje', 'ozadje!', 'Ozadje'])).toEqual(['ozadje', 'odzivi', 'ozadje-2', 'ozadje-3', 'ozadje-4']);
    // "Faza 2" already holds faza-2, so the second "Faza" takes faza-3; a later "Faza 2" then faza-2-2.
    expect(headingIds(['Faza', 'Faza 2', 'Faza', 'Faza 2'])).toEqual(['faza', 'faza-2', 'faza-3', 'faza-2-2']);
  });

  it('calls a heading with no letter or digit a slug can write razdelek, numbered like any other', () => {
    expect(headingIds(['***', 'Αθήνα', '—', 'Razdelek'])).toEqual(['razdelek', 'razdelek-2', 'razdelek-3', 'razdelek-4']);
    expect(headingIds([''])).toEqual(['razdelek']);
  });

  it('never takes an id the page around the body writes', () => {
    expect(headingIds(['Vsebina', 'Sorodni članki', 'Search results', 'Chart: Ana Novak, title', 'Vsebina'])).toEqual([
      'vsebina-2',
      'sorodni-clanki-2',
      'search-results-2',
      'chart-ana-novak-title-2',
      'vsebina-3',
    ]);
  });

  it('gives ids unique within the body and apart from the page ids, whatever the texts', () => {
    const texts = ['Vsebina', 'vsebina 2', 'Vsebina', '', 'Razdelek 2', '', 'Chart x desc', 'chart-x-desc-2', 'Chart x desc'];
    const ids = headingIds(texts);
    expect(new Set(ids).size).toBe(texts.length);
    expect(ids.filter(isPageId)).toEqual([]);
    expect(ids).toEqual(['vsebina-2', 'vsebina-2-2', 'vsebina-3', 'razdelek', 'razdelek-2', 'razdelek-3', 'chart-x-desc-2', 'chart-x-desc-2-2', 'chart-x-desc-3']);
  });
});

describe('headingIds and #top', () => {
  it('gives a heading "Top" another id: #top stays the top of the page, as browsers and arhivar check read it', () => {
    expect(headingIds(['Top', 'TOP', 'Top 10'])).toEqual(['top-2', 'top-3', 'top-10']);
  });
});

describe('isPageId', () => {
  it.each([
    ['vsebina', true],
    ['sorodni-clanki', true],
    ['search-q', true],
    ['chart-ana-novak-title', true],
    ['chart-ana-novak-desc', true],
    ['chart-ana-novak-title-2', false],
    ['vsebina-2', false],
    ['ozadje', false],
    ['crka-a', true],
    ['crka-ch', true],
    ['crka-0-9', true],
    ['pisava-cirilica', true],
    ['crka-a-2', false],
    ['crka-zakona', false],
    ['pisava-in-slog', false],
  ])('%s: %s', (id, expected) => {
    expect(isPageId(id)).toBe(expected);
  });

  // The people index's ids were reserved by a pattern that also took every numbered form (crka-a-2, crka-a-3 …),
  // so a body heading »Črka A« or »Črka zakona« left the search for a free id without end: article/too-slow.
  it('numbers a heading that takes a letter id of the people index, and leaves one that does not', () => {
    expect(headingIds(['Črka A', 'Črka zakona', 'Pisava in slog', 'Cirilica'])).toEqual(['crka-a-2', 'crka-zakona', 'pisava-in-slog', 'cirilica']);
  });

  it('numbers many headings of one text in time that grows with their number, not its square', () => {
    // A body of 30,000 lines "## Ozadje" is 300 KB; counting from 2 again for each took about 25 s, past the
    // Markdown workers' time limit, where the rest of rendering it takes about 5 s.
    const started = performance.now();
    const ids = headingIds(Array<string>(30_000).fill('Ozadje'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect([ids[0], ids[1], ids[29_999]]).toEqual(['ozadje', 'ozadje-2', 'ozadje-30000']);
  });
});
