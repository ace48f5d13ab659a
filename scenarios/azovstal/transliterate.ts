// Ukrainian to Latin by the national transliteration system (Cabinet of Ministers of Ukraine,
// resolution no. 55 of 27 January 2010), the system used in Ukrainian passports.
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
};

// Є, Ї, Й, Ю, Я are written differently at the start of a word.
const atWordStart: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

// The apostrophe (in any of its usual forms) is not transliterated.
const apostrophes = new Set(["'", '\u2019', '\u02bc']);

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch);

export function transliterate(text: string): string {
  const chars = [...text];
  let out = '';
  chars.forEach((ch, i) => {
    if (apostrophes.has(ch)) return;
    const lower = ch.toLowerCase();
    const previous = chars[i - 1];
    const wordStart = !isLetter(previous) && !apostrophes.has(previous ?? '');
    let latin: string | undefined =
      (wordStart ? atWordStart[lower] : undefined) ?? everywhere[lower] ?? undefined;
    // The pair зг is written zgh, so that it is not read as the letter ж (zh).
    if (lower === 'г' && previous?.toLowerCase() === 'з') latin = 'gh';
    if (latin === undefined) {
      out += ch;
      return;
    }
    out += ch !== lower && latin.length > 0 ? latin[0]!.toUpperCase() + latin.slice(1) : latin;
  });
  return out;
}
