import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/DataTable';
import { ProblemAlert } from '@/components/ProblemAlert';
import { QueryState } from '@/components/QueryState';
import { formatDateTime } from '@/lib/format';
import { useAudit, type AuditEvent, type AuditFilter } from './api';

export const AUDIT_TYPES = [
  'login.succeeded',
  'login.failed',
  'login.throttled',
  'logout',
  'refresh.reused',
  'user.created',
  'user.updated',
  'user.password_reset',
  'user.password_changed',
  'client.created',
  'client.secret_rotated',
  'client.revoked',
  'client.auth_failed',
] as const;

const col = createColumnHelper<AuditEvent>();

function details(d: AuditEvent['details']): string {
  if (!d || Object.keys(d).length === 0) return '—';
  return Object.entries(d)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}

export function AuditPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilter>({ type: '', subject: '', actor: '' });
  const [filter, setFilter] = useState<AuditFilter>({ type: '', subject: '', actor: '' });
  const q = useAudit(filter);
  const columns = useMemo(
    () => [
      col.accessor('id', { header: () => t('audit.id'), enableSorting: false }),
      col.accessor('occurredAt', { header: () => t('audit.occurredAt'), cell: (c) => formatDateTime(c.getValue()), enableSorting: false }),
      col.accessor('type', { header: () => t('audit.type'), cell: (c) => t(`auditTypes.${c.getValue()}`, { defaultValue: c.getValue() }), enableSorting: false }),
      col.accessor('actor', { header: () => t('audit.actor'), cell: (c) => c.getValue() ?? '—', enableSorting: false }),
      col.accessor('subject', { header: () => t('audit.subject'), cell: (c) => c.getValue() ?? '—', enableSorting: false }),
      col.accessor('clientAddress', { header: () => t('audit.clientAddress'), cell: (c) => c.getValue() ?? '—', enableSorting: false }),
      col.accessor('details', { header: () => t('audit.details'), cell: (c) => details(c.getValue()), enableSorting: false }),
    ],
    [t],
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ type: draft.type, subject: draft.subject.trim(), actor: draft.actor.trim() });
  };
  const events = q.data?.pages.flat();
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <form className="toolbar" onSubmit={onSubmit} role="search" aria-label={t('audit.filter')}>
        <label>
          {t('audit.type')}{' '}
          <select value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })}>
            <option value="">{t('audit.allTypes')}</option>
            {AUDIT_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`auditTypes.${ty}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.subject')}{' '}
          <input type="text" value={draft.subject} onChange={(e) => setDraft({ ...draft, subject: e.target.value })} />
        </label>
        <label>
          {t('audit.actor')}{' '}
          <input type="text" value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} />
        </label>
        <button type="submit">{t('audit.search')}</button>
      </form>
      <QueryState isPending={q.isPending} error={q.isFetchNextPageError ? null : q.error} data={events} isEmpty={(d) => d.length === 0} empty={t('audit.empty')}>
        {(list) => (
          <>
            <DataTable data={list} columns={columns} caption={t('audit.title')} getRowId={(e) => String(e.id)} />
            {q.isFetchNextPageError ? <ProblemAlert error={q.error} /> : null}
            {q.hasNextPage ? (
              <button type="button" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
                {q.isFetchingNextPage ? t('common.loading') : t('audit.more')}
              </button>
            ) : (
              <p className="muted small">{t('audit.end')}</p>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
