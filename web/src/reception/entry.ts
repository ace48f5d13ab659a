// What the desk typed or scanned: a person id, the text of a card's QR code, or a name to look up.
// A scanner types a code and Enter: it is checked in at once. A name is searched first, and the desk
// chooses among the people found.
import { isUuid } from '../../../src/domain/ids.ts';
import { parsePersonCode, personCodePrefix } from '../../../src/domain/person-code.ts';

export type DeskEntry =
  | { kind: 'id'; personId: string }
  | { kind: 'qr'; qr: string }
  | { kind: 'name'; text: string }
  | { kind: 'empty' };

// The prefix as a scanner types it with the Ukrainian keyboard layout switched on.
const ukrainianPrefix = 'СЩККШВЩКЖЗЖ';

export function readEntry(typed: string): DeskEntry {
  const text = typed.trim();
  if (text === '') return { kind: 'empty' };
  if (isUuid(text)) return { kind: 'id', personId: text.toLowerCase() };
  // Anything that reads as a code, or starts like one, goes to the server as a code: a misread
  // code is refused there with the reason, never searched for as a name.
  const upper = text.toUpperCase();
  if (
    'personId' in parsePersonCode(text) ||
    upper.startsWith(personCodePrefix.slice(0, 9)) ||
    upper.startsWith(ukrainianPrefix.slice(0, 9))
  )
    return { kind: 'qr', qr: text };
  return { kind: 'name', text };
}
