import { describe, expect, it } from 'vitest';
import { fileNameTypoWarning, guessedGenderWarning, missingSurnameWarning, roleInNameWarning } from '../../../src/pipeline/person-warnings.ts';
import { testPerson } from '../../helpers/person.ts';

describe('guessedGenderWarning', () => {
  it('warns at the name: line about a one-word name with no gender: that is declined as a man\'s (Adele, Beyoncé, Cher)', () => {
    for (const name of ['Adele', 'Beyoncé', 'Björk', 'Cher']) {
      const warning = guessedGenderWarning(testPerson(name, { nameLine: 2 }));
      expect([warning?.code, warning?.file, warning?.line], name).toEqual(['person/guessed-gender', testPerson(name).file, 2]);
    }
    const adele = guessedGenderWarning(testPerson('Adele'))!;
    expect(adele.message).toBe('"Adele" is one word and the file has no gender:, so it is declined as a man\'s name (Adeleja, Adelejem, Adelejev)');
    expect(adele.hint).toBe('add gender: f if Adele is a woman, whose one-word name stays as it is (z Adele); gender: m keeps these forms');
  });

  it.each([
    ['a gender: line', testPerson('Adele', { gender: 'f' })],
    ['a man\'s gender: line', testPerson('Sting', { gender: 'm' })],
    ['a known man\'s name', testPerson('Ivan')],
    ['a name in -a, guessed a woman\'s', testPerson('Madonna')],
    ['a known woman\'s name not in -a', testPerson('Ines')],
    ['a woman\'s role noun', testPerson('Adele', { role: 'britanska pevka' })],
    ['a man\'s role noun', testPerson('Pelé', { role: 'brazilski nogometaš' })],
    ['a given name and a surname', testPerson('Janez Kovač')],
    ['a word named the surname', testPerson('Xi', { surname: 'Xi' })],
    ['detect: false', testPerson('Adele', { detect: false })],
    ['no person file', testPerson('Adele', { file: undefined })],
  ])('says nothing for %s', (_, person) => {
    expect(guessedGenderWarning(person)).toBeUndefined();
  });
});

describe('missingSurnameWarning', () => {
  // Nataša Pirc Musar with no surname: was filed under M and found as »Musar« alone, though her alias shows the
  // editor takes Pirc Musar for her surname: README asks for surname: then, and editors forget it.
  it('warns at the aliases: line when an alias is the last words of the name, more than the surname taken', () => {
    const warning = missingSurnameWarning(testPerson('Nataša Pirc Musar', { aliases: ['Pirc Musar'], aliasesLine: 3 }));
    expect([warning?.code, warning?.file, warning?.line]).toEqual(['person/missing-surname', 'content/people/natasa-pirc-musar.md', 3]);
    expect(warning!.message).toBe(
      'alias "Pirc Musar" is the last words of name "Nataša Pirc Musar", as a surname of more than one word is, but the file has no surname:, so its surname is taken to be "Musar", which the people index files the name by and detection reads as the surname',
    );
    expect(warning!.hint).toBe('add the line surname: Pirc Musar (the alias Pirc Musar may stay: it is then read as the surname); if Pirc is a given name, surname: Musar says so');
  });

  it.each([
    ['Luiz Inácio Lula da Silva', ['Lula', 'Lula da Silva'], 'surname: Lula da Silva'],
    ['Gabriel García Márquez', ['Gabo', 'García Márquez'], 'surname: García Márquez'],
    ['Janez Novak Kovač ml.', ['Novak Kovač'], 'surname: Novak Kovač'],
    // Typed in another letter case: the line gives the name's own spelling.
    ['Nataša Pirc Musar', ['pirc musar'], 'surname: Pirc Musar'],
  ])('warns for %s with the aliases %j: %s', (name, aliases, line) => {
    expect(missingSurnameWarning(testPerson(name, { aliases }))?.hint).toContain(`add the line ${line} (the alias`);
  });

  it.each([
    ['a surname: line', testPerson('Nataša Pirc Musar', { aliases: ['Pirc Musar'], surname: 'Pirc Musar' })],
    ['a surname: line naming the last word', testPerson('Ana Marija Kos', { aliases: ['Marija Kos'], surname: 'Kos' })],
    ['a one-word alias', testPerson('Nataša Pirc Musar', { aliases: ['Musar'] })],
    ['an alias that is the whole name', testPerson('Nataša Musar', { aliases: ['Nataša Musar'] })],
    ['an alias that is the surname taken already, with its particles', testPerson('Ursula von der Leyen', { aliases: ['von der Leyen'] })],
    ['an alias not at the end of the name', testPerson('Nataša Pirc Musar', { aliases: ['Nataša Pirc'] })],
    ['an alias that is a given name she goes by with the surname', testPerson('Ana Marija Kos', { aliases: ['Marija Kos'] })],
    ['an alias that starts with an initial', testPerson('George W. Bush', { aliases: ['W. Bush'] })],
    ['no person file', testPerson('Nataša Pirc Musar', { aliases: ['Pirc Musar'], file: undefined })],
  ])('says nothing for %s', (_, person) => {
    expect(missingSurnameWarning(person)).toBeUndefined();
  });
});

