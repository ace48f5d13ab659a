import type { Queryable } from '../store/database.ts';
import { buildSitrep, type SitrepVersion } from './sitrep.ts';
import { sitrepMarkdown } from './sitrep-markdown.ts';
import { sitrepPdf } from './sitrep-pdf.ts';

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
  siteId: string,
  options: { at: Date; format: SitrepFormat; version: SitrepVersion },
): Promise<RenderedSitrep> {
  const report = await buildSitrep(db, siteId, { at: options.at, version: options.version });
  const stamp = report.at.slice(0, 16).replace(/[-:]/g, '');
  const filename = `corridor-sitrep-${stamp}${options.version === 'public' ? '-public' : ''}.${options.format}`;
  if (options.format === 'pdf')
    return { body: await sitrepPdf(report), contentType: 'application/pdf', filename };
  return { body: sitrepMarkdown(report), contentType: 'text/markdown; charset=utf-8', filename };
}
