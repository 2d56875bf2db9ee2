import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '@/testing/server';
import { API, db, problem, resetDb } from '@/testing/handlers';
import { loginAs, renderApp } from '@/testing/render';

beforeEach(async () => {
  resetDb();
  await loginAs('viewer');
});

describe('dashboard', () => {
  it('shows each service health, DOWN with its failing check on 503', async () => {
    server.use(
      http.get(`${API}/api/export/status`, () =>
        HttpResponse.json(
          { service: 'export-service', version: '0.1.0', status: 'DOWN', checks: [{ name: 'Database', status: 'DOWN' }] },
          { status: 503 },
        ),
      ),
      http.get(`${API}/api/import/status`, () => problem(502, 'SERVICE_UNAVAILABLE', 'The service behind this path is not reachable')),
    );
    renderApp('/');
    const auth = screen.getByTestId('health-auth');
    expect(await within(auth).findAllByText('正常')).toHaveLength(2);
    const exp = screen.getByTestId('health-export');
    expect(await within(exp).findAllByText('停止')).toHaveLength(2);
    const imp = screen.getByTestId('health-import');
    expect(await within(imp).findByText('The service behind this path is not reachable')).toBeInTheDocument();
  });

  it('says so when there are no import runs', async () => {
    renderApp('/');
    expect(await screen.findByText('取込の実行履歴はまだありません。')).toBeInTheDocument();
  });

  it('lists recent runs with JST times and Japanese numbers', async () => {
    db.runs = [
      {
        id: 7,
        supplierCode: 'ACME',
        source: 'upload',
        status: 'held',
        rowsTotal: 12345,
        rowsStaged: 12000,
        rowsError: 345,
        createdAt: '2026-11-28T15:00:00Z',
        finishedAt: null,
      },
    ];
    renderApp('/');
    const row = (await screen.findByText('ACME')).closest('tr')!;
    expect(row).toHaveTextContent('保留（承認待ち）');
    expect(row).toHaveTextContent('12,345');
    expect(row).toHaveTextContent('2026/11/29 00:00:00 JST');
    expect(row).toHaveTextContent('アップロード');
  });

  it('shows the problem when runs cannot be loaded', async () => {
    server.use(http.get(`${API}/api/import/runs`, () => problem(503, 'DB_CONNECTION_ERROR', 'database down')));
    renderApp('/');
    expect(await screen.findByText('データベースに接続できません。しばらくしてから再度お試しください。')).toBeInTheDocument();
  });

  it('shows the loading state first', async () => {
    renderApp('/');
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('読み込み中…');
    await screen.findByText('取込の実行履歴はまだありません。');
  });
});
