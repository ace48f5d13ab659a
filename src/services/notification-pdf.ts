// A convoy's notifications on paper: one page per party with the latest version as sent (movement,
// route and times, vehicles and markings, passengers by category) and the party's answers to it.
// What a liaison officer hands over or files; no names, as in every notification.
import type { NotificationContent, PassengerCounts } from '../domain/notification.ts';
import type { NotificationExport } from './notification-export.ts';
import { newPdf, numberPages, type Pdf, pdfBytes, printedTime } from './pdf.ts';

const categories: Array<[keyof PassengerCounts, string]> = [
  ['total', 'Passengers'],
  ['children', 'Children (under 18)'],
  ['adults', 'Adults (18–59)'],
  ['elderly', 'Elderly (60 and over)'],
  ['ageNotRecorded', 'Age not recorded'],
  ['t1Wounded', 'Wounded, T1'],
  ['otherWounded', 'Wounded, T2 or T3'],
  ['stretcherCases', 'Stretcher cases'],
  ['wheelchairUsers', 'Wheelchair users'],
  ['pregnant', 'Pregnant women'],
];

const stateWords = {
  not_notified: 'not notified',
  awaiting_answer: 'no answer recorded yet',
  acknowledged: 'acknowledged',
  objected: 'OBJECTED',
  no_answer: 'no answer',
} as const;

function heading(doc: Pdf, text: string): void {
  doc.moveDown(0.6).font('bold').fontSize(11).text(text).font('regular').fontSize(10);
}

function rows(doc: Pdf, lines: ReadonlyArray<readonly [string, string]>): void {
  const left = doc.page.margins.left;
  for (const [label, value] of lines) {
    const y = doc.y;
    doc.text(label, left, y, { width: 170 });
    const below = doc.y;
    doc.text(value, left + 180, y, { width: doc.page.width - left - doc.page.margins.right - 180 });
    doc.y = Math.max(below, doc.y);
  }
  doc.x = left;
}

function content(doc: Pdf, c: NotificationContent): void {
  const m = c.movement;
  rows(doc, [
    ['Convoy', `${m.convoyCode}, from ${m.site}`],
    ['Planned departure', printedTime(m.plannedDeparture)],
    ['Planned arrival', printedTime(m.plannedArrival)],
    [
      'Pause window',
      m.pauseWindow
        ? `${m.pauseWindow.name}: ${printedTime(m.pauseWindow.start)} to ${printedTime(m.pauseWindow.end)}`
        : 'none',
    ],
  ]);
  heading(doc, 'Route');
  rows(
    doc,
    c.route.map((w) => [
      `${w.seq}. ${printedTime(w.plannedAt)}`,
      `${w.place} (${w.kind.replaceAll('_', ' ')})`,
    ]),
  );
  heading(doc, `Vehicles: ${c.vehicles.count}, crew ${c.crew}`);
  rows(
    doc,
    c.vehicles.items.map((v) => [
      `${v.label} (${v.kind})`,
      `marking: ${v.marking ?? 'none recorded'}; crew ${v.crew}`,
    ]),
  );
  heading(doc, 'Passengers by category');
  rows(
    doc,
    categories.map(([key, label]) => [label, String(c.passengers[key])]),
  );
}

export async function notificationPdf(data: NotificationExport): Promise<Buffer> {
  const doc = newPdf(`Notifications of convoy ${data.convoy.code}`);
  data.parties.forEach((p, i) => {
    if (i > 0) doc.addPage();
    doc
      .font('bold')
      .fontSize(14)
      .text(`Humanitarian notification: convoy ${data.convoy.code}`)
      .fontSize(11)
      .text(`To: ${p.party.name}${p.party.shortName ? ` (${p.party.shortName})` : ''}`)
      .font('regular')
      .fontSize(10);
    const latest = p.versions.at(-1);
    if (!latest) {
      doc.moveDown().text('This party has not been notified of the convoy.');
      return;
    }
    doc.text(
      `Version ${latest.version}, sent ${printedTime(latest.sentAt)} by ${latest.sentBy}${latest.channel ? ` via ${latest.channel}` : ''}. ` +
        `State: ${stateWords[p.state]}${p.current ? '' : ' (the movement has changed since; to be notified again)'}.`,
    );
    content(doc, latest.content as NotificationContent);
    heading(doc, 'Answers');
    if (latest.answers.length === 0) doc.text('None recorded.');
    for (const a of latest.answers)
      doc.text(
        `${printedTime(a.answeredAt)}: ${a.answer.replace('_', ' ')}${a.sourceNote ? `, ${a.sourceNote}` : ''}${a.sourceId ? ` (source ${a.sourceId})` : ''}${a.note ? `. ${a.note}` : ''}`,
      );
  });
  if (data.parties.length === 0) doc.text(`Convoy ${data.convoy.code}: the site has no parties to notify.`);
  if (data.flags.length > 0) {
    heading(doc, 'Flags before departure');
    for (const f of data.flags) doc.text(`• ${f.message}`);
  }
  numberPages(doc, `Convoy ${data.convoy.code}, exported ${printedTime(data.exportedAt)}`);
  return pdfBytes(doc);
}
