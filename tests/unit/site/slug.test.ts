import { describe, expect, it } from 'vitest';
import { cutSlug, earlierSlug, isValidSlug, shortenedSlug, slugify } from '../../../src/site/slug.ts';

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

describe('cutSlug', () => {
  it.each([
    // Short enough: as it is, whatever its last word (the title's own).
    ['vlada-je-padla', 30, 'vlada-je-padla'],
    ['kam-pa-zdaj-in-kako-naprej', 30, 'kam-pa-zdaj-in-kako-naprej'],
    // Cut at the last whole word, never inside one.
    ['seja-vlade-o-proracunu-za-prihodnje-leto', 30, 'seja-vlade-o-proracunu'],
    // Prepositions and conjunctions left at the end are dropped, one after another (»…-sestala-z«, »…-in«, »…-v«, »…-ki-je«).
    ['ministrica-se-je-v-torek-v-bruslju-sestala-z-zunanjimi-ministri', 44, 'ministrica-se-je-v-torek-v-bruslju-sestala'],
    ['witkoff-in-dmitrijev-na-floridi-in-kushner-v-miamiju', 35, 'witkoff-in-dmitrijev-na-floridi'],
    ['zupan-je-odprl-most-ki-je-povezal-oba-bregova', 26, 'zupan-je-odprl-most'],
    ['pogovori-o-miru-se-nadaljujejo-v-zenevi', 31, 'pogovori-o-miru-se-nadaljujejo'],
    ['pogovori-o-miru-se-nadaljujejo-v-zenevi', 32, 'pogovori-o-miru-se-nadaljujejo'],
    // A word that only begins like one (zunanjimi, vlado) is a word of its own and stays.
    ['sestanek-z-zunanjimi-ministri', 20, 'sestanek-z-zunanjimi'],
    ['pogovor-z-vlado-zaradi-stavke', 15, 'pogovor-z-vlado'],
    // The first word stays, whatever it is.
    ['o-v-na-pri-za-ko', 6, 'o'],
    // One word longer than the limit is cut inside, as nothing else fits.
    [`${'a'.repeat(30)}-b`, 20, 'a'.repeat(20)],
  ])('%s at %d → %s', (slug, limit, expected) => {
    expect(cutSlug(slug, limit)).toBe(expected);
  });

  it('is the rule of a --slug too long to take, offered shortened', () => {
    const words = 'seja-vlade-o-proracunu-'.repeat(9);
    expect(shortenedSlug(`${words}in-ostalem`)).toBe(cutSlug(`${words}in-ostalem`, 200));
    expect(shortenedSlug(`${words}in-ostalem`)!.endsWith('-seja-vlade')).toBe(true);
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

describe('earlierSlug against the earlier rules, letter by letter', () => {
  // The slug rules before Cyrillic and compatibility letters, as they were: the address an article has if
  // it was published then.
  const LETTERS: Record<string, string> = { đ: 'dj', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ı: 'i' };
  const earlierRules = (text: string) =>
    text
      .toLowerCase()
      .replace(/[đłøßæœþðı]/g, (letter) => LETTERS[letter] ?? letter)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');

  it('names the earlier slug of every title that moved, and of no other', () => {
    const codePoints = [...range(0x80, 0x2ff), ...range(0x400, 0x4ff), ...range(0xfb00, 0xfb06), ...range(0xff10, 0xff5a)];
    for (const codePoint of codePoints) {
      const title = `Naslov ${String.fromCodePoint(codePoint)}a 1`;
      const earlier = earlierRules(title);
      const moved = earlier !== '' && earlier !== slugify(title);
      expect(earlierSlug(title), `U+${codePoint.toString(16)}`).toBe(moved ? earlier : undefined);
    }
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, n) => from + n);
}
