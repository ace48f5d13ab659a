import type { Sitrep } from './sitrep.ts';
import { bothClocks, citation, label, shownCount, sitrepPreamble, sitrepTitle, utc } from './sitrep-text.ts';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  if (rows.length === 0) return ['(none)'];
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

/** The report as Markdown. */
export function sitrepMarkdown(s: Sitrep): string {
  const zone = s.site.timeZone;
  const lines: string[] = [
    `# ${sitrepTitle(s)}`,
    '',
    ...sitrepPreamble(s).flatMap((p) => [p, '']),
    '## People in the registry',
    '',
  ];
  lines.push(`Registered people: **${shownCount(s.registry.total)}**`, '');
  lines.push(
    ...table(
      ['Status', 'People'],
      s.registry.byStatus.map((r) => [label(r.status), shownCount(r.count)]),
    ),
    '',
  );
  lines.push(
    ...table(
      ['Vulnerability', 'People'],
      s.registry.byVulnerability.map((r) => [label(r.vulnerability), shownCount(r.count)]),
    ),
    '',
  );
  lines.push(
    ...table(
      ['Shelter', 'People'],
      s.registry.byShelter.map((r) => [
        `${r.code} ${r.name === r.code ? '' : r.name}`.trim(),
        shownCount(r.count),
      ]),
    ),
    '',
  );

  lines.push('## Registry beside reported figures', '');
  lines.push(
    ...table(
      ['Figure', 'Registry', 'Reported', 'By', 'Source', 'Stated', 'Verification'],
      s.figures.flatMap((f) =>
        f.reported.length === 0
          ? [[label(f.metric), shownCount(f.registry), '', '', '', '', '']]
          : f.reported.map((r, i) => [
              i === 0 ? label(f.metric) : '',
              i === 0 ? shownCount(f.registry) : '',
              `${r.approximate ? 'about ' : ''}${r.value.toLocaleString('en')}`,
              r.by,
              r.source,
              utc(r.statedAt),
              r.verification.replace(/_/g, ' '),
            ]),
      ),
    ),
    '',
  );
  lines.push('### Headcounts reported', '');
  lines.push(
    ...table(
      ['Where', 'Category', 'Count', 'Source', 'Reported'],
      s.headcounts.map((h) => [
        h.shelter ?? 'whole site',
        label(h.category),
        `${h.approximate ? 'about ' : ''}${h.count.toLocaleString('en')}`,
        h.source,
        utc(h.reportedAt),
      ]),
    ),
    '',
  );

  lines.push('## Pause windows', '');
  lines.push(
    ...table(
      ['Window', 'Kind', 'Announced by', 'From', 'To', 'State', 'Accepted by', 'Rejected by', 'Awaiting'],
      s.pauses.map((p) => [
        p.name,
        label(p.kind),
        p.announcedBy,
        utc(p.startUtc),
        utc(p.endUtc),
        `${label(p.state)}: ${p.because}`,
        p.acceptedBy.join(', '),
        p.rejectedBy.join(', '),
        p.awaiting.join(', '),
      ]),
    ),
    '',
  );

  lines.push('## Incidents and competing claims', '');
  if (s.incidents.length === 0) lines.push('(none)', '');
  for (const i of s.incidents) {
    lines.push(
      `### ${bothClocks(i.occurredAt, zone)}: ${label(i.type)}${i.place ? ` at ${i.place}` : ''}${i.pause ? ` (${i.pause})` : ''}`,
      '',
      i.summary,
      '',
      ...(i.claims.length === 0 ? ['No claims recorded.'] : i.claims.map((c) => `- ${citation(c)}`)),
      '',
    );
  }
  lines.push('## Other statements', '');
  lines.push(...(s.statements.length === 0 ? ['(none)'] : s.statements.map((c) => `- ${citation(c)}`)), '');

  lines.push('## Convoys', '');
  lines.push(
    ...table(
      ['Planned', 'Departed', 'Arrived', 'Cancelled'],
      [['planned', 'departed', 'arrived', 'cancelled'].map((k) => shownCount(s.convoys.byStatus[k] ?? 0))],
    ),
    '',
  );
  if (s.convoys.list)
    lines.push(
      ...table(
        ['Convoy', 'State', 'Planned departure', 'Planned arrival', 'Vehicles', 'On the manifest'],
        s.convoys.list.map((c) => [
          c.code,
          label(c.status),
          utc(c.plannedDeparture),
          utc(c.plannedArrival),
          String(c.vehicles),
          String(c.onManifest),
        ]),
      ),
      '',
    );

  lines.push('## Reconciliation alerts', '');
  lines.push(
    ...table(
      ['Alert', 'Raised', 'Open at the time'],
      s.alerts.map((a) => [label(a.kind), shownCount(a.raised), shownCount(a.open)]),
    ),
    '',
  );
  return `${lines.join('\n').trimEnd()}\n`;
}
