import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

interface Problem {
  path: string;
  reason: string;
}

const problemsOf = (error: unknown): Problem[] => {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { problems?: unknown } | undefined;
  return Array.isArray(details?.problems) ? (details.problems as Problem[]).slice(0, 50) : [];
};

/** An error as the server explained it, with every problem it named (validation, import). */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const problems = problemsOf(error);
  return (
    <div className="error" role="alert">
      <p>{t('app.error', { message })}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p) => (
            <li key={`${p.path}:${p.reason}`}>
              <code>{p.path}</code>: {p.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Shown while a query loads, or in place of it when it failed. */
export function QueryState({ loading, error }: { loading: boolean; error: unknown }) {
  const { t } = useTranslation();
  if (error) return <ErrorNote error={error} />;
  if (loading)
    return (
      <p className="muted" aria-live="polite">
        {t('app.loading')}
      </p>
    );
  return null;
}
