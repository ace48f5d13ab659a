import { transliterate } from '../../matching/transliterate.ts';

// Invented but plausible names for people of Mariupol: common Ukrainian surnames, with a few of the
// Russian-form and Greek surnames the city's history gives it. Given names follow the fashions of
// each generation, so a grandmother is not called Zlata and a toddler is not called Zinaida.

/** A surname: one form, or its masculine and feminine forms. */
const surnames = `Коваленко Бондаренко Шевченко Ткаченко Кравченко Олійник Шевчук Поліщук Бойко Ткачук Мельник
Лисенко Савченко Руденко Мороз Марченко Петренко Клименко Павленко Кравчук Кузьменко Левченко Гончаренко
Харченко Литвиненко Сидоренко Мельничук Романенко Ковальчук Коваль Гаврилюк Пономаренко Карпенко Остапенко
Захарченко Яковенко Іваненко Тарасенко Костенко Демченко Бондар Кушнір Панченко Дорошенко Гребенюк Семенюк
Мартинюк Вовк Бабенко Онищенко Головко Стеценко Ярошенко Гаращенко Зінченко Назаренко Приходько Кириленко
Степаненко Білоус Дзюба Гуменюк Тимошенко Лук'яненко Юрченко Федоренко Данилюк Грищенко Максименко Кравець
Швець Гнатюк Сорока Бойченко Мірошниченко Пападопуло Зозуля Осадчий/Осадча Ковальський/Ковальська
Вишневський/Вишневська Білий/Біла Чорний/Чорна Зелений/Зелена Яворський/Яворська Рибчинський/Рибчинська
Тихий/Тиха Попов/Попова Чебанов/Чебанова Хаджинов/Хаджинова Кузнєцов/Кузнєцова Новиков/Новикова`;

/** Male given names with the patronymics they give a son and a daughter. */
const maleNames = {
  old: `Анатолій:Анатолійович:Анатоліївна Григорій:Григорович:Григорівна Степан:Степанович:Степанівна
Микола:Миколайович:Миколаївна Іван:Іванович:Іванівна Василь:Васильович:Василівна Петро:Петрович:Петрівна
Михайло:Михайлович:Михайлівна Віктор:Вікторович:Вікторівна Леонід:Леонідович:Леонідівна
Федір:Федорович:Федорівна Борис:Борисович:Борисівна Геннадій:Геннадійович:Геннадіївна
Валерій:Валерійович:Валеріївна Володимир:Володимирович:Володимирівна`,
  middle: `Олександр:Олександрович:Олександрівна Андрій:Андрійович:Андріївна Сергій:Сергійович:Сергіївна
Дмитро:Дмитрович:Дмитрівна Юрій:Юрійович:Юріївна Олег:Олегович:Олегівна Ігор:Ігорович:Ігорівна
Євген:Євгенович:Євгенівна Віталій:Віталійович:Віталіївна Павло:Павлович:Павлівна
Костянтин:Костянтинович:Костянтинівна Вадим:Вадимович:Вадимівна Руслан:Русланович:Русланівна
Олексій:Олексійович:Олексіївна Роман:Романович:Романівна Денис:Денисович:Денисівна
Богдан:Богданович:Богданівна Тарас:Тарасович:Тарасівна Ярослав:Ярославович:Ярославівна
Станіслав:Станіславович:Станіславівна Володимир:Володимирович:Володимирівна Антон:Антонович:Антонівна`,
  young: `Максим:Максимович:Максимівна Артем:Артемович:Артемівна Назар:Назарович:Назарівна
Матвій:Матвійович:Матвіївна Данило:Данилович:Данилівна Кирило:Кирилович:Кирилівна Захар:Захарович:Захарівна
Тимофій:Тимофійович:Тимофіївна Марко:Маркович:Марківна Остап:Остапович:Остапівна Ілля:Ілліч:Іллівна
Богдан:Богданович:Богданівна Олександр:Олександрович:Олександрівна Дмитро:Дмитрович:Дмитрівна
Денис:Денисович:Денисівна Святослав:Святославович:Святославівна`,
};

const femaleNames = {
  old: `Галина Валентина Ніна Раїса Тамара Зінаїда Лідія Любов Віра Надія Людмила Ганна Марія Алла Ольга`,
  middle: `Олена Наталія Тетяна Ірина Світлана Оксана Юлія Катерина Ольга Вікторія Лариса Інна Жанна Яна
Ганна Марина Олександра Людмила`,
  young: `Софія Злата Поліна Дарина Соломія Анастасія Вероніка Христина Уляна Зоряна Мар'яна Вікторія Єва
Аліна Діана Богдана Мілана Ангеліна`,
};

/** A name ready to use: the Cyrillic as written and its Latin form, both already JSON-safe text. */
export interface NamePair {
  cyrl: string;
  latn: string;
}

const pair = (cyrl: string): NamePair => ({ cyrl, latn: transliterate(cyrl) });
const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

export interface Surname {
  male: NamePair;
  female: NamePair;
}

export const surnameList: readonly Surname[] = words(surnames).map((entry) => {
  const [male, female = male] = entry.split('/') as [string, string?];
  return { male: pair(male), female: pair(female) };
});

export interface MaleName {
  given: NamePair;
  /** The patronymic this name gives a son, and a daughter. */
  son: NamePair;
  daughter: NamePair;
}

export type Generation = 'old' | 'middle' | 'young';

const maleList = (text: string): MaleName[] =>
  words(text).map((entry) => {
    const [given, son, daughter] = entry.split(':') as [string, string, string];
    return { given: pair(given), son: pair(son), daughter: pair(daughter) };
  });

export const maleGivenNames: Record<Generation, readonly MaleName[]> = {
  old: maleList(maleNames.old),
  middle: maleList(maleNames.middle),
  young: maleList(maleNames.young),
};

export const femaleGivenNames: Record<Generation, readonly NamePair[]> = {
  old: words(femaleNames.old).map(pair),
  middle: words(femaleNames.middle).map(pair),
  young: words(femaleNames.young).map(pair),
};

/** The naming fashion of a birth year. */
export const generationOf = (birthYear: number): Generation =>
  birthYear < 1966 ? 'old' : birthYear < 1994 ? 'middle' : 'young';
