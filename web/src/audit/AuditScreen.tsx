import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditKind, auditKinds } from '../../../src/domain/audit-kinds.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { exportHref, useAuditPage, useVerify } from './api.ts';

/**
 * The audit trail for auditors: every read of personal data, change and export, a page at a time,
 * with a check of the whole chain and the trail as CSV or JSON. Entries hold ids, never names.
 */
export function AuditScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const [kind, setKind] = useState<AuditKind | ''>('');
  // The afterPos of each page seen so far, to go back.
  const [pages, setPages] = useState<number[]>([0]);
  const afterPos = pages.at(-1) ?? 0;
  const page = useAuditPage(afterPos, kind);
  const verify = useVerify();
  const next = page.data?.nextAfterPos ?? null;
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.intro')}</p>
      <section aria-labelledby="audit-verify">
        <h2 id="audit-verify">{t('audit.verifyTitle')}</h2>
        <button type="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {t('audit.verify')}
        </button>
        <div role="status" data-testid="audit-verdict">
          {verify.data &&
            (verify.data.ok
              ? t('audit.intact', { count: verify.data.entries, hash: verify.data.headHash })
              : t('audit.broken', { pos: verify.data.broken?.pos, message: verify.data.broken?.message }))}
        </div>
        <QueryState loading={false} error={verify.error} />
      </section>
      <div className="filters">
        <label>
          {t('audit.kind')}
          <select
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as AuditKind | '');
              setPages([0]);
            }}
          >
            <option value="">{t('app.all')}</option>
            {auditKinds.map((k) => (
              <option key={k} value={k}>
                {t(`audit.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <a href={exportHref('csv', kind)} download>
          {t('audit.exportCsv')}
        </a>
        <a href={exportHref('json', kind)} download>
          {t('audit.exportJson')}
        </a>
      </div>
      <QueryState loading={page.isPending} error={page.error} />
      {page.data && page.data.entries.length === 0 && <p>{t('audit.none')}</p>}
      {page.data && page.data.entries.length > 0 && (
        <table data-testid="audit-table" aria-label={t('audit.title')}>
          <thead>
            <tr>
              <th scope="col">{t('audit.pos')}</th>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.kind')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.entityId')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.entries.map((e) => (
              <tr key={e.pos}>
                <td>{e.pos}</td>
                <td>{format.dateTime(e.at, 'UTC')}</td>
                <td>{e.actor ?? t('audit.system')}</td>
                <td>{t(`audit.kinds.${e.kind}`)}</td>
                <td>
                  <code>
                    {e.action} {e.entity}
                  </code>
                </td>
                <td>
                  <code>{e.entityId ?? ''}</code>
                </td>
                <td>
                  <code>{e.detail ? JSON.stringify(e.detail) : ''}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label={t('audit.paging')} className="filters">
        <button type="button" disabled={pages.length < 2} onClick={() => setPages(pages.slice(0, -1))}>
          {t('audit.previous')}
        </button>
        <button
          type="button"
          disabled={next === null}
          onClick={() => next !== null && setPages([...pages, next])}
        >
          {t('audit.next')}
        </button>
      </nav>
    </>
  );
}
