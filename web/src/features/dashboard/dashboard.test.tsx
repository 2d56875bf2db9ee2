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
    const row = (await screen.findByRole('link', { name: '#7' }, { timeout: 5000 })).closest('tr')!;
    expect(row).toHaveTextContent('保留（承認待ち）');
    expect(row).toHaveTextContent('12,345');
    expect(row).toHaveTextContent('2026/11/29 00:00:00 JST');
    expect(row).toHaveTextContent('アップロード');
  });

  it('shows the problem when runs cannot be loaded', async () => {
    server.use(http.get(`${API}/api/import/runs`, () => problem(503, 'DB_CONNECTION_ERROR', 'database down')));
    renderApp('/');
    expect((await screen.findAllByText('データベースに接続できません。しばらくしてから再度お試しください。')).length).toBeGreaterThan(0);
  });

  it('shows the loading state first', async () => {
    renderApp('/');
    expect(screen.getAllByRole('status').some((s) => s.textContent === '読み込み中…')).toBe(true);
    await screen.findByText('取込の実行履歴はまだありません。');
  });
});

describe('dashboard: live and freshness', () => {
  const HOUR = 3600_000;
  const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

  it('shows running imports from the event stream with progress and rows per second', async () => {
    db.imports.events = [
      {
        at: '2026-11-28T03:00:00Z',
        runs: [
          { id: 31, supplierCode: 'ACME', status: 'parsing', dryRun: false, rowsTotal: 52000, rowsStaged: 0, rowsError: 2, rowsPerSecond: 26000, errorCode: null, createdAt: iso(60_000), startedAt: iso(50_000), finishedAt: null },
          { id: 30, supplierCode: 'BETA', status: 'committed', dryRun: false, rowsTotal: 10, rowsStaged: 10, rowsError: 0, rowsPerSecond: 100, errorCode: null, createdAt: iso(90_000), startedAt: iso(80_000), finishedAt: iso(10_000) },
        ],
      },
    ];
    renderApp('/');
    const item = await screen.findByTestId('live-run-31');
    expect(item).toHaveTextContent('ACME');
    expect(item).toHaveTextContent('解析中・52,000 行読込 · 26,000 行/秒');
    expect(item).toHaveTextContent('エラー行 2 件');
    expect(within(item).getByRole('progressbar', { name: '取込 #31（ACME）の進捗' })).toBeInTheDocument();
    // Finished runs are not "in progress".
    expect(screen.queryByTestId('live-run-30')).toBeNull();
    expect(screen.getByTestId('live-status')).toHaveTextContent('ライブ更新中');
  });

  it('says when nothing runs, and when the stream is lost', async () => {
    db.imports.events = [{ at: '2026-11-28T03:00:00Z', runs: [] }];
    renderApp('/');
    expect(await screen.findByText('実行中の取込はありません。')).toBeInTheDocument();
  });

  it('reports a lost stream', async () => {
    server.use(http.get(`${API}/api/import/runs/events`, () => problem(503, 'SERVICE_UNAVAILABLE')));
    renderApp('/');
    expect(await screen.findByText('ライブ更新が切れました。再接続しています…')).toBeInTheDocument();
  });

  it('flags suppliers whose last committed import is older than the threshold, or who never had one', async () => {
    db.suppliers = [
      { code: 'FRESH', name: '新しい', active: true, priority: 1, contactName: null, contactEmail: null },
      { code: 'OLD', name: '古い', active: true, priority: 2, contactName: null, contactEmail: null },
      { code: 'NONE', name: 'なし', active: true, priority: 3, contactName: null, contactEmail: null },
    ];
    db.runs = [
      { id: 3, supplierCode: 'FRESH', source: 'upload', status: 'committed', rowsTotal: 100, rowsStaged: 90, rowsError: 4, createdAt: iso(2 * HOUR), finishedAt: iso(2 * HOUR) },
      { id: 2, supplierCode: 'OLD', source: 'upload', status: 'committed', rowsTotal: 5, rowsStaged: 5, rowsError: 0, createdAt: iso(30 * HOUR), finishedAt: iso(30 * HOUR) },
      { id: 1, supplierCode: 'FRESH', source: 'upload', status: 'failed', rowsTotal: 0, rowsStaged: 0, rowsError: 7, createdAt: iso(HOUR), finishedAt: iso(HOUR) },
    ];
    renderApp('/');
    expect(await screen.findByTestId('stale-summary')).toHaveTextContent('2 件の仕入先は 24 時間以上取り込まれていません。');
    expect(screen.getByTestId('fresh-FRESH')).toHaveTextContent('2 時間前');
    expect(screen.getByTestId('fresh-FRESH')).toHaveTextContent('最新');
    expect(screen.getByTestId('fresh-OLD')).toHaveTextContent('30 時間前');
    expect(screen.getByTestId('fresh-OLD')).toHaveTextContent('古い');
    expect(screen.getByTestId('fresh-NONE')).toHaveTextContent('取込なし');
    // The last 24 hours: two runs (the 30-hour-old one is out), rows of committed runs, row errors.
    expect(screen.getByTestId('stat-runs')).toHaveTextContent('2');
    expect(screen.getByTestId('stat-rows')).toHaveTextContent('90');
    expect(screen.getByTestId('stat-errors')).toHaveTextContent('11');
    expect(screen.getByTestId('stat-failed')).toHaveTextContent('1');
    expect(screen.getByTestId('outcome-committed')).toHaveTextContent('1');
  });

  it('has a forbidden state for the freshness table', async () => {
    server.use(http.get(`${API}/api/catalog/suppliers`, () => problem(403, 'FORBIDDEN')));
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'アクセス権限がありません' })).toBeInTheDocument();
  });
});
