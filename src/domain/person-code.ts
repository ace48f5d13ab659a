// What the QR code on a boarding card or wristband says: the person's id and two check digits,
// never a name, so a lost card or a photographed wristband tells whoever holds it nothing about who
// wore it. Desks read it with a scanner that types into an input, or a person types it by hand.
import { isUuid } from './ids.ts';

export const personCodePrefix = 'CORRIDOR:P:';

// ISO 7064 MOD 97-10 over the id's 128 bits (as IBANs do): any one mistyped or misread character
// and almost every swap of two changes the check digits, so a bad read is refused, not taken for
// someone else's id.
function checkDigits(id: string): string {
  const value = BigInt(`0x${id.replaceAll('-', '')}`);
  return String(98n - ((value * 100n) % 97n)).padStart(2, '0');
}

/** The text of a person's QR code: `CORRIDOR:P:<uuid>:<two check digits>`. */
export function personCode(id: string): string {
  const lower = id.toLowerCase();
  return `${personCodePrefix}${lower}:${checkDigits(lower)}`;
}

// A scanner acting as a keyboard types what it reads with the desk's layout: with the Ukrainian
// layout switched on, "CORRIDOR:P:" arrives as "СЩККШВЩКЖЗЖ". Each key is mapped back to the
// character it carries on a US layout, so the desk need not switch layouts before scanning.
const ukrainianLetters = 'йцукенгшщзфівапролджячсмить';
const usKeys = 'qwertyuiopasdfghjkl;zxcvbnm';
const usKeyOf = new Map([...ukrainianLetters].map((letter, i) => [letter, usKeys[i]!]));

function fromUkrainianLayout(text: string): string {
  return [...text]
    .map((c) => {
      const key = usKeyOf.get(c.toLowerCase());
      if (key === undefined) return c;
      // With Shift the same keys give capitals, and ж's key gives the colon.
      if (c === c.toLowerCase()) return key;
      return key === ';' ? ':' : key.toUpperCase();
    })
    .join('');
}

export type ParsedPersonCode = { personId: string } | { problem: string };

/**
 * Reads a QR code's text (as scanned or typed, in either keyboard layout, any case, with stray
 * spaces) back into a person's id, or says what is wrong with it.
 */
export function parsePersonCode(scanned: string): ParsedPersonCode {
  const text = fromUkrainianLayout(scanned.trim()).replaceAll(';', ':').toLowerCase();
  const prefix = personCodePrefix.toLowerCase();
  if (!text.startsWith(prefix))
    return { problem: `a Corridor person code starts with ${personCodePrefix}; this one does not` };
  const [id, check, ...rest] = text.slice(prefix.length).split(':');
  if (id === undefined || !isUuid(id) || rest.length > 0)
    return { problem: 'the code does not hold a person id; scan it again or type the id' };
  if (check === undefined || !/^\d{2}$/.test(check))
    return { problem: 'the code has no check digits at its end; scan it again or type the id' };
  if (check !== checkDigits(id))
    return { problem: 'the check digits do not match the id: the code was misread; scan it again' };
  return { personId: id };
}
