import { type FormEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { type BundleImportResult, refusalOf, useImportBundle } from './api.ts';

const outcomes = ['applied', 'duplicate', 'conflict', 'rejected', 'gap'] as const;

/**
 * Import a field bundle (docs/bundles.md): a device's unsent operations carried out on a stick. The
 * server checks the whole file before it writes anything, so the page shows either what became of
 * each operation or why the file was refused.
 */
export function BundleImportScreen() {
  const { t } = useTranslation('bundles');
  const input = useRef<HTMLInputElement>(null);
  const importing = useImportBundle();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (file) importing.mutate(file);
  };

  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('help')}</p>
      <form onSubmit={submit} className="stack">
        <label>
          {t('file')}
          <input
            ref={input}
            type="file"
            name="bundle"
            accept="application/json,.json"
            required
            disabled={importing.isPending}
          />
        </label>
        <button type="submit" className="primary" disabled={importing.isPending}>
          {t('submit')}
        </button>
      </form>
      <div aria-live="polite">
        {importing.isPending && <p>{t('importing')}</p>}
        {importing.isSuccess && <BundleResult result={importing.data} />}
        {importing.isError && (
          <>
            <p className="error">{t('failed')}</p>
            <p>{t(`why.${refusalOf(importing.error)}`)}</p>
            <ErrorNote error={importing.error} />
          </>
        )}
      </div>
    </>
  );
}

function BundleResult({ result }: { result: BundleImportResult }) {
  const { t } = useTranslation('bundles');
  const format = useFormat();
  const counts: Record<(typeof outcomes)[number], number> = result.summary;
  const rejected = result.results.filter((r) => r.outcome === 'rejected');
  return (
    <>
      <p role="status" className="ok">
        {t('done', {
          first: format.number(result.firstSeq),
          last: format.number(result.lastSeq),
          device: result.deviceId,
        })}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('outcome')}</th>
            <th scope="col" className="num">
              {t('operations')}
            </th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((outcome) => (
            <tr key={outcome}>
              <th scope="row">{t(outcome)}</th>
              <td className="num">{format.number(counts[outcome])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.gap && <p className="error">{result.gap.message}</p>}
      {result.summary.conflict > 0 && <p className="muted">{t('conflictNote')}</p>}
      {rejected.length > 0 && (
        <>
          <h2>{t('rejectedTitle')}</h2>
          <ul>
            {rejected.map((r) => (
              <li key={r.opId}>
                {t('rejectedItem', { seq: format.number(r.seq), message: r.error?.message ?? '' })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
