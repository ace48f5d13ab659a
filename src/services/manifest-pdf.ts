// The paper manifest: what the crew carries and the pickup point ticks off when the network is
// down. One section per vehicle, households together, with a line to sign at the end of each.

import type { ManifestEntryView, ManifestView } from './manifest-view.ts';
import { newPdf, numberPages, type Pdf, pdfBytes, printedNames, printedTime } from './pdf.ts';

const columns = [
  { title: 'No.', width: 24 },
  { title: 'Name', width: 163 },
  { title: 'Born', width: 58 },
  { title: 'Sex', width: 36 },
  { title: 'Needs', width: 86 },
  { title: 'Status', width: 82 },
  { title: 'ID', width: 66 },
] as const;

const priorityWords: Record<ManifestEntryView['category']['priority'], string | null> = {
  t1_wounded: 'T1 wounded',
  unaccompanied_child: 'unaccompanied child',
  child: 'child',
  pregnant: 'pregnant',
  elderly: 'elderly',
  other: null,
};

/** The short id printed on cards and manifests: enough to find a person, too short to mistype much. */
export const shortId = (id: string): string => id.slice(-8);

function needsOf(e: ManifestEntryView): string {
  const words = [priorityWords[e.category.priority]];
  if (e.category.triage && e.category.priority !== 't1_wounded') words.push(`wounded ${e.category.triage}`);
  if (e.category.needs !== 'seat') words.push(e.category.needs);
  return words.filter(Boolean).join(', ');
}

function statusOf(e: ManifestEntryView): string {
  const substitute = e.substituteFor ? `in place of ${shortId(e.substituteFor)}; ` : '';
  switch (e.status) {
    case 'expected':
      return `${substitute}☐`;
    case 'boarded':
      return `${substitute}boarded ${printedTime(e.boardedAt).slice(11)}`;
    case 'no_show':
      return `no-show: ${e.reason ?? ''}`;
    case 'replaced':
      return `replaced: ${e.reason ?? ''}`;
  }
}

function cellsOf(e: ManifestEntryView, n: number): string[] {
  return [
    String(n),
    e.names ? printedNames(e.names) : '—',
    e.birthDate ?? (e.birthYear ? String(e.birthYear) : (e.category.ageBand ?? '')),
    e.sex,
    needsOf(e),
    statusOf(e),
    shortId(e.personId),
  ];
}

function row(doc: Pdf, cells: readonly string[], bold = false): void {
  doc.font(bold ? 'bold' : 'regular').fontSize(8.5);
  const heights = cells.map((text, i) => doc.heightOfString(text, { width: columns[i]!.width - 4 }));
  const height = Math.max(...heights) + 4;
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  let x = doc.page.margins.left;
  cells.forEach((text, i) => {
    doc.text(text, x + 2, top + 2, { width: columns[i]!.width - 4 });
    x += columns[i]!.width;
  });
  doc
    .moveTo(doc.page.margins.left, top + height)
    .lineTo(x, top + height)
    .lineWidth(0.3)
    .strokeColor('#999999')
    .stroke();
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

/** The manifest of a convoy as a PDF: header with route and times, then each vehicle's list. */
export async function manifestPdf(view: ManifestView, siteName: string): Promise<Buffer> {
  const { convoy } = view;
  const doc = newPdf(`Manifest of convoy ${convoy.code}`);
  doc.font('bold').fontSize(16).text(`Manifest · convoy ${convoy.code}`);
  doc.font('regular').fontSize(9.5);
  doc.text(`${siteName} · ${view.waypoints.map((w) => w.name).join(' → ')}`);
  doc.text(
    `Planned departure ${printedTime(convoy.plannedDeparture)} · planned arrival ${printedTime(convoy.plannedArrival)}`,
  );
  doc.text(
    convoy.manifestLockedAt
      ? `Locked at departure ${printedTime(convoy.manifestLockedAt)}: this is the final list.`
      : `Printed ${printedTime(new Date().toISOString())}, before departure: the list may still change.`,
  );
  const c = view.counts;
  doc.text(
    `${c.total} on the manifest: ${c.boarded} boarded, ${c.expected} expected, ${c.no_show} no-show, ${c.replaced} replaced`,
  );

  for (const vehicle of view.vehicles) {
    doc.moveDown(1);
    if (doc.y + 80 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const marking = vehicle.marking ?? vehicle.plateOrMarking;
    doc
      .font('bold')
      .fontSize(12)
      .text(`${vehicle.label}${marking ? ` · ${marking}` : ''}`);
    const m = vehicle.manifest;
    doc
      .font('regular')
      .fontSize(9)
      .text(
        `${vehicle.kind}, ${vehicle.seats} seats, ${vehicle.stretcherPlaces} stretcher and ${vehicle.wheelchairPlaces} wheelchair places, crew of ${vehicle.crewSize} · ${m.total} on the list, ${m.boarded} boarded`,
      );
    doc.moveDown(0.4);
    row(
      doc,
      columns.map((col) => col.title),
      true,
    );
    view.entries
      .filter((e) => e.vehicleId === vehicle.vehicleId)
      .forEach((e, i) => {
        row(doc, cellsOf(e, i + 1));
      });
    doc.moveDown(1.2);
    if (doc.y + 30 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc
      .font('regular')
      .fontSize(9)
      .text('Checked by (name, signature) ______________________    Driver ______________________');
  }
  numberPages(doc, `Convoy ${convoy.code} manifest`);
  return pdfBytes(doc);
}
