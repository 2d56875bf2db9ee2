import { useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/DataTable';
import { Empty, QueryState } from '@/components/QueryState';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useCanEdit } from '@/lib/use-session';
import { useSuppliers } from '@/features/suppliers/api';
import { RUN_STATUSES, useRuns, type ImportRunView } from './api';
import { StatusBadge } from './RunParts';

const LIMITS = [50, 200, 500];
const col = createColumnHelper<ImportRunView>();

/** A JST calendar day (yyyy-mm-dd) as the instant it starts. */
export function jstDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+09:00`);
}

export function inDateRange(createdAt: string, from: string, to: string): boolean {
  const at = Date.parse(createdAt);
  if (from && at < jstDayStart(from)) return false;
  if (to && at >= jstDayStart(to) + 24 * 3600 * 1000) return false;
  return true;
}

/** Import history: the filters live in the URL; the server filters supplier and status, the date is filtered here (JST days). */
export function HistoryPage() {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const [params, setParams] = useSearchParams();
  const filter = {
    supplier: params.get('supplier') ?? '',
    status: params.get('status') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    limit: Number(params.get('limit')) || 50,
  };
  const [draft, setDraft] = useState(filter);
  const suppliers = useSuppliers();
  const q = useRuns({ supplier: filter.supplier || undefined, status: filter.status || undefined, limit: filter.limit });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries(draft)) if (v && !(k === 'limit' && v === 50)) next[k] = String(v);
    setParams(next);
  };

  const columns = useMemo(
    () => [
      col.accessor('id', {
        header: () => t('runs.id'),
        cell: (c) => (
          <Link to={`/imports/${c.getValue()}`} aria-label={t('imports.openRun', { id: c.getValue() })}>
            #{c.getValue()}
          </Link>
        ),
      }),
      col.accessor('supplierCode', { header: () => t('runs.supplier') }),
      col.accessor('status', { header: () => t('runs.status'), cell: (c) => <StatusBadge status={c.getValue()} /> }),
      col.accessor((r) => (r.dryRun ? t('imports.dryRun') : r.partial ? t('imports.partial') : ''), { id: 'mode', header: () => t('imports.fact.mode') }),
      col.accessor('fileName', { header: () => t('imports.fact.fileName'), cell: (c) => c.getValue() ?? '—' }),
      col.accessor('rowsTotal', { header: () => t('runs.rowsTotal'), cell: (c) => formatNumber(c.getValue()) }),
      col.accessor('rowsStaged', { header: () => t('runs.rowsStaged'), cell: (c) => formatNumber(c.getValue()) }),
      col.accessor('rowsError', { header: () => t('runs.rowsError'), cell: (c) => formatNumber(c.getValue()) }),
      col.accessor('createdAt', { header: () => t('runs.createdAt'), cell: (c) => formatDateTime(c.getValue()) }),
      col.accessor('finishedAt', { header: () => t('runs.finishedAt'), cell: (c) => formatDateTime(c.getValue()) }),
    ],
    [t],
  );

  return (
    <>
      <h1>{t('imports.historyTitle')}</h1>
      {canEdit && (
        <p>
          <Link className="button primary" to={filter.supplier ? `/imports/new?supplier=${encodeURIComponent(filter.supplier)}` : '/imports/new'}>
            {t('imports.newUpload')}
          </Link>
        </p>
      )}
      <form className="toolbar" role="search" aria-label={t('imports.filters')} onSubmit={submit}>
        <label>
          {t('imports.supplier')}{' '}
          <select value={draft.supplier} onChange={(e) => setDraft({ ...draft, supplier: e.target.value })}>
            <option value="">{t('imports.allSuppliers')}</option>
            {(suppliers.data ?? []).map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('imports.status')}{' '}
          <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
            <option value="">{t('imports.allStatuses')}</option>
            {RUN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`runStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('imports.from')}{' '}
          <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          {t('imports.to')}{' '}
          <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <label>
          {t('imports.limit')}{' '}
          <select value={draft.limit} onChange={(e) => setDraft({ ...draft, limit: Number(e.target.value) })}>
            {LIMITS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          {t('imports.applyFilters')}
        </button>
      </form>
      <QueryState isPending={q.isPending} error={q.error} data={q.data} isEmpty={(d) => d.length === 0} empty={t('imports.historyEmpty')}>
        {(runs) => {
          const shown = runs.filter((r) => inDateRange(r.createdAt, filter.from, filter.to));
          if (shown.length === 0) return <Empty>{t('imports.historyNoMatch')}</Empty>;
          return (
            <>
              <p className="muted small">{t('imports.historyCount', { count: shown.length })}</p>
              <DataTable data={shown} columns={columns} caption={t('imports.historyTitle')} getRowId={(r) => String(r.id)} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
