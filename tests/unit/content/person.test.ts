import { describe, expect, it } from 'vitest';
import { parsePerson } from '../../../src/content/person.ts';

const source = (frontMatter: string, bio = 'Kratek opis.') => ({ file: 'content/people/ana-kos.md', text: `---\nname: Ana Kos\n${frontMatter}---\n\n${bio}\n`, mtimeMs: 0 });

describe('parsePerson: a key of another tool beside the key it means', () => {
  it('gives the one list to write, as a second aliases: line would be a YAML error', () => {
    const { errors } = parsePerson(source('aliases: [Anči]\naka: [A. Kos, Anči]\n'));
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([
      ['person/unknown-key', 4, '"aka" is "aliases", but the file has aliases: on line 3 already (YAML refuses a key written twice): write that line as aliases: [Anči, A. Kos] and delete this one'],
    ]);
  });
});

describe('parsePerson: gender', () => {
  it.each([
    ['m', 'm'],
    ['f', 'f'],
    ['F', 'f'],
    ['M', 'm'],
    ['ž', 'f'],
    ['Ž', 'f'],
    ['ženska', 'f'],
    ['moški', 'm'],
    ['zenska', 'f'],
  ])('reads gender: %s as %s', (written, gender) => {
    const { person, errors } = parsePerson(source(`gender: ${written}\n`));
    expect(errors).toEqual([]);
    expect(person?.gender).toBe(gender);
  });

  it('refuses anything else at its line, with both values in the hint', () => {
    for (const value of ['x', 'constructor', '__proto__']) {
      const { person, errors } = parsePerson(source(`role: ministrica\ngender: ${value}\n`));
      expect(person, value).toBeUndefined();
      expect(errors.map((error) => [error.code, error.line, error.message, error.hint])).toEqual([['person/bad-gender', 4, 'gender must be m (moški) or f (ženska)', 'write it like gender: m or gender: f']]);
    }
  });
});

describe('parsePerson: bioLine', () => {
  it('is the line of the file the bio starts on, blank lines before it counted', () => {
    expect(parsePerson(source('')).person?.bioLine).toBe(5);
    expect(parsePerson(source('', '\n\nOpis po praznih vrsticah.')).person?.bioLine).toBe(7);
    expect(parsePerson(source('', '')).person?.bioLine).toBeUndefined();
  });
});

