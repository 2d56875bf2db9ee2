import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/DataTable';
import { QueryState } from '@/components/QueryState';
import { formatDateTime, formatNumber } from '@/lib/format';
import { toApiError } from '@/lib/problem';
import { SERVICES, useRecentRuns, useServiceStatus, type ImportRun, type ServiceName } from './api';

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

const col = createColumnHelper<ImportRun>();

function RecentRuns() {
  const { t } = useTranslation();
  const q = useRecentRuns();
  const columns = useMemo(
    () => [
      col.accessor('id', { header: () => t('runs.id') }),
      col.accessor('supplierCode', { header: () => t('runs.supplier') }),
      col.accessor('source', { header: () => t('runs.source'), cell: (c) => t(`runSource.${c.getValue()}`, { defaultValue: c.getValue() }) }),
      col.accessor('status', {
        header: () => t('runs.status'),
        cell: (c) => <span className={`badge badge-${c.getValue()}`}>{t(`runStatus.${c.getValue()}`, { defaultValue: c.getValue() })}</span>,
      }),
      col.accessor('rowsTotal', { header: () => t('runs.rowsTotal'), cell: (c) => formatNumber(c.getValue()) }),
      col.accessor('rowsStaged', { header: () => t('runs.rowsStaged'), cell: (c) => formatNumber(c.getValue()) }),
      col.accessor('rowsError', { header: () => t('runs.rowsError'), cell: (c) => formatNumber(c.getValue()) }),
      col.accessor('createdAt', { header: () => t('runs.createdAt'), cell: (c) => formatDateTime(c.getValue()) }),
      col.accessor('finishedAt', { header: () => t('runs.finishedAt'), cell: (c) => formatDateTime(c.getValue()) }),
    ],
    [t],
  );
  return (
    <QueryState
      isPending={q.isPending}
      error={q.error}
      data={q.data}
      isEmpty={(d) => d.length === 0}
      empty={t('runs.empty')}
    >
      {(runs) => <DataTable data={runs} columns={columns} caption={t('runs.title')} getRowId={(r) => String(r.id)} />}
    </QueryState>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
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
