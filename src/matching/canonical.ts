// One spelling for the many ways a Ukrainian or Russian name is written in Latin letters.
//
// The national system, the older passport systems, Russian-style transliteration and informal
// spellings differ in a small number of places: how a sound written with one Cyrillic letter is
// spelled (ж zh/ž, х kh/h/x, ц ts/c/tz, ч ch/tch/cz, ш sh/sz/š, щ shch/sch/szcz), whether Г is
// h or g, whether И is y or i, how the iotated vowels Я Ю Є Ї Й and the endings -ий/-ій are
// spelled (ya/ia/ja, yu/iu/ju, ye/ie/e, -ii/-iy/-yi/-y/-ij), and doubled letters. A canonical form
// removes exactly those differences and keeps everything else, so two canonical forms that differ
// still differ in something a clerk would not write differently for the same person.
//
// Sounds written with two Latin letters become one capital letter, so that an edit distance
// counts a typo in "shch" as one edit, not four: S ш, C ч, Z ж, T ц, H г/ґ/х.

const isVowel = (ch: string | undefined): boolean => ch !== undefined && 'aeiou'.includes(ch);

/** Spellings of one consonant sound in two or more letters, longest first, rewritten to one capital. */
const digraphs: ReadonlyArray<readonly [RegExp, string]> = [
  [/shch|szcz|shtsh|sch/g, 'SC'],
  [/tsch|tch|ch|cz/g, 'C'],
  [/zh/g, 'Z'],
  [/sh|sz/g, 'S'],
  [/kh|gh/g, 'H'],
  [/ts|tz/g, 'T'],
  [/ph/g, 'f'],
  [/ck/g, 'k'],
];

/** Single letters that other spellings write differently; applied after the digraphs. */
const letters: ReadonlyArray<readonly [RegExp, string]> = [
  // A lone c is ц before a front vowel and at the end of a word (Kravec), k elsewhere (Victor).
  [/c(?=[eiy]|$)/g, 'T'],
  [/c/g, 'k'],
  [/x/g, 'ks'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  // Г is h in the national system and g in Russian spellings (Hryhorii, Grigory); х is kh or h.
  [/[gh]/g, 'H'],
];

/** Runs of i, y and j: a glide (y) before a vowel, the vowel И/І (i) elsewhere, so -ий/-ій/-ей end in i. */
function spellGlides(word: string): string {
  return (
    word
      .replace(/[ijy]+/g, (run, offset: number) => (isVowel(word[offset + run.length]) ? 'y' : 'i'))
      // Є is ye, ie or plain e depending on the system (Yevhen, Ievhen, Evgeny; Kuznietsov, Kuznetsov).
      .replace(/y(?=e)/g, '')
      // Ё after a consonant is yo, io or plain e in Russian spellings (Solovyov, Soloviov, Solovev).
      .replace(/(?<=[^aeiouy])yo/g, 'e')
      // A glide between two vowels is written or not (Haievych, Gaevich; Maia, Maya, Maja).
      .replace(/(?<=[aeiou])y(?=[aeou])/g, '')
  );
}

/** The canonical form of one lowercase Latin word (see the top of this file). */
export function canonicalWord(word: string): string {
  let out = word;
  for (const [pattern, replacement] of digraphs) out = out.replace(pattern, replacement);
  for (const [pattern, replacement] of letters) out = out.replace(pattern, replacement);
  out = spellGlides(out);
  // Doubled letters are kept or dropped freely (Hanna/Hana, Illia/Ilia, Savva/Sava).
  return out.replace(/(.)\1+/g, '$1');
}

/** The consonant skeleton of a canonical form: vowels and glides dropped, repeats merged. */
export function skeleton(canonical: string): string {
  const consonantsOnly = canonical.replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
  // A name of vowels only (Iia) keeps its canonical form rather than an empty key.
  return consonantsOnly.length > 0 ? consonantsOnly : canonical;
}