describe('parsePerson: keys written in Slovenian', () => {
  it.each([
    ['priimek: Kos', 'surname'],
    ['vzdevki: [Anči]', 'aliases'],
    ['vloga: ministrica', 'role'],
    ['funkcija: ministrica', 'role'],
    ['spol: ž', 'gender'],
    ['zaznavaj: false', 'detect'],
  ])('answers %j with the English key', (line, key) => {
    const { errors } = parsePerson(source(`${line}\n`));
    expect(errors.map((error) => [error.code, error.line])).toEqual([['person/unknown-key', 3]]);
    expect(errors[0]!.hint).toMatch(new RegExp(`^keys are written in English: "${line.split(':')[0]}" is "${key}"\\. Valid keys: `));
  });

  // »name is required« beside it told the one slip twice; the hint is the line to write, with the name as written.
  it.each([
    ['ime: Ana Kos', 'keys are written in English: "ime" is "name", which the file needs: write name: Ana Kos in its place'],
    ['Name: Ana Kos', '"Name" is "name", which the file needs: write name: Ana Kos in its place'],
    ['Name:', '"Name" is "name", which the file needs: write name: in place of Name:, with the value after its colon, such as name: Steve Witkoff'],
  ])('answers %j, with no name:, by one error whose hint renames the key', (line, hint) => {
    const { errors } = parsePerson({ file: 'content/people/ana-kos.md', text: `---\n${line}\n---\n`, mtimeMs: 0 });
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([['person/unknown-key', 2, hint]]);
  });

  // Told key by key, ime: was »write name: Ana in its place« (a person with no surname) and priimek: was surname:,
  // which is only for a surname that is not the name's last word.
  it.each([
    ['ime: Ana\npriimek: Kovač', 'write name: Ana Kovač in place of ime: and priimek: (name: holds the whole name)'],
    ['firstName: Ana\nlastName: Kovač', 'write name: Ana Kovač in place of firstName: and lastName: (name: holds the whole name)'],
    ['first_name: "Ana"\nlast_name: Kovač\nrole: novinarka', 'write name: Ana Kovač in place of first_name: and last_name: (name: holds the whole name)'],
    ['lastName: Pirc Musar\nfirstName: Nataša', 'write name: Nataša Pirc Musar and surname: Pirc Musar in place of firstName: and lastName: (name: holds the whole name; surname: a surname that is not its last word)'],
    ['firstName: Ana\nsurname: Kovač', 'write name: Ana Kovač in place of firstName: (name: holds the whole name)'],
    ['ime: Nataša\nsurname: Pirc Musar', 'write name: Nataša Pirc Musar in place of ime: (name: holds the whole name)'],
    // A name YAML would read otherwise is in quotes, so the line pasted as it is reads back as the name.
    ['ime: "Ana: Marija"\npriimek: Kos', 'write name: "Ana: Marija Kos" in place of ime: and priimek: (name: holds the whole name)'],
    ['firstName: "&Ana"\nlastName: Kos', 'write name: "&Ana Kos" in place of firstName: and lastName: (name: holds the whole name)'],
    ['firstName: "#Ana"\nlastName: Kos', 'write name: "#Ana Kos" in place of firstName: and lastName: (name: holds the whole name)'],
    ['firstName: \'"Ana"\'\nlastName: Kos', 'write name: \'"Ana" Kos\' in place of firstName: and lastName: (name: holds the whole name)'],
    ['firstName: "Ana #2"\nlastName: Kos', 'write name: "Ana #2 Kos" in place of firstName: and lastName: (name: holds the whole name)'],
    ['firstName: Nataša\nlastName: "Pirc #Musar"', 'write name: "Nataša Pirc #Musar" and surname: "Pirc #Musar" in place of firstName: and lastName: (name: holds the whole name; surname: a surname that is not its last word)'],
  ])('answers a name written in two keys, %j, by one error with the line to write', (lines, hint) => {
    const { errors } = parsePerson({ file: 'content/people/ana-kovac.md', text: `---\n${lines}\n---\n`, mtimeMs: 0 });
    const givenLine = lines.split('\n').findIndex((line) => /^(ime|first)/i.test(line)) + 2;
    expect(errors.map((error) => [error.code, error.line, error.message, error.hint])).toEqual([
      ['person/missing-name', givenLine, 'name is required, and the name is written in two keys', hint],
    ]);
  });

  it('still tells every other problem of a file whose name is written in two keys', () => {
    const { errors } = parsePerson({ file: 'content/people/ana-kovac.md', text: '---\nime: Ana\npriimek: Kovač\nspol: ž\ngender: x\n---\n', mtimeMs: 0 });
    expect(errors.map((error) => [error.code, error.line])).toEqual([
      ['person/missing-name', 2],
      ['person/bad-gender', 5],
      ['person/unknown-key', 4],
    ]);
  });

  // With the whole name under another key too, its »write name: … in its place« and a name made of the two keys
  // were two name: lines to write, which YAML refuses as a key written twice.
  it('leaves the name in two keys to the key that holds the whole name, Name: beside firstName: and lastName:', () => {
    const { errors } = parsePerson({ file: 'content/people/ana-kovac.md', text: '---\nName: Ana Kovač\nfirstName: Ana\nlastName: Kovač\n---\n', mtimeMs: 0 });
    expect(errors.map((error) => [error.code, error.line])).toEqual([
      ['person/unknown-key', 2],
      ['person/unknown-key', 3],
      ['person/unknown-key', 4],
    ]);
    expect(errors[0]!.hint).toBe('"Name" is "name", which the file needs: write name: Ana Kovač in its place');
    expect(errors.filter((error) => error.hint?.includes('write name: ')).length).toBe(1);
  });

  // Taken with priimek:, whichever came first, the hint asked for a surname: line beside the one the file has.
  it.each(['ime: Nataša\npriimek: Pirc Musar\nsurname: Pirc Musar', 'ime: Nataša\nsurname: Pirc Musar\npriimek: Pirc Musar'])(
    'takes the file’s own surname: with the given name, before priimek: or lastName:, in %j',
    (lines) => {
      const { errors } = parsePerson({ file: 'content/people/natasa-pirc-musar.md', text: `---\n${lines}\n---\n`, mtimeMs: 0 });
      expect(errors.map((error) => [error.code, error.line])).toEqual([
        ['person/missing-name', 2],
        ['person/unknown-key', lines.split('\n').indexOf('priimek: Pirc Musar') + 2],
      ]);
      expect(errors[0]!.hint).toBe('write name: Nataša Pirc Musar in place of ime: (name: holds the whole name)');
    },
  );

  it('still says name is required beside firstName:, which holds only part of it', () => {
    const { errors } = parsePerson({ file: 'content/people/ana-kos.md', text: '---\nfirstName: Ana\n---\n', mtimeMs: 0 });
    expect(errors.map((error) => error.code)).toEqual(['person/missing-name', 'person/unknown-key']);
  });
});

