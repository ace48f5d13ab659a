import { describe, expect, it } from 'vitest';
import { transliterate } from './translit.ts';

describe('transliterate (Ukrainian national system, 2010)', () => {
  // Examples from the table of the resolution itself.
  const examples: Array<[string, string]> = [
    ['Алушта', 'Alushta'],
    ['Андрій', 'Andrii'],
    ['Борщагівка', 'Borshchahivka'],
    ['Вінниця', 'Vinnytsia'],
    ['Гадяч', 'Hadiach'],
    ['Згорани', 'Zghorany'],
    ['Розгон', 'Rozghon'],
    ['Ґалаґан', 'Galagan'],
    ['Донецьк', 'Donetsk'],
    ['Єнакієве', 'Yenakiieve'],
    ['Гаєвич', 'Haievych'],
    ["Короп'є", 'Koropie'],
    ['Житомир', 'Zhytomyr'],
    ['Їжакевич', 'Yizhakevych'],
    ['Кадиївка', 'Kadyivka'],
    ["Мар'їне", 'Marine'],
    ['Йосипівка', 'Yosypivka'],
    ['Стрий', 'Stryi'],
    ['Олексій', 'Oleksii'],
    ['Харків', 'Kharkiv'],
    ['Біла Церква', 'Bila Tserkva'],
    ['Щербухи', 'Shcherbukhy'],
    ['Гоща', 'Hoshcha'],
    ['Юрій', 'Yurii'],
    ['Корюківка', 'Koriukivka'],
    ['Яготин', 'Yahotyn'],
    ['Костянтин', 'Kostiantyn'],
    ["Знам'янка", 'Znamianka'],
    ['Феодосія', 'Feodosiia'],
    ['Тернопіль', 'Ternopil'],
  ];
  it.each(examples)('%s → %s', (cyrillic, latin) => {
    expect(transliterate(cyrillic)).toBe(latin);
  });

  it('starts a new word after a hyphen and keeps an all-capital word in capitals', () => {
    expect(transliterate('Ганна-Юлія')).toBe('Hanna-Yuliia');
    expect(transliterate('ЩУР')).toBe('SHCHUR');
  });
});
