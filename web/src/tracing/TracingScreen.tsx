import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { ErrorNote, QueryState } from '../components/ErrorNote.tsx';
import { Link } from '../router.tsx';
import { useCan } from '../session.ts';
import { useFileRequest, useTracingRequests } from './api.ts';
import { nameOf } from './names.ts';

/** A family's request to find someone: the desk's form, and for the cell the list of requests. */
export function TracingScreen({ site }: { site: Site }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <h1>{t('tracing.title')}</h1>
      {can('tracing:read') && (
        <p>
          <Link href="/tracing/matches">{t('tracing.matchesLink')}</Link>
        </p>
      )}
      {can('tracing:request') && <RequestForm site={site} />}
      {can('tracing:read') && <RequestList site={site} />}
    </>
  );
}

function RequestList({ site }: { site: Site }) {
  const { t } = useTranslation();
  const requests = useTracingRequests(site.id);
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t('tracing.requests')}</h2>
      <QueryState loading={requests.isPending} error={requests.error} />
      {requests.data?.items.length === 0 && <p>{t('tracing.none')}</p>}
      {requests.data && requests.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('tracing.sought')}</th>
              <th scope="col">{t('tracing.enquirer')}</th>
              <th scope="col">{t('tracing.status')}</th>
              <th scope="col">{t('tracing.matchCount')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.data.items.map((r) => (
              <tr key={r.id} data-testid="request-row">
                <td>
                  <Link href={`/tracing/${r.id}`}>{nameOf(r.sought.names)}</Link>
                </td>
                <td>
                  {r.enquirer.name}
                  {r.relation ? ` (${r.relation})` : ''}
                </td>
                <td>{t(`tracing.requestStatus.${r.status}`)}</td>
                <td>
                  {t('tracing.counts', {
                    proposed: r.matchCounts.proposed,
                    confirmed: r.matchCounts.confirmed,
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RequestForm({ site }: { site: Site }) {
  const { t } = useTranslation();
  const id = useId();
  const file = useFileRequest(site.id);
  const [done, setDone] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => {
      const value = String(form.get(key) ?? '').trim();
      return value === '' ? undefined : value;
    };
    const year = text('birthYear');
    setDone(false);
    file.mutate(
      {
        siteId: site.id,
        sought: {
          names: [{ family: text('family') ?? '', given: text('given') ?? '' }],
          ...(year ? { birthYear: Number(year) } : {}),
        },
        enquirer: {
          name: text('enquirer') ?? '',
          phone: text('phone') ?? null,
          contactNote: text('contact') ?? null,
        },
        relation: text('relation') ?? '',
        lastSeen: { place: text('place') ?? null, date: text('date') ?? null },
        separation: text('separation') ?? null,
      },
      {
        onSuccess: () => {
          setDone(true);
          (event.target as HTMLFormElement).reset();
        },
      },
    );
  };
  const field = (name: string, label: string, type = 'text', required = false) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} name={name} type={type} required={required} />
    </div>
  );
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-heading`} className="card" data-testid="request-form">
      <h2 id={`${id}-heading`}>{t('tracing.file')}</h2>
      <fieldset>
        <legend>{t('tracing.sought')}</legend>
        {field('family', t('tracing.family'), 'text', true)}
        {field('given', t('tracing.given'), 'text', true)}
        {field('birthYear', t('tracing.birthYear'), 'number')}
      </fieldset>
      <fieldset>
        <legend>{t('tracing.enquirer')}</legend>
        {field('enquirer', t('tracing.enquirerName'), 'text', true)}
        {field('relation', t('tracing.relation'), 'text', true)}
        {field('phone', t('tracing.phone'), 'tel')}
        {field('contact', t('tracing.contact'))}
      </fieldset>
      <fieldset>
        <legend>{t('tracing.lastSeen')}</legend>
        {field('place', t('tracing.place'))}
        {field('date', t('tracing.date'), 'date')}
        <div className="field">
          <label htmlFor={`${id}-separation`}>{t('tracing.separation')}</label>
          <textarea id={`${id}-separation`} name="separation" rows={3} />
        </div>
      </fieldset>
      <button type="submit" disabled={file.isPending}>
        {t('tracing.submit')}
      </button>
      {file.error && <ErrorNote error={file.error} />}
      {done && <output>{t('tracing.filed')}</output>}
    </form>
  );
}