describe('parsePerson: a key left empty', () => {
  it('takes role:, aliases:, gender: and surname: with nothing after the colon as no key', () => {
    const { person, errors } = parsePerson(source('role:\naliases:\ngender:\nsurname:\ndetect:\n'));
    expect(errors).toEqual([]);
    expect(person).toMatchObject({ role: undefined, aliases: [], gender: undefined, detect: true });
  });

  it('still refuses an empty name', () => {
    const { errors } = parsePerson({ file: 'content/people/ana-kos.md', text: '---\nname:\n---\n', mtimeMs: 0 });
    expect(errors.map((error) => [error.code, error.line, error.message])).toEqual([['person/bad-name', 2, 'name must be text, not empty']]);
  });
});

describe('parsePerson: every problem of a file at once', () => {
  // A bio the build cannot parse was told only once the front matter was right: one build per mistake.
  it('reports a bio too deep to publish beside a bad gender and beside a surname that is not in the name', () => {
    const bio = '['.repeat(1500);
    expect(parsePerson(source('gender: x\n', bio)).errors.map((error) => [error.code, error.line])).toEqual([
      ['person/bad-gender', 3],
      ['markdown/too-deep', 6],
    ]);
    expect(parsePerson(source('surname: Novak\n', bio)).errors.map((error) => [error.code, error.line])).toEqual([
      ['person/bad-surname', 3],
      ['markdown/too-deep', 6],
    ]);
  });
});

describe('parsePerson: detect written as YAML 1.1 writes true and false', () => {
  it.each([
    ['no', 'write detect: false, since YAML reads no as a word, not as false'],
    ['yes', 'write detect: true, since YAML reads yes as a word, not as true'],
    ['"true"', 'write detect: true, without quotes: in quotes it is text'],
  ])('refuses detect: %s with the line that means it', (written, hint) => {
    const { person, errors } = parsePerson(source(`detect: ${written}\n`));
    expect(person).toBeUndefined();
    expect(errors.map((error) => [error.code, error.line, error.message, error.hint])).toEqual([['person/bad-detect', 3, 'detect must be true or false', hint]]);
  });
});

describe('parsePerson: a key that a person file does not have', () => {
  it.each([
    ['sex: f', 'did you mean "gender"?'],
    ['position: ministrica', 'did you mean "role"?'],
    ['title: ministrica', 'did you mean "role"?'],
    ['aka: [Anči]', 'did you mean "aliases"?'],
    // A renamed person's old name in redirect: was offered detect, two letters away, and detect: ana-novak is refused.
    ['redirect: ana-novak', 'did you mean "redirectFrom"?'],
  ])('%j is told the key it means', (line, hint) => {
    const { errors } = parsePerson(source(`${line}\n`));
    expect(errors.map((error) => [error.code, error.line, error.hint?.split(' Valid keys')[0]])).toEqual([['person/unknown-key', 3, hint]]);
  });

  // firstName was offered as surname, and bio: or slug: got only the list of keys, with no word of where they go.
  it.each([
    ['bio: Kratka biografija.', 'the biography is not a key: write it as Markdown after the closing ---'],
    ['opis: Kratka biografija.', 'the biography is not a key: write it as Markdown after the closing ---'],
    ['slug: ana-kos', "the file's name is the person's address (content/people/ana-kos.md is /osebe/ana-kos/): rename the file to change it, and add redirectFrom: [ana-kos] to it, so the old address sends readers on"],
    ['firstName: Ana', 'write the whole name in name:, such as name: Ana Kos; surname: is only for a surname that is not its last word (Pirc Musar)'],
    ['forename: Ana', 'write the whole name in name:, such as name: Ana Kos; surname: is only for a surname that is not its last word (Pirc Musar)'],
    ['last_name: Kos', 'write the whole name in name:, such as name: Ana Kos; surname: is only for a surname that is not its last word (Pirc Musar)'],
  ])('%j is told where it goes', (line, hint) => {
    const { errors } = parsePerson(source(`${line}\n`));
    expect(errors.map((error) => [error.code, error.line, error.hint?.split(' Valid keys')[0]])).toEqual([['person/unknown-key', 3, `${hint}.`]]);
  });
});

