// Printable documents: every PDF Corridor writes starts here, so all of them carry the same font.
// pdfkit's built-in fonts have no Cyrillic letters; DejaVu Sans has both scripts and more, and is
// read from its npm package, never fetched.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { woffToSfnt } from './woff.ts';

const require = createRequire(import.meta.url);
const fonts = new Map<400 | 700, Buffer>();

/** The font of a weight, unwrapped from its WOFF file once per process. */
function font(weight: 400 | 700): Buffer {
  let bytes = fonts.get(weight);
  if (!bytes) {
    const file = require.resolve(`@fontsource/dejavu-sans/files/dejavu-sans-latin-${weight}-normal.woff`);
    bytes = woffToSfnt(readFileSync(file));
    fonts.set(weight, bytes);
  }
  return bytes;
}

export type Pdf = PDFKit.PDFDocument;

/** A new A4 document with the fonts 'regular' and 'bold' registered and 'regular' selected. */
export function newPdf(title: string, options: PDFKit.PDFDocumentOptions = {}): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    bufferPages: true,
    info: { Title: title, Creator: 'Corridor' },
    ...options,
  });
  doc.registerFont('regular', font(400));
  doc.registerFont('bold', font(700));
  doc.font('regular');
  return doc;
}

/** Ends the document and gives its bytes. */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** "Page n of m" at the foot of every page, once the document is complete (needs bufferPages). */
export function numberPages(doc: Pdf, label: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - doc.page.margins.bottom + 12;
    // Writing below the bottom margin would start a new page: the margin is lifted for the footer.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#444444')
      .text(`${label} · page ${i - start + 1} of ${count}`, doc.page.margins.left, bottom, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
  doc.fillColor('black');
}

/** A person's names as printed: each script's form once, family name first. */
export function printedNames(
  names: ReadonlyArray<{ family: string; given: string; patronymic?: string }>,
): string {
  const forms = names.map((n) => [n.family, n.given, n.patronymic].filter(Boolean).join(' '));
  return [...new Set(forms)].join(' / ');
}

/** A time as printed on paper: UTC, to the minute, said so. */
export const printedTime = (iso: string | null): string =>
  iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '';
