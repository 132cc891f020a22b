import { describe, expect, it } from 'vitest';
import { earlierSlug, isValidSlug, slugify } from '../../../src/site/slug.ts';

describe('slugify', () => {
  it.each([
    ['Jurij Ušakov', 'jurij-usakov'],
    ['Đorđe Balašević', 'djordje-balasevic'],
    ['Émile Zola', 'emile-zola'],
    ['O’Neill', 'o-neill'],
    ['Wałęsa', 'walesa'],
    ['Straße', 'strasse'],
    ['Søren Kierkegaard', 'soren-kierkegaard'],
    ['Æsop & Œuvre', 'aesop-oeuvre'],
    ['Čaša, šček in žaba', 'casa-scek-in-zaba'],
    ['Ćevapčići', 'cevapcici'],
    ['  --Witkoff  in   Dmitrijev!!  ', 'witkoff-in-dmitrijev'],
    ['ZDA: 2025/12', 'zda-2025-12'],
    ['../../etc/passwd', 'etc-passwd'],
    ['»Mir« – ne le premirje', 'mir-ne-le-premirje'],
    ['!!!', ''],
    // Symbols and superscripts are no letters: dropped, as ever.
    ['Cena za m² in ™', 'cena-za-m-in'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it.each([
    // Cyrillic as Slovenian writes it in Latin letters, carons dropped as for č š ž.
    ['Україна', 'ukrajina'],
    ['Владимир Путин', 'vladimir-putin'],
    ['Ђорђе Балашевић', 'djordje-balasevic'],
    ['Юрий Ушаков', 'jurij-usakov'],
    ['Кирилл Дмитриев', 'kirill-dmitrijev'],
    ['Сергей Лавров', 'sergej-lavrov'],
    ['Борис Ельцин', 'boris-jelcin'],
    ['Михаил Горбачёв', 'mihail-gorbacov'],
    ['Фёдор Достоевский', 'fjodor-dostojevskij'],
    ['Володимир Зеленський', 'volodimir-zelenskij'],
    ['Харків', 'harkiv'],
    ['Љубљана, Њујорк, Џон', 'ljubljana-njujork-dzon'],
    ['Ѓорѓе Петров, Ќосе', 'gjorgje-petrov-kjose'],
    ['Шчепан Ћосић', 'scepan-cosic'],
    // Compatibility forms keep their letters (NFKD): the ligature ﬁ, fullwidth letters, ĳ.
    ['Vojna v Čačku: ﬁnale', 'vojna-v-cacku-finale'],
    ['ﬂota ＡＢＣ', 'flota-abc'],
    ['Ĳsselmeer', 'ijsselmeer'],
    // Letters saved decomposed (NFD) give the same slug.
    ['Jurij Ušakov, Владимир Путин, Україна'.normalize('NFD'), 'jurij-usakov-vladimir-putin-ukrajina'],
    // Scripts a slug cannot write.
    ['Αθήνα', ''],
    ['北京', ''],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('keeps slugs at most 200 characters and never ends them in a hyphen', () => {
    const slug = slugify('beseda '.repeat(100));
    expect(slug.length).toBeLessThanOrEqual(200);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('isValidSlug', () => {
  it.each([
    ['witkoff-dmitrijev', true],
    ['2025-pregled', true],
    ['Witkoff', false],
    ['a--b', false],
    ['-a', false],
    ['../x', false],
    ['a/b', false],
    ['', false],
  ])('%s → %s', (slug, valid) => {
    expect(isValidSlug(slug)).toBe(valid);
  });
});

describe('earlierSlug', () => {
  it('gives the slug earlier versions made of a title with Cyrillic or a compatibility letter, when it differs', () => {
    expect(earlierSlug('Intervju: Путин o Ukrajini')).toBe('intervju-o-ukrajini');
    expect(earlierSlug('Naﬁ in ﬂota')).toBe('na-in-ota');
    // Unchanged by this version: Latin text, and a title whose Cyrillic gave no slug at all before.
    expect(earlierSlug('Witkoff in Dmitrijev na Floridi')).toBeUndefined();
    expect(earlierSlug('Čačak, Đorđe, Łódź')).toBeUndefined();
    expect(earlierSlug('Україна')).toBeUndefined();
  });
});
