import { describe, expect, it } from 'vitest';
import { groupNameSpellings, inferBaseForm, nameStarts } from '../../../src/people/base-form.ts';
import { commonFirstNameGender } from '../../../src/people/detect.ts';

const base = (...spellings: string[]) => inferBaseForm(spellings, commonFirstNameGender);

describe('inferBaseForm: the nominative of a name seen in other cases (npm run people -- --suggest)', () => {
  it('takes a nominative that was seen when its forms account for the others', () => {
    expect(base('Natašo Pirc Musar', 'Nataša Pirc Musar')).toMatchObject({ name: 'Nataša Pirc Musar', sure: true });
    expect(base('Janezu Janši', 'Janez Janša', 'Janeza Janše')).toMatchObject({ name: 'Janez Janša', sure: true });
  });

  it('turns a woman’s accusative -o back into -a; her surname does not decline (s Kajo Kallas)', () => {
    // »Opozicija je Natašo Pirc Musar pozvala, naj zakona ne podpiše.«
    expect(base('Natašo Pirc Musar')).toMatchObject({ name: 'Nataša Pirc Musar', sure: true });
    // »S Kajo Kallas se bo ministrica znova srečala«, »Kaji Kallas je zagotovila«
    expect(base('Kajo Kallas', 'Kaji Kallas')).toMatchObject({ name: 'Kaja Kallas', sure: true });
    expect(base('Ursulo von der Leyen')).toMatchObject({ name: 'Ursula von der Leyen', sure: true });
  });

  it('takes the case endings off a man’s name (Witkoffa, Witkoffu, Witkoffom → Witkoff)', () => {
    expect(base('Steva Witkoffa', 'Stevu Witkoffu', 'Stevom Witkoffom')).toMatchObject({ name: 'Steve Witkoff', sure: true });
    // »se je sestal s … Kirilom Dmitrijevim«: the -im of Russian surnames (SLOVENIAN.md)
    expect(base('Kirilom Dmitrijevim')).toMatchObject({ name: 'Kiril Dmitrijev', sure: true });
    // -r inserts -j- (Kushnerja), and a -j stem keeps it (Sergej)
    expect(base('Jaredom Kushnerjem')).toMatchObject({ name: 'Jared Kushner', sure: true });
    expect(base('Sergeja Rjabkova')).toMatchObject({ name: 'Sergej Rjabkov', sure: true });
    expect(base('Tadeja Pogačarja', 'Tadejem Pogačarjem')).toMatchObject({ name: 'Tadej Pogačar', sure: true });
    expect(base('Primožu Rogliču')).toMatchObject({ name: 'Primož Roglič', sure: true });
    // Nikolaja is Nikolaj's genitive; a first name in -a such as Nikola takes no -j- (that is for Zola, Zolaja)
    expect(base('Nikolaja Petrova')).toMatchObject({ name: 'Nikolaj Petrov', sure: true });
  });

  it('does not take an instrumental for a nominative when the first name is not a common one (Volodymyrom Zelenskim)', () => {
    // »se je pogovarjala z Volodymyrom Zelenskim«: read as a nominative, the line had no registry person to point to.
    expect(base('Volodymyrom Zelenskim')).toMatchObject({ name: 'Volodymyr Zelenski', sure: true });
    expect(base('Borisom Pistoriusom')).toMatchObject({ name: 'Boris Pistorius', sure: true });
  });

  it('takes a surname in -ića for the genitive of one in -ić, which women keep too (Ivana Brnića is Ivan Brnić)', () => {
    // »Trener je pohvalil Ivana Brnića«: a woman named Ivana would be »Ivana Brnić«; no surname ends in -ića.
    expect(base('Ivana Brnića')).toMatchObject({ name: 'Ivan Brnić', sure: true });
    expect(base('Jane Nikolić')).toMatchObject({ name: 'Jana Nikolić', sure: true });
  });

  it('leaves a name as written, and says so, when two base forms fit equally (Andreja Kuzmina)', () => {
    // The man's genitive is the woman's nominative in Russian pairs (SLOVENIAN.md): Andrej Kuzmin or Andreja Kuzmina.
    const result = base('Andreja Kuzmina');
    expect(result).toMatchObject({ name: 'Andreja Kuzmina', sure: false });
    expect(result.alternatives.sort()).toEqual(['Andrej Kuzmin', 'Andreja Kuzmina']);
    // Another case of the same name settles it.
    expect(base('Andreja Kuzmina', 'Andrejem Kuzminom')).toMatchObject({ name: 'Andrej Kuzmin', sure: true });
  });

  it('does not trade a nominative seen as written for a guessed one when no first name is known (Google Docs, not Googla Docs)', () => {
    // »uporabljajo Google Docs«: read as a woman's genitive, Google gave »Googla Docs«, which no text wrote; a man's
    // name in -e (Jože, France) or -o (Marko, Bruno) is as usual as a woman's in -a, so neither reading is sure.
    const docs = base('Google Docs');
    expect(docs).toMatchObject({ name: 'Google Docs', sure: false });
    expect(docs.alternatives.sort()).toEqual(['Googla Docs', 'Google Docs']);
    expect(base('Atletico Madrid')).toMatchObject({ name: 'Atletico Madrid', sure: false });
    // A known first name still settles it: Natašo is Nataša's accusative, not a man's nominative.
    expect(base('Natašo Pirc Musar')).toMatchObject({ name: 'Nataša Pirc Musar', sure: true });
  });

  it('leaves spellings no one base form accounts for as written, unsure', () => {
    expect(base('Ivan Novak', 'Ana Novak')).toMatchObject({ name: 'Ivan Novak', sure: false });
  });
});

