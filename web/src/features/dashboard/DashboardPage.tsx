import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/DataTable';
import { Loading, QueryState } from '@/components/QueryState';
import { staleAfterHours } from '@/config/runtime';
import { formatDateTime, formatNumber } from '@/lib/format';
import { toApiError } from '@/lib/problem';
import { useSuppliers } from '@/features/suppliers/api';
import { RunProgressBar, StatusBadge } from '@/features/imports/RunParts';
import { SERVICES, useHourlyRuns, useLastCommittedRuns, useRecentRuns, useServiceStatus, type ImportRun, type ServiceName } from './api';
import { useRunEvents } from './live';
import { freshness, last24h, OUTCOMES } from './stats';
import '@/features/imports/imports.css';

const RunsChart = lazy(() => import('./RunsChart').then((m) => ({ default: m.RunsChart })));

function ServiceCard({ name }: { name: ServiceName }) {
  const { t } = useTranslation();
  const q = useServiceStatus(name);
  const status = q.data?.status ?? (q.error ? 'DOWN' : 'PENDING');
  const titleId = `svc-${name}`;
  return (
    <li className="card health" aria-labelledby={titleId} data-testid={`health-${name}`}>
      <h3 id={titleId}>{t(`services.${name}`)}</h3>
      <p>
        <span className={`badge badge-${status}`}>{t(`health.${status}`, { defaultValue: status })}</span>
        {q.data?.version ? <span className="muted small"> v{q.data.version}</span> : null}
      </p>
      {q.error ? <p className="small">{toApiError(q.error).detail ?? toApiError(q.error).title}</p> : null}
      {q.data && q.data.checks.length > 0 && (
        <ul className="checks small">
          {q.data.checks.map((c) => (
            <li key={c.name}>
              {c.name}: <span className={`badge badge-${c.status}`}>{t(`health.${c.status}`, { defaultValue: c.status })}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

const ACTIVE = ['receiving', 'received', 'parsing', 'staged', 'held', 'applying', 'queued'];

/** Runs in progress from the server-sent events (one snapshot a second). */
function LiveRuns() {
  const { t } = useTranslation();
  const live = useRunEvents();
  const runs = (live.snapshot?.runs ?? []).filter((r) => ACTIVE.includes(r.status));
  return (
    <>
      <p className="small muted" role="status" data-testid="live-status">
        {t(`dashboard.live.${live.status}`)}
        {live.snapshot ? ` · ${t('dashboard.updatedAt', { at: formatDateTime(live.snapshot.at) })}` : ''}
      </p>
      {live.snapshot === null ? (
        live.status === 'reconnecting' ? null : <Loading />
      ) : runs.length === 0 ? (
        <p className="empty">{t('dashboard.noActiveRuns')}</p>
      ) : (
        <ul className="live-runs" aria-label={t('dashboard.activeRuns')}>
          {runs.map((r) => (
            <li key={r.id} data-testid={`live-run-${r.id}`}>
              <div>
                <Link to={`/imports/${r.id}`}>#{r.id}</Link> <strong>{r.supplierCode}</strong> <StatusBadge status={r.status} />
                {r.dryRun ? <span className="muted small"> {t('imports.dryRun')}</span> : null}
                {r.rowsError > 0 && <div className="small">{t('dashboard.rowErrors', { count: r.rowsError })}</div>}
              </div>
              <RunProgressBar
                status={r.status}
                rowsTotal={r.rowsTotal}
                rowsPerSecond={r.rowsPerSecond}
                label={t('dashboard.progressOf', { id: r.id, supplier: r.supplierCode })}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function formatAge(hours: number | null, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (hours === null) return t('dashboard.never');
  if (hours < 1) return t('dashboard.ageMinutes', { count: Math.floor(hours * 60) });
  if (hours < 48) return t('dashboard.ageHours', { count: Math.floor(hours) });
  return t('dashboard.ageDays', { count: Math.floor(hours / 24) });
}

/** Per supplier the last committed import and its age; flagged when older than the configured threshold. */
function Freshness() {
  const { t } = useTranslation();
  const suppliers = useSuppliers();
  const committed = useLastCommittedRuns();
  const threshold = staleAfterHours();
  const error = suppliers.error ?? committed.error;
  const data = suppliers.data && committed.data ? { suppliers: suppliers.data, committed: committed.data } : undefined;
  return (
    <QueryState isPending={suppliers.isPending || committed.isPending} error={error} data={data} isEmpty={(d) => d.suppliers.length === 0} empty={t('dashboard.noSuppliers')}>
      {(d) => {
        const rows = freshness(d.suppliers, d.committed, Date.now(), threshold);
        const staleCount = rows.filter((r) => r.stale).length;
        return (
          <>
            <p className={staleCount ? 'stale' : 'muted'} data-testid="stale-summary">
              {staleCount ? t('dashboard.staleCount', { count: staleCount, hours: threshold }) : t('dashboard.allFresh', { hours: threshold })}
            </p>
            <div className="table-wrap">
              <table aria-label={t('dashboard.freshness')}>
                <thead>
                  <tr>
                    <th scope="col">{t('runs.supplier')}</th>
                    <th scope="col">{t('dashboard.lastImport')}</th>
                    <th scope="col">{t('dashboard.age')}</th>
                    <th scope="col">{t('runs.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.code} data-testid={`fresh-${r.code}`}>
                      <td>
                        {r.code} <span className="muted small">{r.name}</span>
                      </td>
                      <td>{r.lastRunId ? <Link to={`/imports/${r.lastRunId}`}>{formatDateTime(r.lastAt)}</Link> : '—'}</td>
                      <td>{formatAge(r.ageHours, t)}</td>
                      <td>{r.stale ? <span className="stale">⚠ {t('dashboard.stale')}</span> : <span className="badge badge-committed">{t('dashboard.fresh')}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        );
      }}
    </QueryState>
  );
}

/** The last 24 hours: runs by outcome (chart and table), rows imported, row errors. */
function Last24Hours() {
  const { t } = useTranslation();
  const q = useHourlyRuns(24);
  return (
    <QueryState isPending={q.isPending} error={q.error} data={q.data}>
      {(hourly) => {
        const s = last24h(
          hourly.map((h) => ({ status: h.status, createdAt: h.hour, rowsStaged: h.rowsStaged, rowsError: h.rowsError, runs: h.runs })),
          Date.now(),
        );
        return (
          <>
            <dl className="kv">
              <div>
                <dt>{t('dashboard.runs24h')}</dt>
                <dd className="stat" data-testid="stat-runs">{formatNumber(s.runs)}</dd>
              </div>
              <div>
                <dt>{t('dashboard.rowsImported')}</dt>
                <dd className="stat" data-testid="stat-rows">{formatNumber(s.rowsImported)}</dd>
              </div>
              <div>
                <dt>{t('dashboard.rowErrorsTotal')}</dt>
                <dd className="stat" data-testid="stat-errors">{formatNumber(s.rowErrors)}</dd>
              </div>
              <div>
                <dt>{t('dashboard.failedRuns')}</dt>
                <dd className="stat" data-testid="stat-failed">{formatNumber(s.byOutcome.failed)}</dd>
              </div>
            </dl>
            {s.runs === 0 ? (
              <p className="empty">{t('dashboard.noRuns24h')}</p>
            ) : (
              <>
                <Suspense fallback={<Loading />}>
                  <RunsChart buckets={s.buckets} />
                </Suspense>
                <table className="compact" aria-label={t('dashboard.byOutcome')}>
                  <tbody>
                    {OUTCOMES.map((o) => (
                      <tr key={o}>
                        <th scope="row">{t(`dashboard.outcome.${o}`)}</th>
                        <td data-testid={`outcome-${o}`}>{formatNumber(s.byOutcome[o])}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

const col = createColumnHelper<ImportRun>();

function RecentRuns() {
  const { t } = useTranslation();
  const q = useRecentRuns();
  const columns = useMemo(
    () => [
      col.accessor('id', { header: () => t('runs.id'), cell: (c) => <Link to={`/imports/${c.getValue()}`}>#{c.getValue()}</Link> }),
      col.accessor('supplierCode', { header: () => t('runs.supplier') }),
      col.accessor('source', { header: () => t('runs.source'), cell: (c) => t(`runSource.${c.getValue()}`, { defaultValue: c.getValue() }) }),
      col.accessor('status', { header: () => t('runs.status'), cell: (c) => <StatusBadge status={c.getValue()} /> }),
      col.accessor('rowsTotal', { header: () => t('runs.rowsTotal'), cell: (c) => formatNumber(c.getValue()) }),
      col.accessor('rowsStaged', { header: () => t('runs.rowsStaged'), cell: (c) => formatNumber(c.getValue()) }),
      col.accessor('rowsError', { header: () => t('runs.rowsError'), cell: (c) => formatNumber(c.getValue()) }),
      col.accessor('createdAt', { header: () => t('runs.createdAt'), cell: (c) => formatDateTime(c.getValue()) }),
      col.accessor('finishedAt', { header: () => t('runs.finishedAt'), cell: (c) => formatDateTime(c.getValue()) }),
    ],
    [t],
  );
  return (
    <QueryState isPending={q.isPending} error={q.error} data={q.data} isEmpty={(d) => d.length === 0} empty={t('runs.empty')}>
      {(runs) => <DataTable data={runs.slice(0, 20)} columns={columns} caption={t('runs.title')} getRowId={(r) => String(r.id)} />}
    </QueryState>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <section aria-labelledby="live-title">
        <h2 id="live-title">{t('dashboard.activeRuns')}</h2>
        <LiveRuns />
      </section>
      <section aria-labelledby="fresh-title">
        <h2 id="fresh-title">{t('dashboard.freshness')}</h2>
        <Freshness />
      </section>
      <section aria-labelledby="day-title">
        <h2 id="day-title">{t('dashboard.last24h')}</h2>
        <Last24Hours />
      </section>
      <section aria-labelledby="health-title">
        <h2 id="health-title">{t('dashboard.health')}</h2>
        <ul className="cards">
          {SERVICES.map((s) => (
            <ServiceCard key={s} name={s} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="runs-title">
        <h2 id="runs-title">{t('runs.title')}</h2>
        <RecentRuns />
      </section>
    </>
  );
}
