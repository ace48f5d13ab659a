import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { Claim, Site } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { useCan } from '../session.ts';

// The same list as the server's (store/repos/claims.ts), which the web bundle does not import.
const verificationStatuses = [
  'unverified',
  'pending',
  'verified',
  'disputed',
  'falsely_attributed',
  'rejected',
];

/** Claims as they were made, oldest first, each with its verification status; none overrides another. */
export function ClaimsFeed({
  site,
  claims,
  partyName,
  sourceTitle,
}: {
  site: Site;
  claims: Claim[];
  partyName: Map<string, string>;
  sourceTitle: Map<string, string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  if (claims.length === 0) return <p className="muted">{t('pauses.noClaims')}</p>;
  // Claims made at the same minute keep one order whatever order the server lists them in.
  const sorted = [...claims].sort((a, b) => a.statedAt.localeCompare(b.statedAt) || a.id.localeCompare(b.id));
  return (
    <ol className="claims" data-testid="claims">
      {sorted.map((claim) => (
        <li key={claim.id} className="claim">
          <p>
            <span className={`badge stance-${claim.stance}`}>{t(`stance.${claim.stance}`)}</span>{' '}
            <span className={`badge verification-${claim.verification}`} data-testid="verification">
              {t(`verification.${claim.verification}`)}
            </span>{' '}
            {t('pauses.said', {
              speaker: claim.speaker ?? t('app.none'),
              party: claim.partyId ? (partyName.get(claim.partyId) ?? '') : t('app.none'),
              at: format.dateTime(claim.statedAt, site.timeZone),
            })}
          </p>
          <blockquote lang={claim.language ?? undefined}>
            {claim.quoted ? `“${claim.words}”` : claim.words}
          </blockquote>
          {claim.figure && (
            <p>
              {t(`metric.${claim.figure.metric}`)}:{' '}
              {claim.figure.approximate
                ? t('overview.approximate', { value: format.number(claim.figure.value) })
                : format.number(claim.figure.value)}
            </p>
          )}
          <p className="muted">
            {t('pauses.source', { title: sourceTitle.get(claim.sourceId) ?? claim.sourceId })}
          </p>
          {can('claims:verify') && <VerifyForm site={site} claim={claim} />}
        </li>
      ))}
    </ol>
  );
}

function VerifyForm({ site, claim }: { site: Site; claim: Claim }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState(claim.verification);
  const [reason, setReason] = useState('');
  const verify = useMutation({
    mutationFn: () =>
      api<Claim>(`/api/claims/${claim.id}/verification`, { method: 'POST', body: { status, reason } }),
    onSuccess: () => {
      setOpen(false);
      setReason('');
      void client.invalidateQueries({ queryKey: ['site', site.id] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate();
  };
  if (!open)
    return (
      <button type="button" className="small" onClick={() => setOpen(true)}>
        {t('pauses.verify')}
      </button>
    );
  return (
    <form onSubmit={submit} className="inline-form">
      <label htmlFor={`${id}-status`}>{t('pauses.verifyStatus')}</label>
      <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value)}>
        {verificationStatuses.map((s) => (
          <option key={s} value={s}>
            {t(`verification.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-reason`}>{t('pauses.verifyReason')}</label>
      <input
        id={`${id}-reason`}
        required
        minLength={3}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <button type="submit" className="primary small" disabled={verify.isPending}>
        {t('pauses.verifySubmit')}
      </button>
      <button type="button" className="small" onClick={() => setOpen(false)}>
        {t('app.cancel')}
      </button>
      <ErrorNote error={verify.error} />
    </form>
  );
}
