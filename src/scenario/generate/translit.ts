// Romanisation of Ukrainian by the national system (Cabinet of Ministers resolution No. 55 of
// 27 January 2010), the one Ukrainian passports use, so a generated Latin name is what a reception
// desk would read from the person's documents.

const plain: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
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
  // The apostrophe (in any of its usual forms) is not written.
  "'": '',
  '’': '',
  ʼ: '',
};

/** Letters written one way at the start of a word and another way inside it. */
const initialForms: Record<string, [string, string]> = {
  є: ['ye', 'ie'],
  ї: ['yi', 'i'],
  й: ['y', 'i'],
  ю: ['yu', 'iu'],
  я: ['ya', 'ia'],
};

const isCyrillicLetter = (ch: string | undefined): boolean => ch !== undefined && /[\u0400-\u04ff]/.test(ch);
const apostrophes = new Set(["'", '’', 'ʼ']);

export function transliterate(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    let latin: string;
    const previous = text[i - 1];
    const wordStart = !isCyrillicLetter(previous) && !(previous !== undefined && apostrophes.has(previous));
    const forms = initialForms[lower];
    if (forms) latin = wordStart ? forms[0] : forms[1];
    // "зг" is written "zgh", to tell it apart from "жг" ("zhh").
    else if (lower === 'г' && text[i - 1]?.toLowerCase() === 'з') latin = 'gh';
    else latin = plain[lower] ?? ch;
    if (upper && latin.length > 0) {
      const wholeWordUpper = text[i + 1] !== undefined && /[А-ЯҐЄІЇ]/.test(text[i + 1]!);
      latin = wholeWordUpper ? latin.toUpperCase() : latin[0]!.toUpperCase() + latin.slice(1);
    }
    out += latin;
  }
  return out;
}
