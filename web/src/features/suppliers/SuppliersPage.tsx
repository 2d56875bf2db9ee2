import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/DataTable';
import { QueryState } from '@/components/QueryState';
import { formatNumber } from '@/lib/format';
import { useCanEdit } from '@/lib/use-session';
import { useSuppliers, type Supplier } from './api';

const col = createColumnHelper<Supplier>();

export function SuppliersPage() {
  const { t } = useTranslation();
  const q = useSuppliers();
  const [filter, setFilter] = useState('');
  const columns = useMemo(
    () => [
      col.accessor('code', {
        header: () => t('suppliers.code'),
        cell: (c) => (
          <Link to={`/suppliers/${encodeURIComponent(c.getValue())}`} aria-label={t('suppliers.openFor', { code: c.getValue() })}>
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor('name', { header: () => t('suppliers.name') }),
      col.accessor('active', {
        header: () => t('suppliers.active'),
        cell: (c) => (c.getValue() ? t('suppliers.activeYes') : t('suppliers.activeNo')),
      }),
      col.accessor('priority', { header: () => t('suppliers.priority'), cell: (c) => formatNumber(c.getValue()) }),
      col.accessor('contactName', { header: () => t('suppliers.contactName'), cell: (c) => c.getValue() ?? '—' }),
      col.accessor('contactEmail', {
        header: () => t('suppliers.contactEmail'),
        cell: (c) => {
          const v = c.getValue();
          return v ? <a href={`mailto:${v}`}>{v}</a> : '—';
        },
      }),
      col.display({
        id: 'links',
        header: () => t('common.actions'),
        cell: (c) => (
          <Link to={`/suppliers/${encodeURIComponent(c.row.original.code)}/rules`}>
            {t('rules.linkFor', { code: c.row.original.code })}
          </Link>
        ),
      }),
    ],
    [t],
  );
  const canEdit = useCanEdit();
  const needle = filter.trim().toLowerCase();
  return (
    <>
      <h1>{t('suppliers.title')}</h1>
      <div className="toolbar">
        <label>
          {t('suppliers.filter')}{' '}
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        {canEdit && (
          <Link to="/suppliers/new" className="button primary">
            {t('suppliers.new')}
          </Link>
        )}
      </div>
      <QueryState
        isPending={q.isPending}
        error={q.error}
        data={q.data}
        isEmpty={(d) => d.length === 0}
        empty={t('suppliers.empty')}
      >
        {(list) => {
          const rows = needle
            ? list.filter((s) => s.code.toLowerCase().includes(needle) || s.name.toLowerCase().includes(needle))
            : list;
          return rows.length === 0 ? (
            <p className="empty">{t('suppliers.noMatch')}</p>
          ) : (
            <DataTable data={rows} columns={columns} caption={t('suppliers.title')} getRowId={(s) => s.code} />
          );
        }}
      </QueryState>
    </>
  );
}
