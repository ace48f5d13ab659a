import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { ErrorNote, QueryState } from '../components/ErrorNote.tsx';
import { Link } from '../router.tsx';
import { useCan } from '../session.ts';
import { useChildCases, useHandover } from './api.ts';
import { CaseActions } from './CaseActions.tsx';
import { allNames } from './names.ts';
import { OpenCaseForm } from './OpenCaseForm.tsx';

/** Unaccompanied and separated children: each case stays open until a hand-over to a verified adult. */
export function ChildCasesScreen({ site }: { site: Site }) {
  const { t } = useTranslation();
  const can = useCan();
  const cases = useChildCases(site.id);
  const handover = useHandover(site.id);
  return (
    <>
      <h1>{t('children.title')}</h1>
      {can('children:write') && <OpenCaseForm site={site} />}
      <QueryState loading={cases.isPending} error={cases.error} />
      {cases.data?.items.length === 0 && <p>{t('children.none')}</p>}
      {handover.error && <ErrorNote error={handover.error} />}
      <ul className="match-list">
        {cases.data?.items.map((c) => (
          <li key={c.id} className="card" data-testid="child-case">
            <p>
              <Link href={`/people/${c.child.id}`}>{allNames(c.child.names)}</Link>{' '}
              <span className="badge">{t(`children.kind.${c.kind}`)}</span>{' '}
              <span className="badge">{t(`children.status.${c.status}`)}</span>
            </p>
            {c.handover && (
              <p>
                {t('children.handedOver', {
                  name: c.verifications.find((v) => v.id === c.handover!.verificationId)?.name ?? '',
                  by: c.handover.recordedBy,
                  verifiedBy:
                    c.verifications.find((v) => v.id === c.handover!.verificationId)?.verifiedBy ?? '',
                })}
              </p>
            )}
            {c.verifications.length > 0 && (
              <ul>
                {c.verifications.map((v) => (
                  <li key={v.id}>
                    {t('children.verified', {
                      name: v.name,
                      relation: v.relation,
                      by: v.verifiedBy,
                      method: t(`children.method.${v.method}`),
                    })}
                    {c.status === 'open' && can('children:handover') && (
                      <>
                        {' '}
                        <button
                          type="button"
                          disabled={handover.isPending}
                          onClick={() => handover.mutate({ caseId: c.id, verificationId: v.id })}
                        >
                          {t('children.handOver', { name: v.name })}
                        </button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {c.status === 'open' && c.verifications.length === 0 && (
              <p className="muted">{t('children.noVerified')}</p>
            )}
            {c.status === 'closed' && (
              <p>{t('children.closed', { reason: c.closedReason ?? '', by: c.closedBy ?? '' })}</p>
            )}
            {c.status === 'open' && can('children:write') && <CaseActions siteId={site.id} item={c} />}
          </li>
        ))}
      </ul>
    </>
  );
}
