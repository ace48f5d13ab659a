import { describe, expect, it } from 'vitest';
import { transliterate } from './transliterate.ts';

describe('transliterate: the Ukrainian national system (resolution no. 55 of 2010)', () => {
  // The examples in the resolution's own table, letter by letter.
  const official: Array<[string, string]> = [
    ['Алушта', 'Alushta'],
    ['Андрій', 'Andrii'],
    ['Борщагівка', 'Borshchahivka'],
    ['Борисенко', 'Borysenko'],
    ['Вінниця', 'Vinnytsia'],
    ['Володимир', 'Volodymyr'],
    ['Гадяч', 'Hadiach'],
    ['Богдан', 'Bohdan'],
    ['Згурський', 'Zghurskyi'],
    ['Ґалаґан', 'Galagan'],
    ['Ґорґани', 'Gorgany'],
    ['Донецьк', 'Donetsk'],
    ['Дмитро', 'Dmytro'],
    ['Рівне', 'Rivne'],
    ['Олег', 'Oleh'],
    ['Есмань', 'Esman'],
    ['Єнакієве', 'Yenakiieve'],
    ['Гаєвич', 'Haievych'],
    ["Короп'є", 'Koropie'],
    ['Житомир', 'Zhytomyr'],
    ['Жанна', 'Zhanna'],
    ['Жежелів', 'Zhezheliv'],
    ['Закарпаття', 'Zakarpattia'],
    ['Казимирчук', 'Kazymyrchuk'],
    ['Медвин', 'Medvyn'],
    ['Михайленко', 'Mykhailenko'],
    ['Іванків', 'Ivankiv'],
    ['Іващенко', 'Ivashchenko'],
    ['Їжакевич', 'Yizhakevych'],
    ['Кадиївка', 'Kadyivka'],
    ["Мар'їне", 'Marine'],
    ['Йосипівка', 'Yosypivka'],
    ['Стрий', 'Stryi'],
    ['Олексій', 'Oleksii'],
    ['Київ', 'Kyiv'],
    ['Коваленко', 'Kovalenko'],
    ['Лебедин', 'Lebedyn'],
    ['Леонід', 'Leonid'],
    ['Михайло', 'Mykhailo'],
    ['Миколаїв', 'Mykolaiv'],
    ['Маринич', 'Marynych'],
    ['Ніжин', 'Nizhyn'],
    ['Наталія', 'Nataliia'],
    ['Одеса', 'Odesa'],
    ['Онищенко', 'Onyshchenko'],
    ['Полтава', 'Poltava'],
    ['Петро', 'Petro'],
    ['Решетилівка', 'Reshetylivka'],
    ['Рибчинський', 'Rybchynskyi'],
    ['Суми', 'Sumy'],
    ['Соломія', 'Solomiia'],
    ['Тернопіль', 'Ternopil'],
    ['Троць', 'Trots'],
    ['Ужгород', 'Uzhhorod'],
    ['Уляна', 'Uliana'],
    ['Фастів', 'Fastiv'],
    ['Філіпчук', 'Filipchuk'],
    ['Харків', 'Kharkiv'],
    ['Христина', 'Khrystyna'],
    ['Біла Церква', 'Bila Tserkva'],
    ['Стеценко', 'Stetsenko'],
    ['Чернівці', 'Chernivtsi'],
    ['Шевченко', 'Shevchenko'],
    ['Шостка', 'Shostka'],
    ['Кишеньки', 'Kyshenky'],
    ['Щербухи', 'Shcherbukhy'],
    ['Гоща', 'Hoshcha'],
    ['Гаращенко', 'Harashchenko'],
    ['Юрій', 'Yurii'],
    ['Корюківка', 'Koriukivka'],
    ['Яготин', 'Yahotyn'],
    ['Ярошенко', 'Yaroshenko'],
    ['Костянтин', 'Kostiantyn'],
    ["Знам'янка", 'Znamianka'],
    ['Феодосія', 'Feodosiia'],
  ];
  it.each(official)('%s → %s', (cyrillic, latin) => {
    expect(transliterate(cyrillic)).toBe(latin);
  });

  it('drops the apostrophe in each of its usual forms', () => {
    for (const apostrophe of ["'", '’', 'ʼ'])
      expect(transliterate(`Мʼясоїд`.replace('ʼ', apostrophe))).toBe('Miasoid');
  });

  it('starts a new word after a hyphen or a space', () => {
    expect(transliterate('Ганна-Юлія')).toBe('Hanna-Yuliia');
    expect(transliterate('Олена Євгенія')).toBe('Olena Yevheniia');
  });

  it('keeps a word written in capitals in capitals', () => {
    expect(transliterate('ЩУР')).toBe('SHCHUR');
    expect(transliterate('КОВАЛЕНКО ОЛЕКСІЙ')).toBe('KOVALENKO OLEKSII');
    expect(transliterate('Щ.')).toBe('Shch.');
  });

  it('writes the letters Russian spellings add, and leaves Latin letters alone', () => {
    expect(transliterate('Соловьёв')).toBe('Soloviov');
    expect(transliterate('Быков')).toBe('Bykov');
    expect(transliterate('Эдуард')).toBe('Eduard');
    expect(transliterate('Подъячев')).toBe('Podiachev');
    expect(transliterate('Ёлкин')).toBe('Yolkyn');
    expect(transliterate('Kovalenko Олег')).toBe('Kovalenko Oleh');
  });
});
