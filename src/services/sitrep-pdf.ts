import { newPdf, numberPages, type Pdf, pdfBytes } from './pdf.ts';
import type { Sitrep } from './sitrep.ts';
import { type Bar, barChart, legend } from './sitrep-chart.ts';
import { bothClocks, citation, label, shownCount, sitrepPreamble, sitrepTitle, utc } from './sitrep-text.ts';

function heading(doc: Pdf, text: string): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
  doc.moveDown(0.6).font('bold').fontSize(12).text(text, doc.page.margins.left).font('regular').fontSize(9);
  doc.moveDown(0.2);
}

const para = (doc: Pdf, text: string) =>
  doc.font('regular').fontSize(9).text(text, doc.page.margins.left).moveDown(0.3);

function figureBars(s: Sitrep): Bar[] {
  return s.figures
    .filter((f) => f.reported.length > 0)
    .flatMap((f) => [
      { label: `${label(f.metric)}: registry`, value: f.registry },
      ...f.reported.map((r) => ({
        label: r.by,
        value: r.value,
        reported: true,
      })),
    ]);
}

/** The report on A4: the counts as bar charts, then the windows, incidents with their claims, convoys and alerts. */
export async function sitrepPdf(s: Sitrep): Promise<Buffer> {
  const doc = newPdf(`${sitrepTitle(s)}, ${s.at}`);
  doc.font('bold').fontSize(16).text(sitrepTitle(s));
  doc.moveDown(0.3);
  for (const line of sitrepPreamble(s)) para(doc, line);

  heading(doc, `People in the registry: ${shownCount(s.registry.total)}`);
  barChart(
    doc,
    'By status',
    s.registry.byStatus.map((r) => ({ label: label(r.status), value: r.count })),
  );
  barChart(
    doc,
    'By vulnerability',
    s.registry.byVulnerability.map((r) => ({ label: label(r.vulnerability), value: r.count })),
  );
  barChart(
    doc,
    'By shelter',
    s.registry.byShelter.map((r) => ({
      label: r.name === r.code ? r.code : `${r.code} ${r.name}`,
      value: r.count,
    })),
  );

  heading(doc, 'Registry beside reported figures');
  const bars = figureBars(s);
  if (bars.length > 0) {
    legend(doc);
    barChart(doc, 'Each figure: the registry, then what each source reported', bars);
  } else para(doc, 'No reported figures by this time.');
  for (const h of s.headcounts)
    para(
      doc,
      `Headcount, ${h.shelter ?? 'whole site'}, ${label(h.category).toLowerCase()}: ${h.approximate ? 'about ' : ''}${h.count.toLocaleString('en')} (${h.source}, ${utc(h.reportedAt)})`,
    );

  heading(doc, 'Pause windows');
  if (s.pauses.length === 0) para(doc, 'None announced by this time.');
  for (const p of s.pauses)
    para(
      doc,
      `${p.name} (${label(p.kind).toLowerCase()}, announced by ${p.announcedBy}), ${utc(p.startUtc)} to ${utc(p.endUtc)}: ${label(p.state).toLowerCase()}, ${p.because}. Accepted by ${p.acceptedBy.join(', ') || 'none'}; rejected by ${p.rejectedBy.join(', ') || 'none'}; awaiting ${p.awaiting.join(', ') || 'none'}.`,
    );

  heading(doc, 'Incidents and competing claims');
  if (s.incidents.length === 0) para(doc, 'None recorded by this time.');
  for (const i of s.incidents) {
    doc
      .font('bold')
      .fontSize(9)
      .text(
        `${bothClocks(i.occurredAt, s.site.timeZone)}: ${label(i.type)}${i.place ? ` at ${i.place}` : ''}${i.pause ? ` (${i.pause})` : ''}`,
        doc.page.margins.left,
      );
    para(doc, i.summary);
    for (const c of i.claims) para(doc, `• ${citation(c)}`);
  }
  heading(doc, 'Other statements');
  if (s.statements.length === 0) para(doc, 'None.');
  for (const c of s.statements) para(doc, `• ${citation(c)}`);

  heading(doc, 'Convoys');
  para(
    doc,
    ['planned', 'departed', 'arrived', 'cancelled']
      .map((k) => `${label(k)}: ${shownCount(s.convoys.byStatus[k] ?? 0)}`)
      .join('; '),
  );
  for (const c of s.convoys.list ?? [])
    para(
      doc,
      `${c.code}: ${c.status}; planned ${utc(c.plannedDeparture)} to ${utc(c.plannedArrival)}; ${c.vehicles} vehicle(s), ${c.onManifest} on the manifest`,
    );

  heading(doc, 'Reconciliation alerts');
  if (s.alerts.length === 0) para(doc, 'None raised by this time.');
  for (const a of s.alerts)
    para(doc, `${label(a.kind)}: ${shownCount(a.raised)} raised, ${shownCount(a.open)} open at the time`);

  numberPages(doc, `${sitrepTitle(s)} · ${utc(s.at)}`);
  return pdfBytes(doc);
}
