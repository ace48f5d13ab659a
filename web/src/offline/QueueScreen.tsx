import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../src/domain/person.ts';
import type { Site } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { displayName, useFormat } from '../format.ts';
import { exportBundle } from './bundle-export.ts';
import { householdTitle, membersByHousehold } from './household-title.ts';
import { useSyncEngine, useSyncState } from './OfflineProvider.tsx';
import type { QueuedOp } from './operations.ts';
import { type LocalSite, useLocalSite } from './useLocalSite.ts';

/**
 * The device's queue: every change recorded here with its state (waiting until the server has it;
 * then sent, or a conflict or rejection with the server's reason), and the connection's state.
 */
export function QueueScreen({ site }: { site: Site }) {
  const { t } = useTranslation('offline');
  const format = useFormat();
  const engine = useSyncEngine();
  const state = useSyncState();
  const local = useLocalSite(site.id);
  if (!engine) return <p>{t('noStore')}</p>;
  const waiting = state.ops.filter((op) => op.state === 'waiting').length;
  const settled = state.ops.some((op) => op.state !== 'waiting' && op.pulled);
  // Newest first: what the user just did is at the top.
  const ops = [...state.ops].reverse();
  return (
    <>
      <h1>{t('queueTitle')}</h1>
      <section className="card" aria-labelledby="queue-state">
        <h2 id="queue-state">{t('connection')}</h2>
        <p data-testid="queue-summary">
          {state.online ? t('online') : t('offline')} · {t('waiting', { count: waiting })}
          {state.syncing && ` · ${t('syncing')}`}
        </p>
        {state.lastSync && <p>{t('lastSync', { at: format.dateTime(state.lastSync, site.timeZone) })}</p>}
        {state.problem && (
          <p className="error">
            {state.problem.code === 'network'
              ? t('networkProblem')
              : t('serverProblem', { message: state.problem.message })}
            {state.retryAt &&
              ` ${t('retryAt', { at: format.dateTime(new Date(state.retryAt).toISOString(), site.timeZone) })}`}
          </p>
        )}
        <div className="button-row">
          <button type="button" onClick={() => void engine.sync()} disabled={state.syncing}>
            {t('syncNow')}
          </button>
          <button type="button" onClick={() => void engine.clearSettled()} disabled={!settled}>
            {t('clearSettled')}
          </button>
        </div>
      </section>
      <BundleBox waiting={waiting} canExport={state.canExport} />
      {ops.length === 0 ? (
        <p>{t('queueEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t('queueCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('seq')}</th>
                <th scope="col">{t('change')}</th>
                <th scope="col">{t('recordedAt')}</th>
                <th scope="col">{t('state')}</th>
              </tr>
            </thead>
            <tbody>
              {ops.map((op) => (
                <tr key={op.seq} data-testid="queued-op" data-state={op.state}>
                  <td>{op.seq}</td>
                  <td>{describe(op, local, t)}</td>
                  <td>{format.dateTime(op.recordedAt, site.timeZone)}</td>
                  <td>
                    <span className={`badge op-${op.state}`}>{t(`opState.${op.state}`)}</span>
                    {op.error && <span className="op-reason"> {op.error.message}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The waiting changes as a sealed, signed file for someone leaving the site (docs/bundles.md). */
function BundleBox({ waiting, canExport }: { waiting: number; canExport: boolean }) {
  const { t } = useTranslation('offline');
  const engine = useSyncEngine();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const save = async () => {
    if (!engine) return;
    setError(undefined);
    try {
      setDone(await exportBundle(engine.store));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section className="card" aria-labelledby="bundle-heading">
      <h2 id="bundle-heading">{t('bundleTitle')}</h2>
      <p className="muted">{canExport ? t('bundleHelp') : t('bundleNotEnrolled')}</p>
      <button type="button" disabled={!canExport || waiting === 0} onClick={() => void save()}>
        {t('bundleExport')}
      </button>
      {done && (
        <p role="status" className="ok">
          {t('bundleDone')}
        </p>
      )}
      <ErrorNote error={error} />
    </section>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

/** What an operation did, in words: the person's name, the household, the passage's ends, the count. */
function describe(op: QueuedOp, local: LocalSite, t: T): string {
  const person = (): string => {
    if (op.kind === 'person.register') return displayName(op.payload as Pick<Person, 'names'>);
    const known = local.people.find((p) => p.id === op.entityId);
    return known ? displayName(known) : t('someone');
  };
  // A new household by the label it was given; a change by the household as it is now.
  const household = (): string => {
    const label = op.payload.label;
    if (op.kind === 'household.create' && typeof label === 'string') return label;
    const known = local.households.find((h) => h.id === op.entityId);
    if (known) return householdTitle(known, membersByHousehold(local.people).get(known.id) ?? [], t);
    return t('unlabelledHousehold');
  };
  const code = (id: string) => local.points.find((p) => p.id === id)?.code ?? '?';
  switch (op.kind) {
    case 'person.register':
      return t('opKind.register', { name: person() });
    case 'person.update':
      return t('opKind.update', { name: person() });
    case 'person.status':
      return t('opKind.status', {
        name: person(),
        status: t(`translation:status.${String(op.payload.status)}`),
      });
    case 'passage.report': {
      const passage = local.passages.find((p) => p.id === op.entityId);
      return t('opKind.passage', {
        passage: passage ? `${code(passage.from)}–${code(passage.to)}` : '?',
        state: t(`translation:passageState.${String(op.payload.state)}`),
      });
    }
    case 'headcount.report':
      return t('opKind.headcount', {
        count: Number(op.payload.count),
        category: t(`translation:headcount.${String(op.payload.category)}`),
      });
    case 'household.create':
      return t('opKind.householdCreate', { name: household() });
    case 'household.update':
      return t('opKind.householdUpdate', { name: household() });
    default:
      return op.kind;
  }
}