describe('groupNameSpellings: one suggestion per person', () => {
  it('puts the nominative and the oblique forms of one name together (Kaja and Kajo Kallas, Tadej and Tadeja Pogačarja)', () => {
    const groups = groupNameSpellings(
      [
        ['Kajo Kallas', 2],
        ['Kaja Kallas', 1],
        ['Tadeja Pogačarja', 2],
        ['Tadej Pogačar', 1],
      ],
      commonFirstNameGender,
    );
    expect(groups.map((group) => [group.base.name, [...group.spellings.keys()].sort()])).toEqual([
      ['Kaja Kallas', ['Kaja Kallas', 'Kajo Kallas']],
      ['Tadej Pogačar', ['Tadej Pogačar', 'Tadeja Pogačarja']],
    ]);
  });

  it('puts a South Slavic first name that drops its a with its nominative (Aleksandrom Vučićem is Aleksandar Vučić, not Aleksander)', () => {
    const groups = groupNameSpellings(
      [
        ['Aleksandar Vučić', 4],
        ['Aleksandrom Vučićem', 2],
        ['Petra Petrovića', 1],
        ['Petar Petrović', 1],
      ],
      commonFirstNameGender,
    );
    expect(groups.map((group) => [group.base.name, group.base.sure, [...group.spellings.keys()].sort()])).toEqual([
      ['Aleksandar Vučić', true, ['Aleksandar Vučić', 'Aleksandrom Vučićem']],
      ['Petar Petrović', true, ['Petar Petrović', 'Petra Petrovića']],
    ]);
  });

  it('adds the surname alone in its older form to the person it belongs to (Pirc Musarjeva, der Leyen)', () => {
    // »Po srečanju je Pirc Musarjeva dejala …«
    const groups = groupNameSpellings(
      [
        ['Nataša Pirc Musar', 2],
        ['Pirc Musarjeva', 1],
        ['Ursulo von der Leyen', 1],
        ['der Leyen', 1],
      ],
      commonFirstNameGender,
    );
    expect(groups.map((group) => [group.base.name, [...group.spellings.keys()].sort()])).toEqual([
      ['Nataša Pirc Musar', ['Nataša Pirc Musar', 'Pirc Musarjeva']],
      ['Ursula von der Leyen', ['Ursulo von der Leyen', 'der Leyen']],
    ]);
  });
});

describe('nameStarts: the name in a run of capitalised words that opens with an organisation or a nationality', () => {
  const starts = (...spellings: string[]) => Object.fromEntries(nameStarts(spellings, commonFirstNameGender));

  it('starts the name at a known first name in any case (predsednik uprave Krke Jože Colarič)', () => {
    expect(starts('Krke Jože Colarič', 'Petrola Nada Drobne Popović', 'Ustavnega Sodišča Matej Accetto', 'Italijanka Sofia Goggia', 'NSi Jernej Vrtovec')).toEqual({
      'Krke Jože Colarič': 'Jože Colarič',
      'Petrola Nada Drobne Popović': 'Nada Drobne Popović',
      'Ustavnega Sodišča Matej Accetto': 'Matej Accetto',
      'Italijanka Sofia Goggia': 'Sofia Goggia',
      'NSi Jernej Vrtovec': 'Jernej Vrtovec',
    });
  });

  it('cannot tell where the name starts before a first name it does not know (trener Olimpije Ljubljana Victor Sanchez)', () => {
    // »Bled Strategic Forum« at a sentence start is found as »Strategic Forum«: words seen alone are no sign of a name.
    expect(starts('Olimpije Ljubljana Victor Sanchez', 'Victor Sanchez', 'Kosova Vjosa Osmani', 'Bled Strategic Forum', 'Strategic Forum')).toEqual({});
  });

  it('keeps a name whose first word is a known first name, and names of two words', () => {
    expect(starts('Ana Marija Novak', 'Marija Novak', 'Nataša Pirc Musar', 'Pirc Musar', 'Luke Koper', 'Ursula von der Leyen')).toEqual({});
  });
});
