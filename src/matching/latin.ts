import { transliterate } from './transliterate.ts';

// Latin letters with marks that stand for a Cyrillic sound of their own (ISO 9, the Czech and
// Polish traditions, scholarly transliteration). They are spelled out before the remaining marks
// are dropped, so that Ševčenko meets Shevchenko rather than Sevcenko.
const markedLetters: Record<string, string> = {
  š: 'sh',
  ś: 's',
  č: 'ch',
  ć: 'ch',
  ž: 'zh',
  ż: 'zh',
  ź: 'z',
  ŝ: 'shch',
  ł: 'l',
  ń: 'n',
  ě: 'ie',
  ê: 'ie',
  ï: 'yi',
  û: 'iu',
  â: 'ia',
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
};

/**
 * A name part as lowercase Latin words without marks or punctuation, whatever script it was
 * written in: Cyrillic goes through the national system, marks are spelled out or dropped,
 * apostrophes vanish (as the national system says) and hyphens and spaces separate words.
 */
export function latinWords(text: string): string[] {
  const latin = transliterate(text.normalize('NFC')).toLowerCase();
  let spelled = '';
  for (const ch of latin) spelled += markedLetters[ch] ?? ch;
  return spelled
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['\u2019\u02bc`´"]/g, '')
    .split(/[^a-z]+/)
    .filter((word) => word.length > 0);
}

/** The words of latinWords joined by single spaces: the form shown when two spellings agree. */
export const latinForm = (text: string): string => latinWords(text).join(' ');