describe('fileNameTypoWarning', () => {
  // The file's name is the person's address, and a typo in it (volodimir-zelinski.md for Volodimir Zelenski) was
  // published without a word: renaming it once the page is out needs redirectFrom:.
  it('warns at the name: line about a file name a letter or two from the name written as a slug', () => {
    const warning = fileNameTypoWarning(testPerson('Volodimir Zelenski', { id: 'volodimir-zelinski', nameLine: 2 }));
    expect([warning?.code, warning?.file, warning?.line, warning?.message, warning?.hint]).toEqual([
      'person/file-name-typo',
      'content/people/volodimir-zelinski.md',
      2,
      'the file name volodimir-zelinski.md, which is the address of the page (/osebe/volodimir-zelinski/), is spelt unlike name: Volodimir Zelenski, whose address would be volodimir-zelenski',
      'if name: is spelt right, rename the file to volodimir-zelenski.md (once the page has been published, with redirectFrom: [volodimir-zelinski] in it, so the old address sends readers on); if the file name is, correct name:',
    ]);
    expect(fileNameTypoWarning(testPerson('Steve Witkoff', { id: 'steve-witkof' }))?.code).toBe('person/file-name-typo');
    expect(fileNameTypoWarning(testPerson('Jurij Ušakov', { id: 'jurij-uskov' }))?.code).toBe('person/file-name-typo');
    expect(fileNameTypoWarning(testPerson('Emmanuel Macron', { id: 'emmanuel-macron-' }))?.code).toBe('person/file-name-typo');
  });

  it.each([
    ['the name as its slug', testPerson('Jurij Ušakov', { id: 'jurij-usakov' })],
    ['an alias as its slug', testPerson('Volodimir Zelenski', { id: 'volodymyr-zelensky', aliases: ['Volodymyr Zelensky'] })],
    ['a file named otherwise on purpose', testPerson('Luiz Inácio Lula da Silva', { id: 'lula' })],
    ['a suffix left out of the file name', testPerson('Janez Novak ml.', { id: 'janez-novak' })],
    ['a middle initial left out', testPerson('Donald J. Trump', { id: 'donald-trump' })],
    // In a slug of 16 characters or more two letters are a typo, but a whole word of two (an initial, a suffix, a
    // namesake's number) is left out or added on purpose.
    ['a middle initial left out of a long name', testPerson('Franklin D. Roosevelt', { id: 'franklin-roosevelt' })],
    ['a middle initial and a suffix, one left out', testPerson('Robert F. Kennedy Jr.', { id: 'robert-kennedy-jr' })],
    ['a namesake\'s number', testPerson('Nataša Pirc Musar', { id: 'natasa-pirc-musar-2' })],
    ['a namesake\'s number without its hyphen', testPerson('Alenka Bratušek', { id: 'alenka-bratusek2' })],
    ['a name with no slug (its file name is the Latin spelling)', testPerson('محمود عباس', { id: 'mahmud-abas' })],
    ['no person file', testPerson('Steve Witkoff', { id: 'steve-witkof', file: undefined })],
  ])('says nothing for %s', (_, person) => {
    expect(fileNameTypoWarning(person)).toBeUndefined();
  });
});

describe('roleInNameWarning', () => {
  // »Ana Kos, ministrica za zunanje zadeve« was taken as a name with a title after its comma: the page's heading,
  // the people index and every article showed the role as part of her name.
  it('warns at the name: line about a role written after a comma in name:, with the two lines to write', () => {
    const warning = roleInNameWarning(testPerson('Ana Kos, ministrica za zunanje zadeve', { id: 'ana-kos', nameLine: 2 }));
    expect([warning?.code, warning?.file, warning?.line, warning?.message, warning?.hint]).toEqual([
      'person/role-in-name',
      'content/people/ana-kos.md',
      2,
      'name "Ana Kos, ministrica za zunanje zadeve" has "ministrica za zunanje zadeve" after its comma, which reads as a role, not as part of the name: the page, the people index and every article that names the person would show it as the name',
      'write name: Ana Kos and role: ministrica za zunanje zadeve',
    ]);
    // A role that ends in an abbreviation is still a role: the company's d. o. o. is no title.
    expect(roleInNameWarning(testPerson('Ana Kos, direktorica družbe Petrol d. d.', { id: 'ana-kos' }))?.hint).toBe(
      'write name: Ana Kos and role: direktorica družbe Petrol d. d.',
    );
    // A role of one short word is a role too; only an abbreviation is a title.
    expect(roleInNameWarning(testPerson('Zoran Janković, župan', { id: 'zoran-jankovic' }))?.hint).toBe('write name: Zoran Janković and role: župan');
    expect(roleInNameWarning(testPerson('Anton Jamnik, škof', { id: 'anton-jamnik' }))?.code).toBe('person/role-in-name');
    const withRole = roleInNameWarning(testPerson('Ana Kos, ministrica', { id: 'ana-kos', role: 'ministrica za zunanje zadeve' }));
    expect(withRole?.hint).toBe('write name: Ana Kos (the file has role: already)');
  });

  it.each([
    ['a title with its full stop', 'Janez Novak, dr.'],
    // A title of abbreviations is often written without its last full stop.
    ['a title of two abbreviations', 'Janez Novak, dr. med'],
    ['a title without its full stop', 'Ana Kos, mag'],
    ['a suffix without its full stop', 'Janez Novak, ml'],
    ['a degree', 'Ana Kos, univ. dipl. inž'],
    ['a house name after p. d. (po domače)', 'Jože Novak, p. d. Mežnar'],
    ['a suffix', 'Janez Novak, ml.'],
    ['a suffix written out', 'Janez Novak, mlajši'],
    ['a title in capitals', 'Ana Kos, PhD'],
    ['the rest of a name', 'Charles, Prince of Wales'],
    ['no comma', 'Ana Kos'],
  ])('says nothing for %s (%s)', (_, name) => {
    expect(roleInNameWarning(testPerson(name, { id: 'x' }))).toBeUndefined();
  });
});
