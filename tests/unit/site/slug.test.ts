import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify } from '../../../src/site/slug.ts';

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
