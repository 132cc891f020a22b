/**
 * Cost of people detection alone: builds the detector for registries of different sizes and runs it over
 * the same synthetic ~3 KB articles. Detection is one pass with a Map lookup per capitalised word, so the
 * time per article should not grow with the registry.
 *
 *   node --import tsx src/bench/people-detection.ts [articles=2000]
 */
import type { Person } from '../content/person.ts';
import { createDetector, detectPeople } from '../people/detect.ts';

const FIRST = ['Janez', 'Marko', 'Ana', 'Petra', 'Luka', 'Miha', 'Nina', 'Eva', 'Tomaž', 'Boris', 'Igor', 'Olga', 'Jure', 'Maja', 'Rok', 'Tina'];
const SYLLABLES = ['no', 'vak', 'kra', 'jnc', 'zu', 'pan', 'ko', 'vač', 'mla', 'kar', 'ber', 'nik', 'go', 'lob', 'ho', 'čev', 'ar', 'tič', 'ren', 'ški'];

function surname(i: number): string {
  let value = i + 7;
  let word = '';
  for (let k = 0; k < 3; k++) {
    word += SYLLABLES[value % SYLLABLES.length];
    value = Math.floor(value / SYLLABLES.length) + k * 3;
  }
  return word[0]!.toUpperCase() + word.slice(1);
}

function registry(size: number): Person[] {
  return Array.from({ length: size }, (_, i) => {
    const name = `${FIRST[i % FIRST.length]} ${surname(i)}`;
    return { id: `oseba-${i}`, name, aliases: [], role: undefined, gender: undefined, detect: true, bio: '', file: undefined };
  });
}

const FILLER =
  'Vlada je na današnji seji sprejela predlog sprememb zakona, ki ga bo državni zbor obravnaval prihodnji mesec. ' +
  'Po besedah predstavnikov ministrstva bodo spremembe prinesle manj birokracije in hitrejše postopke za podjetja. ';

function article(people: readonly Person[], seed: number): string {
  const parts: string[] = [];
  while (parts.join('').length < 3000) {
    const person = people[(seed * 31 + parts.length * 7) % people.length]!;
    const [first, last] = person.name.split(' ');
    parts.push(`${FILLER}${first} ${last} je dejal, da je ${last}u predlog všeč. `);
  }
  return parts.join('');
}

const count = Number(process.argv[2] ?? 2000);
for (const size of [20, 2000, 20, 2000]) {
  const people = registry(size);
  const texts = Array.from({ length: count }, (_, i) => article(people, i));
  let started = performance.now();
  const detector = createDetector(people);
  const buildMs = performance.now() - started;
  started = performance.now();
  let mentions = 0;
  for (const text of texts) mentions += detectPeople(detector, text).mentions.length;
  const perArticle = (performance.now() - started) / count;
  console.log(`${String(size).padStart(5)} people: index ${detector.index.size} forms, built in ${buildMs.toFixed(0)} ms; ${perArticle.toFixed(3)} ms per ~3 KB article (${mentions} mentions)`);
}
