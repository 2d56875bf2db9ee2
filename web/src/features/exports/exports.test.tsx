import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { server } from '@/testing/server';
import { API, db, problem, resetDb } from '@/testing/handlers';
import { loginAs, renderApp } from '@/testing/render';
import { session } from '@/lib/session';
import { exportQuery, type ChannelTemplate, type ExportParams } from './api';
import { jstIso } from './ExportsPage';

const template: ChannelTemplate = {
  code: 'rakuten',
  name: '楽天市場',
  format: 'csv',
  encoding: 'Windows-31J',
  includeHeader: true,
  level: 'product',
  skuPrefix: 'R-',
  columns: [
    { header: '商品管理番号', field: 'sku' },
    { header: '在庫数', field: 'quantity' },
    { header: '倉庫', value: '本社' },
  ],
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-02T00:00:00Z',
};

let saved: { href: string; download: string }[] = [];

beforeEach(() => {
  resetDb();
  db.suppliers = [
    { code: 'ACME', name: 'アクメ', active: true, priority: 10, contactName: null, contactEmail: null },
    { code: 'BETA', name: 'ベータ', active: true, priority: 20, contactName: null, contactEmail: null },
  ];
  saved = [];
  Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:export'), revokeObjectURL: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ href: this.href, download: this.download });
  });
});

describe('export parameters', () => {
  const base: ExportParams = { level: 'product', format: 'csv', encoding: 'Windows-31J', header: true, suppliers: ['ACME'], skus: [], inStock: false, changedSince: '' };
  it('sends only what applies', () => {
    expect(exportQuery(base)).toMatchObject({ level: 'product', format: 'csv', encoding: 'Windows-31J', header: 'true', supplier: undefined });
    expect(exportQuery({ ...base, format: 'json' })).toMatchObject({ encoding: undefined, header: undefined });
    expect(exportQuery({ ...base, level: 'supplier', suppliers: ['ACME', 'BETA'], skus: ['A', 'B'], inStock: true })).toMatchObject({
      supplier: 'ACME,BETA',
      sku: 'A,B',
      inStock: 'true',
    });
    expect(jstIso('2026-11-28T09:30')).toBe('2026-11-28T09:30:00+09:00');
    expect(jstIso('')).toBe('');
  });
});

