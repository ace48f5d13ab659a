// Two other ways of writing Cyrillic names in Latin letters, for the labelled pair set: the
// romanisation of Ukrainian passports before 2010, and the English-style romanisation of Russian
// used on Soviet and Russian documents. Written for the test data, apart from the matcher.

const older: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'yi',
  й: 'y',
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
  ю: 'yu',
  я: 'ya',
  ʼ: '',
  "'": '',
  '’': '',
};

const russian: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
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
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

function romanise(text: string, table: Record<string, string>, iotatedE: boolean): string {
  const chars = [...text];
  return chars
    .map((ch, i) => {
      const lower = ch.toLowerCase();
      let latin = table[lower] ?? ch;
      // Russian е is ye at the start of a word and after a vowel or a soft or hard sign (Yelena, Sergeyev).
      if (iotatedE && lower === 'е' && (i === 0 || /[аеёиоуыэюяьъ]/.test(chars[i - 1]!.toLowerCase())))
        latin = 'ye';
      return ch !== lower && latin.length > 0 ? latin[0]!.toUpperCase() + latin.slice(1) : latin;
    })
    .join('');
}

/** Ukrainian as older passports wrote it: y for й, ya/yu/ye/yi everywhere (Oleksiy, Tetyana). */
export const olderPassportLatin = (text: string): string => romanise(text, older, false);

/** Russian in English-style romanisation (Aleksey, Sergeyevich, Grigoriy). */
export const russianLatin = (text: string): string => romanise(text, russian, true);
