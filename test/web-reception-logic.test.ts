// The reception desk's and the alerts screen's own logic, without a browser: how the desk reads what
// was typed or scanned, and how an alert's details read.
import { describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import { personCode } from '../src/domain/person-code.ts';
import { detailLines, lastSeenText } from '../web/src/alerts/details.ts';
import { en } from '../web/src/i18n/en.ts';
import { readEntry } from '../web/src/reception/entry.ts';

describe('what the desk typed or scanned', () => {
  const id = newId();

  it('checks in an id or a card at once, and looks a name up', () => {
    expect(readEntry(`  ${id.toUpperCase()} `)).toEqual({ kind: 'id', personId: id });
    expect(readEntry(personCode(id))).toEqual({ kind: 'qr', qr: personCode(id) });
    expect(readEntry('Коваленко Олена')).toEqual({ kind: 'name', text: 'Коваленко Олена' });
    expect(readEntry('kovalenko')).toEqual({ kind: 'name', text: 'kovalenko' });
    expect(readEntry('   ')).toEqual({ kind: 'empty' });
  });

  it('sends a misread code, or one typed with the Ukrainian layout, as a code, never as a name', () => {
    const code = personCode(id);
    const misread = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    expect(readEntry(misread)).toEqual({ kind: 'qr', qr: misread });
    // What a scanner types for CORRIDOR:P: with the Ukrainian layout on.
    const ukrainian = `СЩККШВЩКЖЗЖ${code.slice('CORRIDOR:P:'.length)}`;
    expect(readEntry(ukrainian).kind).toBe('qr');
  });
});

describe("an alert's details in words", () => {
  // The English strings, looked up by key and filled in, as i18next would.
  const t = (key: string, values: Record<string, unknown> = {}) => {
    const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en);
    expect(typeof found, key).toBe('string');
    return (found as string).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
  };
  const when = (iso: string) => iso.slice(11, 16);

  it('says where a passenger who did not arrive was last seen', () => {
    const lines = detailLines(
      'boarded_not_arrived',
      {
        vehicleLabel: 'Bus 2',
        lastSeen: { waypointName: 'Bezimenne', how: 'held', at: '2022-05-06T03:40:00Z' },
      },
      t,
      when,
    );
    expect(lines).toEqual(['Vehicle: Bus 2', 'last seen at Bezimenne: held, 03:40']);
    expect(lastSeenText(null, t, when)).toBe('not seen since boarding');
  });

  it('gives the no-show reason, and where a child’s mother is', () => {
    expect(
      detailLines(
        'manifest_not_boarded',
        { manifestStatus: 'no_show', reason: 'stayed with a neighbour' },
        t,
        when,
      ),
    ).toEqual(['Manifest: no-show. Reason: stayed with a neighbour']);
    expect(
      detailLines(
        'unaccompanied_child_arrived',
        {
          receptionPointName: 'Zaporizhzhia',
          desk: '2',
          guardians: [{ personId: newId(), relation: 'mother', status: 'held_at_screening' }],
          householdAdults: [],
        },
        t,
        when,
      ),
    ).toEqual(['Checked in at Zaporizhzhia, desk 2', 'mother: held at screening']);
  });
});
