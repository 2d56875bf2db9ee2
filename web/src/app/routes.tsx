import type { RouteObject } from 'react-router-dom';
import { AppLayout } from './AppLayout';
import { NotFound } from './NotFound';
import { LoginPage } from '@/features/auth/LoginPage';
import { RequireAuth, RequireRole } from '@/features/auth/guards';
import { DashboardPage } from '@/features/dashboard/DashboardPage';
import { SuppliersPage } from '@/features/suppliers/SuppliersPage';
import { UsersPage } from '@/features/admin/UsersPage';
import { UserEditPage } from '@/features/admin/UserEditPage';
import { ClientsPage } from '@/features/admin/ClientsPage';
import { AuditPage } from '@/features/admin/AuditPage';
import { AccountPage } from '@/features/account/AccountPage';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'suppliers', element: <SuppliersPage /> },
      { path: 'account', element: <AccountPage /> },
      {
        path: 'admin/users',
        element: (
          <RequireRole roles={['admin']}>
            <UsersPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/users/:username',
        element: (
          <RequireRole roles={['admin']}>
            <UserEditPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/clients',
        element: (
          <RequireRole roles={['admin']}>
            <ClientsPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/audit',
        element: (
          <RequireRole roles={['admin']}>
            <AuditPage />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

/** React Router 7 behaviour, opted into now (and no warnings about it). */
export const routerFuture = {
  v7_relativeSplatPath: true,
  v7_fetcherPersist: true,
  v7_normalizeFormMethod: true,
  v7_partialHydration: true,
  v7_skipActionErrorRevalidation: true,
} as const;