describe('parsePerson: redirectFrom:', () => {
  // Each entry makes a redirect page, one per later page and a copy of the feed: a list pasted by mistake
  // (a column of a spreadsheet) would publish thousands.
  it('takes at most 100 earlier names, and says so at the line', () => {
    const names = (count: number) => Array.from({ length: count }, (_, n) => `ana-novak-${n + 1}`).join(', ');
    expect(parsePerson(source(`redirectFrom: [${names(100)}]\n`)).errors).toEqual([]);
    const { errors } = parsePerson(source(`redirectFrom: [${names(101)}]\n`));
    expect(errors.map((error) => [error.code, error.line, error.message])).toEqual([['person/bad-redirectFrom', 3, 'redirectFrom has 101 entries; at most 100 are allowed']]);
  });
});

describe('parsePerson: a name written surname first', () => {
  // »Kos, Ana«, as an index or a CMS lists people, was taken as written: the text never names her so, so she
  // was never found in it, and her page was headed »Kos, Ana«.
  it.each([
    ['Kos, Ana', 'write name: Ana Kos'],
    ['Pirc Musar, Nataša', 'write name: Nataša Pirc Musar and surname: Pirc Musar'],
    ['Kos,Ana', 'write name: Ana Kos'],
    ['Kos, A.', 'write name: A. Kos'],
    ['Le Pen, Marie-Anne', 'write name: Marie-Anne Le Pen and surname: Le Pen'],
    // A suffix after the given names stays after the surname: the hint was »Martin Luther Jr. King«.
    ['King, Martin Luther Jr.', 'write name: Martin Luther King Jr.'],
    ['Novak, Janez ml.', 'write name: Janez Novak ml.'],
  ])('refuses name: %s with the name to write', (name, hint) => {
    const { person, errors } = parsePerson({ file: 'content/people/ana-kos.md', text: `---\nrole: ministrica\nname: ${name}\n---\n`, mtimeMs: 0 });
    expect(person).toBeUndefined();
    expect(errors.map((error) => [error.code, error.line, error.message, error.hint])).toEqual([
      ['person/bad-name', 3, `name "${name}" is written surname first, as an index lists it; text names people first name first, so it would never be found there`, hint],
    ]);
  });

  it('refuses an alias written surname first, at the aliases: line, with the alias to write', () => {
    // »Kos, Ana« in quotes was taken as the one-word alias »Kos« (what follows a comma is a suffix or title), and
    // a one-word alias is matched alone: every Kos in the text would have been her.
    const { person, errors } = parsePerson({ file: 'content/people/ana-kos.md', text: '---\nname: Ana Kos\naliases: [A. Kos, "Kos, Ana"]\n---\n', mtimeMs: 0 });
    expect(person).toBeUndefined();
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([['person/bad-aliases', 3, 'write the alias first name first, as text names people: Ana Kos']]);
  });

  it('names every line written surname first, and a bad surname:, in one build', () => {
    // A file pasted from an index has the name and the aliases so: only the first of them was told, and the
    // editor met the next one only after rebuilding.
    const pasted = parsePerson({ file: 'content/people/natasa-pirc-musar.md', text: '---\nname: Pirc Musar, Nataša\naliases: ["Musar, Nataša", "Pirc, N."]\n---\n', mtimeMs: 0 });
    expect(pasted.person).toBeUndefined();
    expect(pasted.errors.map((error) => [error.code, error.line, error.hint])).toEqual([
      ['person/bad-name', 2, 'write name: Nataša Pirc Musar and surname: Pirc Musar'],
      ['person/bad-aliases', 3, 'write the alias first name first, as text names people: Nataša Musar'],
      ['person/bad-aliases', 3, 'write the alias first name first, as text names people: N. Pirc'],
    ]);
    // The surname is checked against the name, so only a name written right lets it be told; an alias does not stand in its way.
    const surname = parsePerson({ file: 'content/people/ana-kos.md', text: '---\nname: Ana Kos\naliases: ["Kos, Ana"]\nsurname: Novak\n---\n', mtimeMs: 0 });
    expect(surname.errors.map((error) => [error.code, error.line])).toEqual([
      ['person/bad-aliases', 3],
      ['person/bad-surname', 4],
    ]);
  });

  it('takes a comma before a suffix such as Jr. or ml.', () => {
    for (const name of ['Martin Luther King, Jr.', 'Janez Novak, ml.', 'Janez Novak, st.', 'Henrik Tudor, III']) {
      const { person, errors } = parsePerson({ file: 'content/people/ana-kos.md', text: `---\nname: ${name}\n---\n`, mtimeMs: 0 });
      expect(errors, name).toEqual([]);
      expect(person?.name).toBe(name);
    }
  });

  // What follows these commas is no given name: they were refused as »surname first« with a hint that made
  // one (»write name: dr. Janez Novak and surname: Janez Novak«, »write name: Prince of Wales Charles«).
  it('takes a comma before what is not a given name: a title, a suffix in other letters, the rest of a real name', () => {
    for (const name of ['Janez Novak, dr.', 'Ana Kos, PhD', 'Janez Novak, univ. dipl. inž.', 'Janez Novak, Ml.', 'Janez Novak, Jr', 'Janez Novak, starejši', 'Charles, Prince of Wales', 'Emerson, Lake & Palmer']) {
      const { person, errors } = parsePerson({ file: 'content/people/ana-kos.md', text: `---\nname: ${name}\n---\n`, mtimeMs: 0 });
      expect(errors, name).toEqual([]);
      expect(person?.name).toBe(name);
    }
  });
});

