import { describe, expect, it } from 'vitest';
import { alternativeStems, foldWord, forEachJoinedWord, isSearchable, stemMayBegin, stemWithD, stemWord, tokenize } from '../../../src/search/text.ts';

const stem = (word: string) => stemWord(foldWord(word));

describe('foldWord', () => {
  it.each([
    ['Ušakov', 'usakov'],
    ['ČŠŽ', 'csz'],
    ['Đorđe', 'djordje'],
    ['Vučić', 'vucic'],
    ['Wałęsa', 'walesa'],
    ['Straße', 'strasse'],
    ['Émile', 'emile'],
  ])('%s → %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });
});

describe('stemWithD: a word with đ also has the stem of its folding with d', () => {
  it.each([
    ['Đoković', 'djokovic', 'dokovic'],
    ['Đokovića', 'djokovic', 'dokovic'],
    ['Đorđe', 'djordj', 'dord'],
  ])('%s → %s and %s', (word, withDj, withD) => {
    expect(stem(word)).toBe(withDj);
    expect(stemWithD(word)).toBe(withD);
    expect(tokenize(word)[0]).toMatchObject({ stem: withDj, stemWithD: withD });
  });

  it('leaves a word without đ alone (dokaz is not đokaz)', () => {
    expect(stemWithD('dokaz')).toBeUndefined();
    expect(tokenize('Djoković dokaz').map((token) => token.stemWithD)).toEqual([undefined, undefined]);
  });
});

describe('stemWord: inflected forms of one name meet at one stem', () => {
  it.each([
    [['Witkoff', 'Witkoffa', 'Witkoffu', 'Witkoffom']],
    [['Dmitrijev', 'Dmitrijeva', 'Dmitrijevu', 'Dmitrijevom', 'Dmitrijevim']],
    [['Ušakov', 'Ušakova', 'Ušakovu', 'usakovom']],
    [['Kushner', 'Kushnerja', 'Kushnerju', 'Kushnerjem']],
    [['Putin', 'Putina', 'Putinu', 'Putinom', 'Putinovim', 'Putinove']],
    [['Trump', 'Trumpa', 'Trumpovim', 'Trumpovega']],
    [['Zelenski', 'Zelenskega', 'Zelenskemu', 'Zelenskim']],
  ])('%j', (forms) => {
    const stems = new Set(forms.map(stem));
    expect([...stems]).toHaveLength(1);
  });

  // otrok writes c before the plural's -i (otroci, otrocih) and k elsewhere (otroka, otrokom, otroki).
  it('otrok and otroci meet at one stem', () => {
    const forms = ['otrok', 'otroka', 'otroku', 'otrokom', 'otroki', 'otrok', 'otroci', 'otrocih', 'Otrocema', 'otrokoma'];
    expect(new Set(forms.map(stem))).toEqual(new Set(['otrok']));
  });

  // The table of irregular stems is asked for its own keys only: Object.prototype's constructor is no stem it maps.
  it('constructor and Constructora keep the stem of their letters', () => {
    expect(stem('constructor')).toBe('constructor');
    expect(stem('Constructora')).toBe('constructor');
  });

  // dan writes dn and an inserted -ev- in every other form (dneva, dnevi, dni, dnem, dneh; SSKJ), and ljudje
  // takes -je in the nominative and -eh in the locative after a stem that is ljud in its other forms.
  it.each([
    [['dan', 'dneva', 'dnevu', 'dnem', 'dnevom', 'dnevi', 'dni', 'dnevov', 'dnevih', 'dneh', 'dnevoma', 'dne']],
    [['ljudje', 'ljudi', 'ljudem', 'ljudeh', 'ljudmi']],
  ])('%j meet at one stem', (forms) => {
    expect(new Set(forms.map(stem))).toHaveLength(1);
  });

  // človek's plural is ljudje (suppletive), but they are kept apart: ljudje is among the commonest nouns of the
  // news, and človek with človekov (človekove pravice) would find every article that mentions people.
  it('keeps človek apart from ljudje, and dan from dnevnik and dnevno', () => {
    expect(stem('človek')).not.toBe(stem('ljudje'));
    expect(stem('dan')).not.toBe(stem('dnevnik'));
    expect(stem('dan')).not.toBe(stem('dnevno'));
  });

  // A fleeting e (neobstojni e) is written in the nominative only: sestanek, sestanka; Peter, Petra.
  it.each([
    [['sestanek', 'sestanka', 'sestanku', 'sestankom', 'sestanki', 'sestankov']],
    [['napredek', 'napredka', 'napredku']],
    [['Peter', 'Petra', 'Petru', 'Petrom']],
    [['Pavel', 'Pavla', 'Pavlom']],
    [['Tihec', 'Tihca', 'Tihcu', 'Tihcem']],
    [['Žalec', 'Žalca', 'Žalcu', 'Zalcem']],
    [['Koper', 'Kopra', 'Kopru']],
    [['Kremelj', 'Kremlja', 'Kremlju']],
    [['delavec', 'delavca', 'delavci', 'delavcev']],
    [['počasen', 'počasna', 'počasnega', 'počasni']],
  ])('fleeting e: %j', (forms) => {
    const stems = new Set(forms.map(stem));
    expect([...stems]).toHaveLength(1);
  });

  it('keeps an e of the first syllable, and words whose e stays in every form still meet', () => {
    expect(stem('Celje')).toBe(stem('Celju'));
    expect(stem('Celje')).toBe('celj');
    expect(new Set(['človek', 'človeka', 'človeku'].map(stem)).size).toBe(1);
    expect(new Set(['Sever', 'Severja', 'Severjem'].map(stem)).size).toBe(1);
  });

  // The index stems every word of every article. The fleeting e's rule looked back from every letter of the
  // word for a vowel, so a long word with few vowels took time by the square of its length: a number of
  // 200,000 digits (a table or a pasted export without spaces) took minutes; a word's letters are now read once.
  it('stems a long word with no vowel near its end in one pass', () => {
    const digits = '7'.repeat(200_000);
    expect(stemWord(digits)).toBe(digits);
    const consonants = `a${'b'.repeat(200_000)}ek`;
    expect(stemWord(consonants)).toBe(`a${'b'.repeat(200_000)}k`);
  });

  it('leaves short words and numbers alone', () => {
    expect(stem('ZDA')).toBe('zda');
    expect(stem('2025')).toBe('2025');
    expect(stem('mir')).toBe('mir');
  });

  it('keeps at least three letters', () => {
    for (const word of ['vodi', 'oba', 'ime', 'levim']) expect(stem(word).length).toBeGreaterThanOrEqual(3);
  });
});

describe('alternativeStems: a noun whose nominative ends in -em, -im or -om', () => {
  it('gives each form the stem its other forms have, so that search looks up both', () => {
    const forms = ['problem', 'problemu', 'problemi', 'problema', 'problemov', 'problemih', 'problemom'];
    // Two stems among the forms: the ending takes the em off some and not others.
    expect(new Set(forms.map(stemWord))).toEqual(new Set(['probl', 'problem']));
    for (const form of forms) {
      const looked = new Set([stemWord(form), ...alternativeStems(form)]);
      expect(looked.has('probl') && looked.has('problem'), form).toBe(true);
    }
    expect(alternativeStems('sistemu')).toEqual(['sistem']);
    expect(new Set([stemWord('sistema'), ...alternativeStems('sistema')])).toEqual(new Set(['sist', 'sistem']));
  });

  it('gives none where no ending is in doubt', () => {
    for (const word of ['vodo', 'atom', 'atoma', 'ljudmi', 'witkoff', 'gaza']) expect(alternativeStems(word), word).toEqual([]);
  });
});

describe('alternativeStems: a genitive plural that writes a vowel the other forms drop (volitev, podjetij)', () => {
  it.each([
    [['volitve', 'volitev', 'volitvah', 'volitvami']],
    [['društvo', 'društva', 'društev', 'društvu']],
    [['ministrstvo', 'ministrstva', 'ministrstev']],
    [['podjetje', 'podjetja', 'podjetij', 'podjetjih']],
  ])('every form of %j looks up the stem of every other', (forms) => {
    const stems = new Set(forms.map((form) => stemWord(foldWord(form))));
    for (const form of forms) {
      const folded = foldWord(form);
      const looked = new Set([stemWord(folded), ...alternativeStems(folded)]);
      for (const other of stems) expect(looked.has(other), `${form} → ${other}`).toBe(true);
    }
  });

  it('gives no stem that reaches other words (Moskva is not moški)', () => {
    expect(alternativeStems('moskva')).toEqual([]);
    expect(alternativeStems('dmitrijev')).toEqual([]);
  });
});

describe('the dative plural -am and the dual -ama, -oma, -ema', () => {
  it.each([
    [['država', 'države', 'državi', 'državo', 'držav', 'državam', 'državah', 'državami', 'državama']],
    [['vlada', 'vlade', 'vlad', 'vladam', 'vladah', 'vladami', 'vladama']],
    [['ministrica', 'ministrice', 'ministric', 'ministricam', 'ministricah', 'ministricami']],
    [['volitve', 'volitev', 'volitvam', 'volitvah', 'volitvami']],
    [['predsednik', 'predsednika', 'predsednikom', 'predsedniki', 'predsednikoma']],
    [['podjetje', 'podjetja', 'podjetij', 'podjetjem', 'podjetjema']],
    // The nominative ends in -am, which is an ending too (program, progr; programa, program).
    [['program', 'programa', 'programu', 'programom', 'programov', 'programih']],
    [['Amsterdam', 'Amsterdama', 'Amsterdamu']],
  ])('every form of %j looks up the stem of every other', (forms) => {
    const stems = new Set(forms.map((form) => stemWord(foldWord(form))));
    for (const form of forms) {
      const folded = foldWord(form);
      const looked = new Set([stemWord(folded), ...alternativeStems(folded)]);
      for (const other of stems) expect(looked.has(other), `${form} → ${other}`).toBe(true);
    }
  });
});

describe('-mi is the instrumental plural only after a consonant (ljudmi, oblastmi)', () => {
  it.each([
    [['sporazum', 'sporazuma', 'sporazumi', 'sporazumov']],
    [['Obama', 'Obame', 'Obami', 'Obamo']],
    [['atom', 'atoma', 'atomi', 'atomov']],
    [['ruski', 'ruskega', 'ruskim', 'ruskimi']],
    [['ljudi', 'ljudmi']],
  ])('%j meet at one stem', (forms) => {
    expect(new Set(forms.map(stem)).size).toBe(1);
  });

  it('keeps Obami apart from oba', () => {
    expect(stem('Obami')).not.toBe(stem('oba'));
  });
});

describe('the -jo and -eh of nouns in -st such as oblast and javnost', () => {
  it.each([
    [['oblast', 'oblasti', 'oblastjo', 'oblastem', 'oblasteh', 'oblastmi', 'oblastema']],
    [['javnost', 'javnosti', 'javnostjo', 'javnosteh']],
    [['kost', 'kosti', 'kostjo', 'kosteh']],
  ])('%j meet at one stem', (forms) => {
    expect(new Set(forms.map(stem)).size).toBe(1);
  });

  // After anything but st the j or e is the word's own: Slovenija, Slovenijo; ladja, ladjo; vodja, vodjo; uspeh, uspeha.
  it.each([
    [['Slovenija', 'Slovenijo']],
    [['ladja', 'ladjo']],
    [['vodja', 'vodjo']],
    [['tretja', 'tretjo']],
    [['uspeh', 'uspeha']],
    [['nasmeh', 'nasmehu']],
  ])('%j keep their j or e', (forms) => {
    expect(new Set(forms.map(stem)).size).toBe(1);
  });

  it('a word being typed reaches them: javnostj on the way to javnostjo, but not slovenj to sloven', () => {
    expect(stemMayBegin('javnost', 'javnostj')).toBe(true);
    expect(stemMayBegin('oblast', 'oblasteh')).toBe(true);
    expect(stemMayBegin('sloven', 'slovenj')).toBe(false);
  });
});

describe('tokenize', () => {
  it('finds words with their offsets through quotes, dashes and Markdown leftovers', () => {
    const text = '»Mir«–Ušakov, **Witkoffa** 2025';
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.text)).toEqual(['Mir', 'Ušakov', 'Witkoffa', '2025']);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(tokens.map((token) => token.stem)).toEqual(['mir', 'usak', 'witkoff', '2025']);
  });

  it('keeps a number with thousands separators whole (1.500), and dates, times and other dotted numbers apart', () => {
    const text = 'Za 1.500 evrov, 2.500.000 ljudi. Dne 3.12.2025 ob 13.30 na 192.168.100.1 in 1.5000.';
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.text)).toEqual(['Za', '1.500', 'evrov', '2.500.000', 'ljudi', 'Dne', '3', '12', '2025', 'ob', '13', '30', 'na', '192', '168', '100', '1', 'in', '1', '5000']);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(tokens.filter((token) => token.text.includes('.')).map((token) => token.stem)).toEqual(['1500', '2500000']);
  });

  it('keeps a number with a decimal comma whole (3,5; 1.500,50), and a list of numbers apart', () => {
    const text = 'Rast 3,5 odstotka, cena 1.500,50 evra, točke 1,2,3 in 4, 5.';
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.text)).toEqual(['Rast', '3,5', 'odstotka', 'cena', '1.500,50', 'evra', 'točke', '1', '2', '3', 'in', '4', '5']);
    expect(tokens.filter((token) => token.text.includes(',')).map((token) => token.stem)).toEqual(['3,5', '1500,5']);
  });

  // Zeros at the end of the decimals change no value: 1.500,00 is found by 1.500, 2,50 by 2,5.
  it.each([
    ['1.500,00', '1500'],
    ['2,50', '2,5'],
    ['2,05', '2,05'],
    ['10,0', '10'],
    ['5,00', '5,0'],
    ['100,500', '100,5'],
  ])('folds %s as %s', (number, folded) => {
    expect(tokenize(number).map((token) => token.folded)).toEqual([folded]);
  });

  it('treats stop words and single letters as unsearchable', () => {
    expect(isSearchable('je')).toBe(false);
    expect(isSearchable('v')).toBe(false);
    expect(isSearchable('in')).toBe(false);
    expect(isSearchable('mir')).toBe(true);
  });
});

