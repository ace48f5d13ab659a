import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.ts';
import { NoShowForm, SubstitutionForm } from './AbsenceForms.tsx';
import { useManifest } from './api.ts';
import { ManifestTable } from './ManifestTable.tsx';
import { ScanBox } from './ScanBox.tsx';
import './boarding.css';

/**
 * The boarding desk at the pickup point: scan or type, Enter boards. The manifest below shows who
 * is still expected; no-shows and substitutions have their own forms. After departure the manifest
 * is locked and the desk only reads.
 */
export function BoardingDesk({ site, convoyId }: { site: Site; convoyId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const manifest = useManifest(convoyId);
  if (!manifest.data) return <QueryState loading={manifest.isPending} error={manifest.error} />;
  const { convoy, vehicles, entries, counts } = manifest.data;
  const open = convoy.status === 'planned' && convoy.manifestLockedAt === null && can('convoys:board');
  const vehicleOf = (id: string) => {
    const v = vehicles.find((x) => x.vehicleId === id);
    const marking = v?.marking ?? v?.plateOrMarking;
    return v ? `${v.label}${marking ? ` (${marking})` : ''}` : '';
  };
  return (
    <>
      <h1>{t('boarding.title', { code: convoy.code })}</h1>
      <p>
        {t('boarding.departure', { at: format.dateTime(convoy.plannedDeparture, site.timeZone) })} ·{' '}
        <span data-testid="boarding-counts">
          {t('boarding.counts', {
            boarded: counts.boarded,
            expected: counts.expected,
            noShow: counts.no_show,
            total: counts.total,
          })}
        </span>
      </p>
      <p>
        <Link href={`/convoys/${convoyId}/road`}>{t('boarding.roadLog')}</Link> ·{' '}
        <a href={`/api/convoys/${convoyId}/manifest.pdf`}>{t('boarding.printManifest')}</a> ·{' '}
        <a href={`/api/convoys/${convoyId}/cards.pdf`}>{t('boarding.printCards')}</a> ·{' '}
        <a href={`/api/convoys/${convoyId}/cards.pdf?layout=wristband`}>{t('boarding.printWristbands')}</a>
      </p>
      {convoy.manifestLockedAt ? (
        <p className="notice" data-testid="manifest-locked">
          {t('boarding.locked', { at: format.dateTime(convoy.manifestLockedAt, site.timeZone) })}
        </p>
      ) : (
        open && <ScanBox convoyId={convoyId} vehicleOf={vehicleOf} />
      )}
      <section aria-labelledby="manifest-heading" className="card">
        <h2 id="manifest-heading">{t('boarding.manifest')}</h2>
        {vehicles.map((v) => (
          <ManifestTable
            key={v.vehicleId}
            convoyId={convoyId}
            vehicle={v}
            entries={entries.filter((e) => e.vehicleId === v.vehicleId)}
            open={open}
          />
        ))}
      </section>
      {open && (
        <div className="boarding-forms">
          <NoShowForm convoyId={convoyId} expected={entries.filter((e) => e.status === 'expected')} />
          <SubstitutionForm
            convoyId={convoyId}
            replaceable={entries.filter((e) => e.status === 'expected' || e.status === 'no_show')}
          />
        </div>
      )}
    </>
  );
}