describe('parsePerson: a name with a generational suffix', () => {
  // The suffix ended the name, so surname: Novak was »not the last words« of it and was refused.
  it.each([
    ['Janez Novak ml.', 'Novak'],
    ['Janez Novak, st.', 'Novak'],
    ['Nataša Pirc Musar starejši', 'Pirc Musar'],
    ['Martin Luther King Jr.', 'King'],
  ])('takes name: %s with surname: %s, the words before the suffix', (name, surname) => {
    const { person, errors } = parsePerson({ file: 'content/people/ana-kos.md', text: `---\nname: ${name}\nsurname: ${surname}\n---\n`, mtimeMs: 0 });
    expect(errors).toEqual([]);
    expect([person?.name, person?.surname]).toEqual([name, surname]);
  });

  it('still refuses a surname: that is the suffix', () => {
    const { errors } = parsePerson({ file: 'content/people/ana-kos.md', text: `---\nname: Janez Novak ml.\nsurname: ml.\n---\n`, mtimeMs: 0 });
    expect(errors.map((error) => [error.code, error.line])).toEqual([['person/bad-surname', 3]]);
  });
});

describe('parsePerson: a surname spelled otherwise than in name', () => {
  // The hint was always the Pirc Musar example, whichever letter was off.
  it.each([
    ['Nataša Pirc Musar', 'pirc musar', 'Pirc Musar'],
    ['Jurij Ušakov', 'Usakov', 'Ušakov'],
  ])('for %s, surname: %s gets the spelling of name: as its hint', (name, surname, spelled) => {
    const { errors } = parsePerson({ file: 'content/people/ana-kos.md', text: `---\nname: ${name}\nsurname: ${surname}\n---\n`, mtimeMs: 0 });
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([['person/bad-surname', 3, `write surname: ${spelled}, as name: spells it`]]);
  });
});