describe('a name written with apostrophes is also one word without them', () => {
  const joined = (text: string) => {
    const words: string[] = [];
    forEachJoinedWord(text, (word) => words.push(word));
    return words;
  };
  const stemsJoined = (text: string) => tokenize(text).flatMap((token) => (token.stemJoined ? [`${token.text}:${token.stemJoined}`] : []));

  it.each([
    ['L’Oréal in O\'Rourke', ['LOréal', 'ORourke'], ['Oréal:loreal', 'Rourke:orourk']],
    ['Massimo Dʼ Alema, rock’n’roll', ['rocknroll'], ['roll:rocknroll']],
    ['rock’n’roll in Sant’Egidio', ['rocknroll', 'SantEgidio'], ['roll:rocknroll', 'Egidio:santegidi']],
    // A single quote around a word, or after a number, joins nothing.
    ['je rekel ’mir’ in ’90 let', [], []],
    ['80’s', [], []],
    // More than four parts is no name: none of it is joined, not its first four either.
    ['a’b’c’d’e in x’y', ['xy'], ['y:xy']],
  ])('%s', (text, words, stems) => {
    expect(joined(text)).toEqual(words);
    expect(stemsJoined(text)).toEqual(stems);
  });
});

describe('stemMayBegin', () => {
  it.each([
    // The stem goes on past what is typed.
    ['dmitrij', 'dmitri', true],
    ['gaziran', 'gaz', true],
    // What is typed is the stem and the start of an ending, or of the j inserted after -r.
    ['zelensk', 'zelenskeg', true],
    ['putin', 'putinoveg', true],
    ['kushner', 'kushnerj', true],
    ['kushner', 'kushnerje', true],
    ['witkoff', 'witkoffo', true],
    // The stem without its fleeting e (kushnr, sestank) may begin with the word as written in full.
    ['kushnr', 'kushne', true],
    ['kushnr', 'kushnerj', true],
    ['sestank', 'sestane', true],
    ['sestank', 'sestanek', true],
    // Typed on past the stem with something no ending starts with.
    ['gaz', 'gazir', false],
    ['kos', 'kosil', false],
    ['kushn', 'kushnerj', false],
    ['gaziran', 'gaza', false],
  ])('a word with the stem %s may begin with %s: %s', (stem, typed, may) => {
    expect(stemMayBegin(stem, typed)).toBe(may);
  });
});
