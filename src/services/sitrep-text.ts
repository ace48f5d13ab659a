import { showIn } from '../domain/time.ts';
import type { Published, Sitrep, SitrepClaim } from './sitrep.ts';

// Words shared by the Markdown and the PDF of a situation report.

export const suppressedMark = '—';

export const shownCount = (n: Published): string => (n === null ? suppressedMark : n.toLocaleString('en'));

export const label = (key: string): string => {
  const text = key.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** An instant in UTC and on the site's clock. */
export function bothClocks(iso: string, zone: string): string {
  const local = showIn(new Date(iso), zone);
  return `${iso.slice(0, 16).replace('T', ' ')} UTC (${local.local.replace('T', ' ')} ${zone})`;
}

export const utc = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export function sitrepTitle(s: Sitrep): string {
  return `Situation report: ${s.site.name}`;
}

export function sitrepPreamble(s: Sitrep): string[] {
  return [
    `As of ${bothClocks(s.at, s.site.timeZone)}. ${s.version === 'public' ? 'Public version' : 'Full version, for the coordination cell'}; generated ${utc(s.generatedAt)} by Corridor.`,
    'Registry counts are the people registered, each with the status they had at that time; reported figures and headcounts are claims by their sources, shown beside the registry and never added to it.',
    `Disclosure control: k = ${s.disclosure.k}; ${s.disclosure.primary} count(s) suppressed below k, ${s.disclosure.secondary} more so that totals cannot reveal them; ${suppressedMark} marks a suppressed count. No registered person is named.`,
  ];
}

/** A claim as cited: who, where, when, the words (in quotation marks only when quoted), and its check. */
export function citation(c: SitrepClaim): string {
  const words = c.quoted ? `“${c.words}”` : c.words;
  return `${label(c.stance)}: ${c.by} (${c.source}, ${utc(c.statedAt)}): ${words} [${c.verification.replace(/_/g, ' ')}]`;
}