describe('parsePerson: a name of text-direction marks alone', () => {
  // The schema took it as not empty; its words (nameWords) are none, so the person had no name to be found by.
  it('is refused as an empty name is', () => {
    const errors = (name: string) => parsePerson({ file: 'content/people/a.md', text: `---\nname: ${name}\n---\n`, mtimeMs: 0 }).errors;
    expect(errors('"\\u200e\\u2068"').map((error) => [error.code, error.message])).toEqual(errors('""').map((error) => [error.code, error.message]));
    expect(errors('"\\u200e\\u2068"')[0]!.hint).toMatch(/only invisible characters \(text-direction marks/);
  });
});

describe('parsePerson: a name or surname: with a text-direction mark, checked as without it', () => {
  // nameWords reads a name without the marks a right-to-left paste leaves, but the surname-first check split the
  // name itself: »Kos, Ana« + U+200E was taken, as Kos with »Ana« after a comma like a title, and an alias too; and a
  // surname: in the wrong letter case got no line to write.
  const errors = (frontMatter: string) => parsePerson({ file: 'content/people/a.md', text: `---\n${frontMatter}\n---\n`, mtimeMs: 0 }).errors.map((error) => [error.code, error.hint]);
  it.each([
    ['name: "Kos, Ana\\u200e"', 'person/bad-name', 'write name: Ana Kos'],
    ['name: "\\u200fKos, Ana"', 'person/bad-name', 'write name: Ana Kos'],
    ['name: Ana Kos\naliases: ["Kos, Ana\\u200e"]', 'person/bad-aliases', 'write the alias first name first, as text names people: Ana Kos'],
    ['name: Nataša Pirc Musar\nsurname: "pirc musar\\u200e"', 'person/bad-surname', 'write surname: Pirc Musar, as name: spells it'],
  ])('%s', (frontMatter, code, hint) => {
    expect(errors(frontMatter)).toEqual([[code, hint]]);
  });
});

describe('parsePerson: a # after a space inside role: without quotes', () => {
  it('is refused with the line in quotes, since YAML cuts the role there', () => {
    const { person, errors } = parsePerson(source('role: urednica rubrike #Kultura\n'));
    expect(person).toBeUndefined();
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([['person/bad-role', 3, 'put the whole text in quotes, so the # stays in it: role: "urednica rubrike #Kultura"']]);
  });

  it('is not told again for a role the schema refused: the file gets one error for it', () => {
    const { errors } = parsePerson(source('role: \u200b #Kultura\n'));
    expect(errors.map((error) => [error.code, error.message])).toEqual([['person/bad-role', 'role must not be empty']]);
  });
});

describe('parsePerson: a name or alias whose last word has no letters', () => {
  // Its surname was empty or no word (»Janez -«, »Janez .«): names.ts declined it to ja, ju, jem, and the person
  // was found by forms of nothing. A suffix before it (ml.) or a surname: naming other words does not help.
  const errors = (frontMatter: string) =>
    parsePerson({ file: 'content/people/janez-novak.md', text: `---\n${frontMatter}\n---\n`, mtimeMs: 0 }).errors.map((error) => [error.code, error.file, error.line]);
  it.each([
    ['name: Janez -', 'person/bad-name', 2],
    ['name: "-"', 'person/bad-name', 2],
    ['name: Janez .', 'person/bad-name', 2],
    ['name: "Janez \\u200d"', 'person/bad-name', 2],
    ['name: Janez - ml.', 'person/bad-name', 2],
    ['gender: m\nname: Janez -\nsurname: "-"', 'person/bad-name', 3],
    ['name: Janez Novak\naliases: [Janez Kos, Janez -]', 'person/bad-aliases', 3],
    ['name: Janez Novak\naliases:\n  - "."', 'person/bad-aliases', 3],
  ])('refuses %j at its line', (frontMatter, code, line) => {
    expect(errors(frontMatter)).toEqual([[code, 'content/people/janez-novak.md', line]]);
  });

  it('says what is wrong and what to write', () => {
    const [name] = parsePerson({ file: 'content/people/janez-novak.md', text: '---\nname: Janez -\n---\n', mtimeMs: 0 }).errors;
    expect([name!.message, name!.hint]).toEqual([
      'name "Janez -" ends in no word with letters or digits, and its last word is the surname text names the person by',
      'write the name with the surname last, such as name: Janez Novak; a person known by one name has it alone (name: Madonna)',
    ]);
    const [alias] = parsePerson({ file: 'content/people/janez-novak.md', text: '---\nname: Janez Novak\naliases: [Janez -]\n---\n', mtimeMs: 0 }).errors;
    expect([alias!.message, alias!.hint]).toEqual([
      'alias "Janez -" ends in no word with letters or digits, and its last word is the surname text names the person by',
      'write the alias with the surname last, such as Janez Novak, or delete it',
    ]);
  });

  it.each(['name: Madonna', 'name: Janez Novak ml.', 'name: Jean-Claude Juncker', 'name: Xi Jinping\nsurname: Xi', 'name: van', 'name: Janez Novak\naliases: [Novak, J. Novak]'])('takes %j', (frontMatter) => {
    expect(errors(frontMatter)).toEqual([]);
  });
});

describe('parsePerson: an alias that shows nothing', () => {
  // name: of invisible characters alone was refused; such an alias was taken (a mark, a zero-width space), or dropped
  // without a word (empty, a byte-order mark), and one of marks alone had no words to be found by.
  const file = (frontMatter: string) => parsePerson({ file: 'content/people/ana-kos.md', text: `---\n${frontMatter}\n---\n`, mtimeMs: 0 });
  it.each([
    ['"\\u200b"', true],
    ['"\\u200e\\u00ad"', true],
    ['"\\u2066\\u2069"', true],
    ['"\\u200d"', true],
    ['"\\ufeff"', false],
    ['""', false],
    ['"  "', false],
  ])('refuses aliases: [Ana Novak, %s] at its line, as name: with it is refused', (written, invisible) => {
    const { person, errors } = file(`name: Ana Kos\nrole: ministrica\naliases: [Ana Novak, ${written}]`);
    expect(person).toBeUndefined();
    expect(errors.map((error) => [error.code, error.file, error.line, error.message])).toEqual([['person/bad-aliases', 'content/people/ana-kos.md', 4, 'aliases entry 2 must not be empty']]);
    expect(errors[0]!.hint).toBe(
      invisible
        ? 'it holds only invisible characters (text-direction marks such as U+200E or U+202A, which a paste from right-to-left text leaves, or zero-width spaces): write the alias itself there, or delete the entry'
        : 'write the alias there, or delete the entry',
    );
    expect(file(`name: ${written}`).errors.map((error) => [error.code, error.message])).toEqual([['person/bad-name', 'name must not be empty']]);
  });

  it('names each such entry, in a list written one entry a line too', () => {
    const { errors } = file('name: Ana Kos\naliases:\n  - "\\u200b"\n  - Ana Novak\n  - "\\u200e"');
    expect(errors.map((error) => [error.code, error.line, error.message])).toEqual([
      ['person/bad-aliases', 3, 'aliases entry 1 must not be empty'],
      ['person/bad-aliases', 3, 'aliases entry 3 must not be empty'],
    ]);
  });

  it('still takes no aliases, an empty list and an alias with an invisible character inside a word', () => {
    for (const frontMatter of ['name: Ana Kos\naliases:', 'name: Ana Kos\naliases: []', 'name: Ana Kos\naliases: ["Ana\\u00adNovak"]']) expect(file(frontMatter).errors).toEqual([]);
  });
});

// 300,000 aliases made every worker's people detection so slow that each article of the site was stopped as
// article/too-slow, and the person file, the cause, was not named at all.
describe('parsePerson: aliases', () => {
  it('refuses more than 100 aliases at their line, and takes 100', () => {
    const aliases = (count: number) => `aliases: [${Array.from({ length: count }, (_, index) => `Vzdevek ${index}`).join(', ')}]\n`;
    expect(parsePerson(source(aliases(100))).errors).toEqual([]);
    expect(parsePerson(source(aliases(101))).errors.map((error) => [error.code, error.line, error.message])).toEqual([
      ['person/bad-aliases', 3, 'aliases has 101 entries; at most 100 are allowed'],
    ]);
  });

  // Each empty or invisible entry was an error of its own, told before the count was looked at: 300,000 empty aliases
  // were 300,000 errors, which overflowed the stack where the build gathers them (»failed unexpectedly: RangeError«).
  it('refuses more than 100 aliases as one error whatever the entries hold', () => {
    const empty = `aliases: [${Array.from({ length: 300_000 }, () => '""').join(', ')}]\n`;
    expect(parsePerson(source(empty)).errors.map((error) => [error.code, error.line, error.message])).toEqual([
      ['person/bad-aliases', 3, 'aliases has 300,000 entries; at most 100 are allowed'],
    ]);
  });
});

describe('parsePerson: a name in typographic quotes', () => {
  // Word and macOS type “…” or „…“ for the straight quotes; YAML quotes only with ' and ", so the marks were
  // part of the name: the page's heading, its title and the people index showed »“Ana Kos”«, filed under “.
  it.each([
    ['name: “Ana Kos”', 'write name: Ana Kos'],
    ['name: „Ana Kos“', 'write name: Ana Kos'],
    ['name: »Nataša Pirc Musar«\nsurname: Pirc Musar', 'write name: Nataša Pirc Musar'],
    ['name: ‘Ana Kos’', 'write name: Ana Kos'],
    ['name: "“Ana: Marija Kos”"', 'write name: "Ana: Marija Kos"'],
  ])('refuses %j at its line, with the name to write', (frontMatter, hint) => {
    const { person, errors } = parsePerson({ file: 'content/people/ana-kos.md', text: `---\n${frontMatter}\n---\n`, mtimeMs: 0 });
    expect(person).toBeUndefined();
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([['person/bad-name', 2, hint]]);
    expect(errors[0]!.message).toMatch(/^name ".+" is in typographic quotes, which YAML does not read as quotes, so they would be published as part of it$/);
  });

  it('gives the line with straight quotes for one YAML cannot read, not one with both kinds', () => {
    // The hint was name: "“Ana: Marija Kos”", which the next build refused for its typographic quotes.
    const { errors } = parsePerson({ file: 'content/people/ana-kos.md', text: '---\nname: “Ana: Marija Kos”\n---\n', mtimeMs: 0 });
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([
      ['front-matter/bad-yaml', 2, 'text with ": " or quotes in it goes in quotes as a whole; write the line as name: "Ana: Marija Kos" (YAML reads only \' and " as quotes, not “ ”)'],
    ]);
  });

  it('refuses a role in typographic quotes at its line, with the role to write: it was shown under the name with them', () => {
    const { person, errors } = parsePerson({ file: 'content/people/ana-kos.md', text: '---\nname: Ana Kos\nrole: “ministrica za zunanje zadeve”\n---\n', mtimeMs: 0 });
    expect(person).toBeUndefined();
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([['person/bad-role', 3, 'write role: ministrica za zunanje zadeve']]);
    expect(errors[0]!.message).toBe('role "“ministrica za zunanje zadeve”" is in typographic quotes, which YAML does not read as quotes, so they would be published as part of it');
  });

  it('takes quotes inside the name, around a nickname', () => {
    const { person, errors } = parsePerson({ file: 'content/people/ana-kos.md', text: '---\nname: Ana „Anka“ Kos\n---\n', mtimeMs: 0 });
    expect(errors).toEqual([]);
    expect(person?.name).toBe('Ana „Anka“ Kos');
  });
});

describe('parsePerson: aliases written as one value with commas', () => {
  it('gives an example of an entry with a comma that the same key takes', () => {
    // The example was ["Novak, Janez"], a name written surname first, which aliases: refuses (person/bad-aliases).
    const [error] = parsePerson({ file: 'content/people/volodimir-zelenski.md', text: '---\nname: Volodimir Zelenski\naliases: Zelensky, Zelenskyj\n---\n', mtimeMs: 0 }).errors;
    expect(error!.code).toBe('person/bad-aliases');
    const example = /such as (\[.+\])$/.exec(error!.hint ?? '')?.[1];
    expect(example).toBeDefined();
    const { errors } = parsePerson({ file: 'content/people/janez-novak.md', text: `---\nname: Janez Novak\naliases: ${example}\n---\n`, mtimeMs: 0 });
    expect(errors).toEqual([]);
  });
});

// An article among the people was read as a person file: »"date" is "name", which the file needs: write
// name: 2026-12-01T09:05 in its place«.
describe('parsePerson: an article in content/people/', () => {
  it('is told as one, with the folder of content/articles/ to move it to', () => {
    const { person, errors } = parsePerson({ file: 'content/people/sestanek.md', text: '---\ntitle: "Umerov po sestanku"\ndate: 2026-12-01T09:05\n---\n\nBesedilo.\n', mtimeMs: 0 });
    expect(person).toBeUndefined();
    expect(errors.map((error) => [error.code, error.file, error.line, error.message, error.hint])).toEqual([
      [
        'person/article-file',
        'content/people/sestanek.md',
        2,
        'this is an article (title: Umerov po sestanku), not a person file: content/people/ holds the people, and content/articles/ articles',
        'move it to content/articles/2026/sestanek.md (or delete it, if it is a copy of an article there); a person file starts with a name: line',
      ],
    ]);
  });

  it('gives the articles folder alone when the date gives no year', () => {
    const { errors } = parsePerson({ file: 'content/people/sestanek.md', text: '---\ntitle: Sestanek\ndate: včeraj\n---\n', mtimeMs: 0 });
    expect(errors.map((error) => error.hint)).toEqual(['move it to content/articles/sestanek.md (or delete it, if it is a copy of an article there); a person file starts with a name: line']);
  });

  it('without a date, says it may be a person’s file with title: written for name: (»title: Ana Novak«)', () => {
    const { errors } = parsePerson({ file: 'content/people/ana-novak.md', text: '---\ntitle: Ana Novak\nrole: poslanka\n---\n', mtimeMs: 0 });
    expect(errors.map((error) => [error.code, error.line, error.message, error.hint])).toEqual([
      [
        'person/article-file',
        2,
        'this looks like an article (title: Ana Novak), not a person file: content/people/ holds the people, and content/articles/ articles',
        "if it is an article, move it to content/articles/ana-novak.md (or delete it, if it is a copy of an article there); if it is a person's file, write name: in place of title:",
      ],
    ]);
  });
});
