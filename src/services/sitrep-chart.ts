import type { Pdf } from './pdf.ts';

// Horizontal bar charts drawn with pdfkit's own vector graphics: a label, a bar in proportion to
// the largest value, the value at its end. A suppressed value gets an outlined stub and a dash, so
// the reader sees that a count exists and was held back, not that it is zero.

export interface Bar {
  label: string;
  value: number | null;
  /** A second series drawn in another colour (reported figures beside the registry). */
  reported?: boolean;
}

const colours = { registry: '#2b6cb0', reported: '#dd6b20', suppressed: '#a0aec0', text: '#1a202c' };

/** The label cut to the width, with an ellipsis: one line per bar, whatever its length. */
function fitted(doc: Pdf, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

export function barChart(doc: Pdf, title: string, bars: readonly Bar[]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const labelWidth = 170;
  const valueWidth = 60;
  const barArea = width - labelWidth - valueWidth;
  const rowHeight = 13;
  const needed = 22 + bars.length * rowHeight;
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.font('bold').fontSize(10).fillColor(colours.text).text(title, left, doc.y);
  doc.moveDown(0.3);
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  let y = doc.y;
  doc.font('regular').fontSize(8);
  for (const bar of bars) {
    doc
      .fillColor(colours.text)
      .text(fitted(doc, bar.label, labelWidth - 6), left, y + 1, { lineBreak: false });
    const x = left + labelWidth;
    if (bar.value === null) {
      doc
        .lineWidth(0.7)
        .rect(x, y + 2, 8, rowHeight - 5)
        .strokeColor(colours.suppressed)
        .stroke();
      doc.fillColor(colours.text).text('—', x + 12, y + 1, { lineBreak: false });
    } else {
      const length = Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * barArea);
      if (length > 0)
        doc
          .rect(x, y + 2, length, rowHeight - 5)
          .fillColor(bar.reported ? colours.reported : colours.registry)
          .fill();
      doc
        .fillColor(colours.text)
        .text(bar.value.toLocaleString('en'), x + length + 4, y + 1, { lineBreak: false });
    }
    y += rowHeight;
  }
  doc.fillColor(colours.text).strokeColor('black');
  doc.x = left;
  doc.y = y + 6;
}

/** The legend of the two series. */
export function legend(doc: Pdf): void {
  const left = doc.page.margins.left;
  const y = doc.y;
  doc
    .rect(left, y + 2, 10, 7)
    .fillColor(colours.registry)
    .fill();
  doc
    .fillColor(colours.text)
    .fontSize(8)
    .text('registry (people registered)', left + 14, y, { lineBreak: false });
  doc
    .rect(left + 170, y + 2, 10, 7)
    .fillColor(colours.reported)
    .fill();
  doc.fillColor(colours.text).text('reported by a source (a claim)', left + 184, y, { lineBreak: false });
  doc.x = left;
  doc.y = y + 14;
}
