// Printable boarding cards and wristbands, one per person holding a place on the convoy. The QR
// code carries only the person code (no name); the name is printed beside it for the person and
// the crew to read, and the code is printed under it in small type for a desk whose scanner fails.
import QRCode from 'qrcode';
import { shortId } from './manifest-pdf.ts';
import type { ManifestEntryView, ManifestView } from './manifest-view.ts';
import { newPdf, type Pdf, pdfBytes, printedNames, printedTime } from './pdf.ts';

export const cardLayouts = ['card', 'wristband'] as const;
export type CardLayout = (typeof cardLayouts)[number];

/** Draws a QR code as vector squares: sharp at any printer resolution. */
function drawQr(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  // A quiet zone of two modules on each side, which scanners need.
  const cell = size / (modules.size + 4);
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c)) doc.rect(x + (c + 2) * cell, y + (r + 2) * cell, cell, cell);
  doc.fillColor('black').fill();
}

interface Holder {
  entry: ManifestEntryView;
  vehicle: string;
}

function holdersOf(view: ManifestView): Holder[] {
  const vehicles = new Map(
    view.vehicles.map((v) => {
      const marking = v.marking ?? v.plateOrMarking;
      return [v.vehicleId, `${v.label}${marking ? ` (${marking})` : ''}`];
    }),
  );
  // Someone whose place was given away holds no place and gets no card.
  return view.entries
    .filter((e) => e.status !== 'replaced')
    .map((entry) => ({ entry, vehicle: vehicles.get(entry.vehicleId) ?? '' }));
}

/** The dashed line a card or wristband is cut out along. */
function cutLine(doc: Pdf, x: number, y: number, w: number, height: number): void {
  doc
    .save()
    .lineWidth(0.5)
    .dash(3, { space: 3 })
    .strokeColor('#888888')
    .rect(x, y, w, height)
    .stroke()
    .restore();
}

// A view without names (for a reader who may not see them) prints the short id instead.
const printedName = (e: ManifestEntryView) => (e.names ? printedNames(e.names) : shortId(e.personId));

const born = (e: ManifestEntryView) =>
  e.birthDate ?? (e.birthYear ? String(e.birthYear) : (e.category.ageBand ?? 'age unknown'));

function card(doc: Pdf, view: ManifestView, h: Holder, x: number, y: number, w: number): void {
  const qr = 112;
  drawQr(doc, h.entry.code, x + 6, y + 8, qr);
  // Under the QR code across the card, on one line, for a desk to type when a scan fails.
  doc
    .font('regular')
    .fontSize(6)
    .fillColor('black')
    .text(h.entry.code, x + 8, y + qr + 14, { width: w - 16, lineBreak: false });
  const tx = x + qr + 14;
  const tw = w - qr - 20;
  doc
    .font('bold')
    .fontSize(11)
    .text(printedName(h.entry), tx, y + 12, { width: tw });
  doc.font('regular').fontSize(8.5).moveDown(0.3);
  doc.text(`Born ${born(h.entry)}`, { width: tw });
  doc.text(`Convoy ${view.convoy.code} · ${h.vehicle}`, { width: tw });
  doc.text(`Departs ${printedTime(view.convoy.plannedDeparture)}`, { width: tw });
  doc.font('bold').fontSize(14).moveDown(0.4).text(shortId(h.entry.personId), { width: tw });
}

function band(
  doc: Pdf,
  view: ManifestView,
  h: Holder,
  x: number,
  y: number,
  w: number,
  height: number,
): void {
  const qr = height - 4;
  drawQr(doc, h.entry.code, x + 70, y + 2, qr);
  const tx = x + 80 + qr;
  doc
    .font('bold')
    .fontSize(10)
    .fillColor('black')
    .text(printedName(h.entry), tx, y + 8, {
      width: w - (tx - x) - 8,
      lineBreak: false,
      ellipsis: true,
    });
  doc
    .font('regular')
    .fontSize(8)
    .text(
      `${view.convoy.code} · ${h.vehicle} · born ${born(h.entry)} · ${shortId(h.entry.personId)}`,
      tx,
      y + 24,
      {
        width: w - (tx - x) - 8,
        lineBreak: false,
        ellipsis: true,
      },
    )
    .fontSize(5.2)
    .text(h.entry.code, tx, y + 40, { width: w - (tx - x) - 8, lineBreak: false });
}

/** Cards: eight to an A4 page, 2 × 4. Wristbands: strips across the page, eleven to a page. */
export async function boardingCardsPdf(view: ManifestView, layout: CardLayout): Promise<Buffer> {
  const doc = newPdf(`Boarding ${layout === 'card' ? 'cards' : 'wristbands'} for convoy ${view.convoy.code}`);
  const left = doc.page.margins.left;
  const top = doc.page.margins.top;
  const width = doc.page.width - left - doc.page.margins.right;
  const holders = holdersOf(view);
  const perRow = layout === 'card' ? 2 : 1;
  const rows = layout === 'card' ? 4 : 11;
  const w = width / perRow;
  const h = (doc.page.height - top - doc.page.margins.bottom) / rows;
  holders.forEach((holder, i) => {
    const slot = i % (perRow * rows);
    if (i > 0 && slot === 0) doc.addPage();
    const x = left + (slot % perRow) * w;
    const y = top + Math.floor(slot / perRow) * h;
    cutLine(doc, x, y, w, h);
    if (layout === 'card') card(doc, view, holder, x, y, w);
    else band(doc, view, holder, x, y, w, h);
  });
  if (holders.length === 0)
    doc.font('regular').fontSize(12).text(`Nobody holds a place on convoy ${view.convoy.code}.`, left, top);
  return pdfBytes(doc);
}
