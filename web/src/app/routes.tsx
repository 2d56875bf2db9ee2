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
// Suppliers (edit, rules), stock and exports.
import { SupplierEditPage, SupplierNewPage } from '@/features/suppliers/SupplierEditPage';
import { RulesPage } from '@/features/rules/RulesPage';
import { StockPage } from '@/features/stock/StockPage';
import { ProductStockPage } from '@/features/stock/ProductStockPage';
import { ExportsPage } from '@/features/exports/ExportsPage';
import { TemplateEditPage, TemplateNewPage } from '@/features/exports/TemplateEditPage';
// Imports: upload, history, run details.
import { HistoryPage } from '@/features/imports/HistoryPage';
import { UploadPage } from '@/features/imports/UploadPage';
import { RunDetailPage } from '@/features/imports/RunDetailPage';

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
      {
        path: 'suppliers/new',
        element: (
          <RequireRole roles={['admin', 'operator']}>
            <SupplierNewPage />
          </RequireRole>
        ),
      },
      { path: 'suppliers/:code', element: <SupplierEditPage /> },
      { path: 'suppliers/:code/rules', element: <RulesPage /> },
      { path: 'stock', element: <StockPage /> },
      { path: 'stock/:sku', element: <ProductStockPage /> },
      { path: 'exports', element: <ExportsPage /> },
      {
        path: 'exports/templates/new',
        element: (
          <RequireRole roles={['admin', 'operator']}>
            <TemplateNewPage />
          </RequireRole>
        ),
      },
      { path: 'exports/templates/:code', element: <TemplateEditPage /> },
      { path: 'imports', element: <HistoryPage /> },
      {
        path: 'imports/new',
        element: (
          <RequireRole roles={['admin', 'operator']}>
            <UploadPage />
          </RequireRole>
        ),
      },
      { path: 'imports/:id', element: <RunDetailPage /> },
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
