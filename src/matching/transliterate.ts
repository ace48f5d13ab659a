// Ukrainian to Latin by the national transliteration system (Cabinet of Ministers of Ukraine,
// resolution no. 55 of 27 January 2010), the system used in Ukrainian passports since 2010.
const everywhere: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
  // Letters the Ukrainian alphabet lacks but Russian spellings of Ukrainian names use. The
  // resolution does not cover them; these are the readings a Ukrainian clerk would write, so a name
  // keeps one Latin form whichever alphabet it arrived in.
  ё: 'io',
  ы: 'y',
  э: 'e',
  ъ: '',
};

// Є, Ї, Й, Ю, Я (and Russian Ё) are written differently at the start of a word.
const atWordStart: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya', ё: 'yo' };

// The apostrophe (in any of its usual forms) is not transliterated.
const apostrophes = new Set(["'", '\u2019', '\u02bc']);

// Letters are told by case: every letter of the scripts names are written in has a lower and an
// upper case, and this is much faster than a Unicode property test on every character.
const isLetter = (ch: string | undefined): boolean =>
  ch !== undefined && (ch.toLowerCase() !== ch.toUpperCase() || /\p{L}/u.test(ch));
const isUpperLetter = (ch: string | undefined): boolean =>
  ch !== undefined && ch !== ch.toLowerCase() && isLetter(ch);

/** Romanises Cyrillic letters; every other character (Latin letters, digits, spaces, hyphens) is kept. */
export function transliterate(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (apostrophes.has(ch)) continue;
    const lower = ch.toLowerCase();
    const previous = chars[i - 1];
    const wordStart = !isLetter(previous) && !apostrophes.has(previous ?? '');
    let latin: string | undefined = (wordStart ? atWordStart[lower] : undefined) ?? everywhere[lower];
    // The pair зг is written zgh, so that it is not read as the letter ж (zh).
    if (lower === 'г' && previous?.toLowerCase() === 'з') latin = 'gh';
    if (latin === undefined) out += ch;
    else if (ch === lower || latin.length === 0) out += latin;
    else {
      // A word written in capitals (as on a passport's machine-readable line) stays in capitals.
      const wholeWordUpper = isUpperLetter(chars[i + 1]) || (!wordStart && isUpperLetter(previous));
      out += wholeWordUpper ? latin.toUpperCase() : latin[0]!.toUpperCase() + latin.slice(1);
    }
  }
  return out;
}