describe('exports', () => {
  it('downloads with format, encoding, level, header and filters, with the in-memory token', async () => {
    await loginAs('viewer');
    const { user } = renderApp('/exports');
    await user.selectOptions(await screen.findByLabelText('単位'), 'supplier');
    await user.selectOptions(screen.getByLabelText('形式'), 'tsv');
    await user.selectOptions(screen.getByLabelText('文字コード'), 'UTF-8');
    await user.click(screen.getByLabelText('見出し行を付ける（CSV・TSV）'));
    await user.click(screen.getByLabelText('在庫のある商品だけ'));
    await user.type(screen.getByLabelText('SKU で絞り込み'), 'SG-1, SG-2');
    await waitFor(() => expect(screen.getByRole('option', { name: 'BETA ベータ' })).toBeInTheDocument());
    await user.selectOptions(screen.getByLabelText('仕入先で絞り込み'), ['BETA']);
    expect(screen.getByTestId('export-url')).toHaveTextContent(
      '/api/export/stock?level=supplier&format=tsv&encoding=UTF-8&header=false&supplier=BETA&sku=SG-1%2CSG-2&inStock=true',
    );
    await user.click(screen.getByRole('button', { name: 'ダウンロード' }));
    expect(await screen.findByText(/stock-supplier\.tsv（\d+ バイト）をダウンロードしました。/)).toBeInTheDocument();
    const url = new URL(db.seen.exportUrls[0]!);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      level: 'supplier',
      format: 'tsv',
      encoding: 'UTF-8',
      header: 'false',
      supplier: 'BETA',
      sku: 'SG-1,SG-2',
      inStock: 'true',
    });
    // The token goes in the header, never in the URL or web storage.
    expect(db.seen.exportAuth[0]).toBe(`Bearer ${session.getAccessToken()}`);
    expect(url.search).not.toContain('token');
    expect(JSON.stringify({ ...localStorage })).not.toContain('token-');
    expect(saved).toEqual([{ href: 'blob:export', download: 'stock-supplier.tsv' }]);
  });

  it('JSON is always UTF-8 without a header; the API problem shows when a download fails', async () => {
    await loginAs('operator');
    const { user } = renderApp('/exports');
    await user.selectOptions(await screen.findByLabelText('形式'), 'json');
    expect(screen.getByLabelText('文字コード')).toBeDisabled();
    expect(screen.getByLabelText('見出し行を付ける（CSV・TSV）')).toBeDisabled();
    server.use(http.get(`${API}/api/export/stock`, () => problem(400, 'VALIDATION_ERROR', 'changedSince: must be an ISO-8601 timestamp', [{ field: 'changedSince', message: 'must be an ISO-8601 timestamp with offset' }])));
    await user.click(screen.getByRole('button', { name: 'ダウンロード' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('入力内容に誤りがあります。');
    expect(screen.getByLabelText('この日時以降の変更だけ（JST）')).toHaveAccessibleDescription(/must be an ISO-8601 timestamp with offset/);
    expect(saved).toEqual([]);
  });

  it('lists templates; viewers cannot change them', async () => {
    db.templates = [template];
    await loginAs('viewer');
    renderApp('/exports');
    const table = await screen.findByRole('table', { name: 'チャネルテンプレート' });
    expect(within(table).getByRole('link', { name: 'rakuten' })).toHaveAttribute('href', '/exports/templates/rakuten');
    expect(within(table).getByText('楽天市場').closest('tr')).toHaveTextContent('3');
    expect(screen.queryByRole('link', { name: 'テンプレートを追加' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'rakuten を削除' })).toBeNull();
  });

  it('has empty, error and forbidden template states, and a place for export history', async () => {
    await loginAs('operator');
    const a = renderApp('/exports');
    expect(await screen.findByText('テンプレートはまだありません。')).toBeInTheDocument();
    // This export-service has no jobs API yet: the history says so instead of failing.
    expect(await screen.findByText(/出力ジョブ.*準備中です/)).toBeInTheDocument();
    a.unmount();
    server.use(http.get(`${API}/api/export/templates`, () => problem(503, 'SERVICE_UNAVAILABLE')));
    const b = renderApp('/exports');
    expect(await screen.findByRole('alert')).toHaveTextContent('サービスに接続できません。');
    b.unmount();
    server.use(http.get(`${API}/api/export/templates`, () => problem(403, 'FORBIDDEN')));
    renderApp('/exports');
    expect(await screen.findByRole('heading', { name: 'アクセス権限がありません' })).toBeInTheDocument();
  });

  it('shows export jobs and downloads their files once export-service has them', async () => {
    db.exportJobs = [
      { id: 9, template: 'rakuten', level: 'product', format: 'csv', encoding: 'Windows-31J', requestedBy: 'operator', trigger: 'api', scheduledFor: null, status: 'succeeded', fileName: 'rakuten.csv', rows: 1200, bytes: 40000, sha256: null, error: null, createdAt: '2026-11-28T00:00:00Z', finishedAt: '2026-11-28T00:00:05Z', file: 'jobs/9/file' },
      { id: 8, template: null, level: 'supplier', format: 'json', encoding: null, requestedBy: null, trigger: 'schedule', scheduledFor: null, status: 'failed', fileName: null, rows: null, bytes: null, sha256: null, error: 'database unavailable', createdAt: '2026-11-27T00:00:00Z', finishedAt: null, file: null },
    ];
    await loginAs('viewer');
    const { user } = renderApp('/exports');
    const history = await screen.findByRole('table', { name: '出力履歴' });
    expect(within(history).getByText('完了').closest('tr')).toHaveTextContent('1,200');
    expect(within(history).getByText('失敗').closest('tr')).toHaveTextContent('database unavailable');
    await user.click(within(history).getByRole('button', { name: '出力 9 のファイルをダウンロード' }));
    await waitFor(() => expect(saved).toEqual([{ href: 'blob:export', download: 'job-9.csv' }]));
    expect(db.seen.exportUrls.at(-1)).toBe(`${API}/api/export/jobs/9/file`);
  });

  it('creates a template with field and fixed-value columns and a live preview', async () => {
    await loginAs('operator');
    const { user, router } = renderApp('/exports');
    await user.click(await screen.findByRole('link', { name: 'テンプレートを追加' }));
    await user.type(await screen.findByLabelText('コード'), 'yahoo');
    await user.type(screen.getByLabelText('名称'), 'Yahoo!ショッピング');
    const col1 = screen.getByRole('group', { name: '列 1' });
    await user.clear(within(col1).getByLabelText('見出し'));
    await user.type(within(col1).getByLabelText('見出し'), 'code');
    await user.click(screen.getByRole('button', { name: '列を追加' }));
    const col3 = screen.getByRole('group', { name: '列 3' });
    expect(within(col3).getByLabelText('見出し')).toHaveFocus();
    await user.keyboard('shipping');
    await user.selectOptions(within(col3).getByLabelText('値の取り方'), 'value');
    await user.type(within(col3).getByLabelText('固定値'), '0');
    expect(screen.getByTestId('template-preview')).toHaveTextContent('code,在庫数,shipping <sku>,<quantity>,0');
    await user.click(screen.getByRole('button', { name: '追加する' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/exports'));
    expect(db.templates[0]).toMatchObject({
      code: 'yahoo',
      name: 'Yahoo!ショッピング',
      format: 'csv',
      encoding: 'Windows-31J',
      includeHeader: true,
      columns: [
        { header: 'code', field: 'sku' },
        { header: '在庫数', field: 'quantity' },
        { header: 'shipping', value: '0' },
      ],
    });
    expect(await screen.findByRole('link', { name: 'yahoo' })).toBeInTheDocument();
  });

  it('checks a template before sending it', async () => {
    await loginAs('operator');
    const { user } = renderApp('/exports/templates/new');
    await user.type(await screen.findByLabelText('コード'), 'Bad Code');
    await user.click(screen.getByRole('button', { name: '列 1 を削除' }));
    await user.click(screen.getByRole('button', { name: '列 1 を削除' }));
    await user.click(screen.getByRole('button', { name: '追加する' }));
    expect(await screen.findByText('1〜40文字の英小文字・数字と「_」「-」で入力してください（先頭は英小文字か数字）。')).toBeInTheDocument();
    expect(screen.getByText('入力してください。')).toBeInTheDocument();
    expect(screen.getByText('列を1つ以上追加してください。')).toBeInTheDocument();
    expect(db.templates).toEqual([]);
  });

  it('edits a template keeping the settings it does not show; says when the server cannot yet', async () => {
    db.templates = [{ ...template }];
    await loginAs('operator');
    const { user } = renderApp('/exports/templates/rakuten');
    const name = await screen.findByLabelText('名称');
    expect(screen.getByLabelText('コード')).toHaveAttribute('readonly');
    await user.clear(name);
    await user.type(name, '楽天市場店');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('出力サービスはテンプレートの変更・削除にまだ対応していません');

    db.templateWrites = true;
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('保存しました。')).toBeInTheDocument();
    expect(db.templates[0]).toMatchObject({ name: '楽天市場店', skuPrefix: 'R-', level: 'product' });
  });

  it('previews a saved template with real data when export-service can', async () => {
    db.templates = [{ ...template }];
    await loginAs('viewer');
    const { user } = renderApp('/exports/templates/rakuten');
    await user.click(await screen.findByRole('button', { name: '保存済みの内容でプレビュー' }));
    expect(await screen.findByText('出力サービスはプレビューにまだ対応していません（対応中）。')).toBeInTheDocument();
    expect(screen.getByLabelText('名称')).toBeDisabled();
  });

  it('deletes a template when the server supports it, and says so when not', async () => {
    db.templates = [{ ...template }];
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await loginAs('operator');
    const { user } = renderApp('/exports');
    await user.click(await screen.findByRole('button', { name: 'rakuten を削除' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('まだ対応していません');
    db.templateWrites = true;
    await user.click(screen.getByRole('button', { name: 'rakuten を削除' }));
    expect(await screen.findByText('テンプレートはまだありません。')).toBeInTheDocument();
  });
});
