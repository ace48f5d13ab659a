// The bundle import page's text, in its own i18next namespace ('bundles').
export const bundlesEn = {
  nav: 'Bundle import',
  title: 'Import a field bundle',
  help: 'A bundle is a file of a field device’s unsent changes, carried out of the site when there was no network. It is sealed and signed by the device: importing it applies each change once, as if the device had sent it; importing it again changes nothing more.',
  file: 'Bundle file',
  submit: 'Import',
  importing: 'Checking and importing the bundle…',
  done: 'Bundle imported: operations {{first}}–{{last}} of device {{device}}.',
  outcome: 'Outcome',
  operations: 'Operations',
  applied: 'Applied',
  duplicate: 'Already received',
  conflict: 'Conflicts',
  rejected: 'Rejected',
  gap: 'Waiting for earlier operations',
  conflictNote:
    'A conflict is a change that lost to a later one: the later one stands, and the lost one is kept in the record’s history.',
  rejectedTitle: 'Rejected operations',
  rejectedItem: 'Operation {{seq}}: {{message}}',
  failed: 'The bundle was not imported; nothing was changed.',
  why: {
    notJson:
      'The file is not JSON: a bundle cut short (a copy interrupted) or not a bundle at all. Check the file and import it again.',
    shape: 'The file is not a bundle, or one of its fields is not as a bundle has it.',
    tampered:
      'The bundle is refused: it was changed after the device made it, or it was not made by that device.',
    unknownDevice:
      'The device that made this bundle is not enrolled on this server. Bundles are taken only from devices enrolled here.',
    disabled: 'The device belongs to an account that is disabled: its bundles are refused.',
    tooLarge: 'The file is too large for one bundle (at most 16 MB).',
    other: 'The server refused the bundle.',
  },
};

export const bundlesUk: typeof bundlesEn = {
  nav: 'Імпорт пакета',
  title: 'Імпорт польового пакета',
  help: 'Пакет — це файл із ненадісланими змінами польового пристрою, винесений з об’єкта, коли не було зв’язку. Пристрій його шифрує й підписує: імпорт застосовує кожну зміну один раз, так ніби пристрій надіслав її сам; повторний імпорт більше нічого не змінює.',
  file: 'Файл пакета',
  submit: 'Імпортувати',
  importing: 'Перевірка та імпорт пакета…',
  done: 'Пакет імпортовано: операції {{first}}–{{last}} пристрою {{device}}.',
  outcome: 'Результат',
  operations: 'Операції',
  applied: 'Застосовано',
  duplicate: 'Уже отримано раніше',
  conflict: 'Конфлікти',
  rejected: 'Відхилено',
  gap: 'Очікують попередніх операцій',
  conflictNote:
    'Конфлікт — це зміна, що поступилася пізнішій: пізніша залишається, а втрачена зберігається в історії запису.',
  rejectedTitle: 'Відхилені операції',
  rejectedItem: 'Операція {{seq}}: {{message}}',
  failed: 'Пакет не імпортовано; нічого не змінено.',
  why: {
    notJson:
      'Файл не є JSON: пакет обірвано (копіювання перервалося) або це зовсім не пакет. Перевірте файл та імпортуйте його ще раз.',
    shape: 'Файл не є пакетом, або одне з його полів не таке, як у пакеті.',
    tampered:
      'Пакет відхилено: його змінено після того, як пристрій його створив, або його створив не цей пристрій.',
    unknownDevice:
      'Пристрій, що створив цей пакет, не зареєстровано на цьому сервері. Пакети приймаються лише від зареєстрованих тут пристроїв.',
    disabled: 'Пристрій належить вимкненому обліковому запису: його пакети не приймаються.',
    tooLarge: 'Файл завеликий для одного пакета (не більше 16 МБ).',
    other: 'Сервер відхилив пакет.',
  },
};
