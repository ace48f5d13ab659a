import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';
import { parsePersonCode, personCode } from './person-code.ts';

describe('person codes on boarding cards and wristbands', () => {
  const id = '0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

  it('hold the id and check digits, and nothing else', () => {
    const code = personCode(id);
    expect(code).toMatch(/^CORRIDOR:P:0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b:\d{2}$/);
    expect(parsePersonCode(code)).toEqual({ personId: id });
  });

  it('read back every id they were made from', () => {
    for (let i = 0; i < 500; i++) {
      const other = newId();
      expect(parsePersonCode(personCode(other))).toEqual({ personId: other });
    }
  });

  it('are read in any case, with spaces around, and as typed with the Ukrainian layout on', () => {
    const code = personCode(id);
    expect(parsePersonCode(`  ${code.toLowerCase()} \n`)).toEqual({ personId: id });
    // What a keyboard-emulating scanner types when the desk has the Ukrainian layout switched on.
    const latin = 'qwertyuiopasdfghjkl;zxcvbnm';
    const cyrillic = 'йцукенгшщзфівапролджячсмить';
    const typed = [...code]
      .map((c) => {
        const i = latin.indexOf(c.toLowerCase());
        if (c === ':') return 'Ж';
        if (i < 0) return c;
        return c === c.toLowerCase() ? cyrillic[i] : cyrillic[i]!.toUpperCase();
      })
      .join('');
    expect(typed.startsWith('СЩККШВЩКЖЗЖ')).toBe(true);
    expect(parsePersonCode(typed)).toEqual({ personId: id });
  });

  it('refuse a misread character, a swap, a missing check or another kind of code', () => {
    const code = personCode(id);
    const at = code.indexOf('c3d4');
    const misread = `${code.slice(0, at)}c3d5${code.slice(at + 4)}`;
    expect(parsePersonCode(misread)).toEqual({ problem: expect.stringContaining('misread') });
    const swapped = `${code.slice(0, at)}3cd4${code.slice(at + 4)}`;
    expect(parsePersonCode(swapped)).toEqual({ problem: expect.stringContaining('misread') });
    expect(parsePersonCode(code.slice(0, -3))).toEqual({ problem: expect.stringContaining('check digits') });
    expect(parsePersonCode(id)).toEqual({ problem: expect.stringContaining('CORRIDOR:P:') });
    expect(parsePersonCode('CORRIDOR:P:Yaroslava Shevchuk:12')).toEqual({
      problem: expect.stringContaining('person id'),
    });
  });
});
