import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import type { Estimates } from './api.ts';

/** Above the site diagram: whose estimates it shows, as of when, and whether the site has moved on. */
export function SiteEstimatesNote({ site, estimates }: { site: Site; estimates: Estimates }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!estimates.plan || !estimates.estimate) return null;
  return (
    <p className="rescue-note" data-testid="site-estimates">
      {t('rescue.siteNote', { at: format.dateTime(estimates.estimate.at, site.timeZone) })}{' '}
      <Link href={`/rescue/${estimates.plan.id}`}>{t('rescue.sitePlanLink')}</Link>
      {estimates.stale && <span className="badge stale"> {t('rescue.stale')}</span>}
    </p>
  );
}
