import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/DataTable';
import { QueryState } from '@/components/QueryState';
import { formatDateTime } from '@/lib/format';
import { useUsers, type UserView } from './api';
import { UserCreateForm } from './UserCreateForm';

const col = createColumnHelper<UserView>();

export function UsersPage() {
  const { t } = useTranslation();
  const q = useUsers();
  const columns = useMemo(
    () => [
      col.accessor('username', {
        header: () => t('users.username'),
        cell: (c) => (
          <Link to={`/admin/users/${encodeURIComponent(c.getValue())}`} aria-label={t('users.editLink', { username: c.getValue() })}>
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor('displayName', { header: () => t('users.displayName'), cell: (c) => c.getValue() || '—' }),
      col.accessor('role', { header: () => t('users.role'), cell: (c) => t(`roles.${c.getValue()}`) }),
      col.accessor('enabled', {
        header: () => t('users.enabled'),
        cell: (c) => (c.getValue() ? t('users.enabledYes') : t('users.enabledNo')),
      }),
      col.accessor('createdAt', { header: () => t('users.createdAt'), cell: (c) => formatDateTime(c.getValue()) }),
      col.accessor('passwordChangedAt', {
        header: () => t('users.passwordChangedAt'),
        cell: (c) => formatDateTime(c.getValue()),
      }),
    ],
    [t],
  );
  return (
    <>
      <h1>{t('users.title')}</h1>
      <QueryState isPending={q.isPending} error={q.error} data={q.data} isEmpty={(d) => d.length === 0} empty={t('users.empty')}>
        {(users) => <DataTable data={users} columns={columns} caption={t('users.title')} getRowId={(u) => u.username} />}
      </QueryState>
      <UserCreateForm />
    </>
  );
}
