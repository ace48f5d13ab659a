import type { Queryable } from '../store/database.ts';
import type { Actor } from '../store/repos/operations.ts';
import { authoriseCountExport } from './aggregate-export.ts';
import { requireSite } from './sites.ts';
import { buildSitrep, type SitrepVersion } from './sitrep.ts';
import { sitrepMarkdown } from './sitrep-markdown.ts';
import { sitrepPdf } from './sitrep-pdf.ts';

export const fullSitrepProfile = 'cell-transfer';
export const fullSitrepRecipient = 'coordination cell';

export const sitrepFormats = ['md', 'pdf'] as const;
export type SitrepFormat = (typeof sitrepFormats)[number];

export interface RenderedSitrep {
  body: Buffer | string;
  contentType: string;
  filename: string;
}

/** A situation report in the chosen format, named by site, time and version. */
export async function renderSitrep(
  db: Queryable,
  actor: Actor,
  siteId: string,
  options: {
    at: Date;
    format: SitrepFormat;
    version: SitrepVersion;
    profile?: string | undefined;
    recipient?: string | undefined;
  },
): Promise<RenderedSitrep> {
  await requireSite(db, siteId);
  // The full version gives convoys' times and vehicles: movements, which the cell's own profile
  // (cell-transfer) grants and the public one does not.
  const full = options.version === 'full';
  const k = await authoriseCountExport(db, actor, {
    kind: 'sitrep',
    siteId,
    needs: full ? ['counts', 'movements'] : ['counts'],
    profile: options.profile ?? (full ? fullSitrepProfile : undefined),
    recipient: options.recipient ?? (full ? fullSitrepRecipient : undefined),
    k: full ? 1 : undefined,
    detail: { version: options.version, format: options.format, at: options.at.toISOString() },
  });
  const report = await buildSitrep(db, siteId, { at: options.at, version: options.version, k });
  const stamp = report.at.slice(0, 16).replace(/[-:]/g, '');
  const filename = `corridor-sitrep-${stamp}${options.version === 'public' ? '-public' : ''}.${options.format}`;
  if (options.format === 'pdf')
    return { body: await sitrepPdf(report), contentType: 'application/pdf', filename };
  return { body: sitrepMarkdown(report), contentType: 'text/markdown; charset=utf-8', filename };
}
