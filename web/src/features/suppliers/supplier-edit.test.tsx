import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { server } from '@/testing/server';
import { API, db, problem, resetDb } from '@/testing/handlers';
import { loginAs, renderApp } from '@/testing/render';
import type { SupplierRequest } from './api';

const acme = {
  code: 'ACME',
  name: 'アクメ商事',
  active: true,
  priority: 10,
  contactName: '山田',
  contactEmail: 'yamada@acme.example',
  profile: {
    format: 'CSV',
    encoding: 'Windows-31J',
    delimiter: ',',
    quote: '"',
    headerRows: 1,
    skipRows: 0,
    columns: { code: { header: '品番' }, stock: { header: '在庫' }, cost: { position: 4 } },
    decimalSeparator: '.',
    thousandsSeparator: ',',
    stockSymbols: { '○': 10, '×': 0 },
  },
  source: { type: 'UPLOAD' },
  scheduleCron: '0 6 * * *',
  guard: { minRows: 1, maxRowDropPercent: 30, maxZeroStockPercent: 50, maxCostChangePercent: 50 },
  missingItemsPolicy: 'KEEP' as const,
  version: 4,
};

beforeEach(async () => {
  resetDb();
  db.suppliers = [{ ...acme }];
});

describe('supplier edit', () => {
  it('loads the supplier with its file profile into labelled controls', async () => {
    await loginAs('operator');
    renderApp('/suppliers/ACME');
    expect(screen.getByRole('status')).toHaveTextContent('読み込み中…');
    expect(await screen.findByLabelText('名称')).toHaveValue('アクメ商事');
    expect(screen.getByLabelText('コード')).toHaveAttribute('readonly');
    expect(screen.getByLabelText('形式')).toHaveValue('CSV');
    expect(screen.getByLabelText('文字コード')).toHaveValue('Windows-31J');
    expect(screen.getByLabelText('商品コード の指定方法')).toHaveValue('header');
    expect(screen.getByLabelText('商品コード の見出し名')).toHaveValue('品番');
    expect(screen.getByLabelText('原価 の列番号')).toHaveValue(4);
    expect(screen.getByLabelText('記号 1')).toHaveValue('○');
    expect(screen.getByLabelText('cron 式')).toHaveValue('0 6 * * *');
    expect(screen.getByRole('radio', { name: 'そのまま残す' })).toBeChecked();
    expect(screen.getByRole('link', { name: 'ACME のマッピングルール' })).toHaveAttribute('href', '/suppliers/ACME/rules');
  });

  it('saves with If-Match and shows the saved state', async () => {
    await loginAs('operator');
    const { user } = renderApp('/suppliers/ACME');
    const name = await screen.findByLabelText('名称');
    await user.clear(name);
    await user.type(name, 'アクメ商事株式会社');
    await user.selectOptions(screen.getByLabelText('在庫数 の指定方法'), 'position');
    await user.type(screen.getByLabelText('在庫数 の列番号'), '5');
    await user.click(screen.getByRole('radio', { name: '在庫を0にする' }));
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('保存しました。')).toBeInTheDocument();
    expect(db.seen.ifMatch).toEqual(['"4"']);
    const body = db.seen.supplierBodies[0] as SupplierRequest;
    expect(body.name).toBe('アクメ商事株式会社');
    expect(body.profile.columns).toEqual({ code: { header: '品番' }, stock: { position: 5 }, cost: { position: 4 } });
    expect(body.missingItemsPolicy).toBe('ZERO');
    expect(body).not.toHaveProperty('version');
  });

  it('says clearly when someone else changed the supplier (412) and reloads it', async () => {
    await loginAs('operator');
    const { user } = renderApp('/suppliers/ACME');
    await screen.findByLabelText('名称');
    // Someone else saves meanwhile.
    Object.assign(db.suppliers[0]!, { version: 5, name: '他の人の変更' });
    await user.click(screen.getByRole('button', { name: '保存' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('他の人がこの仕入先を変更しました');
    await user.click(within(alert).getByRole('button', { name: '最新の内容を読み込む' }));
    await waitFor(() => expect(screen.getByLabelText('名称')).toHaveValue('他の人の変更'));
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('保存しました。')).toBeInTheDocument();
    expect(db.seen.ifMatch).toEqual(['"4"', '"5"']);
  });

  it('creates a supplier with a fixed-width profile and a drop-folder source', async () => {
    await loginAs('admin');
    const { user, router } = renderApp('/suppliers/new');
    await user.type(await screen.findByLabelText('コード'), 'FIX01');
    await user.type(screen.getByLabelText('名称'), '固定長商会');
    await user.selectOptions(screen.getByLabelText('形式'), 'FIXED_WIDTH');
    expect(screen.queryByLabelText('区切り文字')).toBeNull();
    await user.selectOptions(screen.getByLabelText('商品コード の指定方法'), 'bytes');
    await user.type(screen.getByLabelText('商品コード の開始バイト'), '1');
    await user.type(screen.getByLabelText('商品コード の終了バイト'), '10');
    await user.selectOptions(screen.getByLabelText('在庫数 の指定方法'), 'bytes');
    await user.type(screen.getByLabelText('在庫数 の開始バイト'), '11');
    await user.type(screen.getByLabelText('在庫数 の終了バイト'), '14');
    await user.clear(screen.getByLabelText('見出し行数'));
    await user.type(screen.getByLabelText('見出し行数'), '0');
    await user.selectOptions(screen.getByLabelText('種類'), 'DROP_FOLDER');
    await user.type(screen.getByLabelText('フォルダ'), 'fix01');
    await user.click(screen.getByRole('button', { name: '記号を追加' }));
    await user.type(screen.getByLabelText('記号 6'), '10+');
    await user.clear(screen.getByLabelText('記号 6 の数量'));
    await user.type(screen.getByLabelText('記号 6 の数量'), '10');
    await user.click(screen.getByRole('button', { name: '追加する' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/suppliers/FIX01'));
    const body = db.seen.supplierBodies[0] as SupplierRequest;
    expect(body.profile).toMatchObject({
      format: 'FIXED_WIDTH',
      headerRows: 0,
      columns: { code: { startByte: 1, endByte: 10 }, stock: { startByte: 11, endByte: 14 } },
    });
    expect(body.profile.stockSymbols).toMatchObject({ '10+': 10, '○': 10 });
    expect(body.source).toEqual({ type: 'DROP_FOLDER', folder: 'fix01', filePattern: null });
    expect(await screen.findByRole('heading', { name: '仕入先: FIX01', level: 1 })).toBeInTheDocument();
  });

  it('shows problem+json field errors next to their fields', async () => {
    await loginAs('operator');
    const { user } = renderApp('/suppliers/new');
    await user.type(await screen.findByLabelText('コード'), 'BAD');
    await user.type(screen.getByLabelText('名称'), '誤り');
    await user.type(screen.getByLabelText('cron 式'), '0 6 * * * *');
    await user.click(screen.getByRole('button', { name: '追加する' }));
    // The client check first: five fields.
    expect(await screen.findByText('5つの項目（分 時 日 月 曜日）をスペース区切りで入力してください。')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('cron 式'));
    await user.type(screen.getByLabelText('cron 式'), '0 6 * * *');
    await user.selectOptions(screen.getByLabelText('種類'), 'URL');
    await user.click(screen.getByRole('button', { name: '追加する' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('入力内容に誤りがあります。');
    expect(screen.getByText('is required: the supplier item code is what rules match')).toBeInTheDocument();
    expect(screen.getByLabelText('URL')).toHaveAccessibleDescription(/is required for a URL source/);
  });

  it('is read-only for viewers', async () => {
    await loginAs('viewer');
    renderApp('/suppliers/ACME');
    expect(await screen.findByLabelText('名称')).toBeDisabled();
    expect(screen.getByText('閲覧のみ（変更はオペレーターまたは管理者が行えます）。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存' })).toBeNull();
  });

  it('refuses the new-supplier screen to viewers and hides its link', async () => {
    await loginAs('viewer');
    renderApp('/suppliers');
    await screen.findByText('アクメ商事');
    expect(screen.queryByRole('link', { name: '仕入先を追加' })).toBeNull();
    renderApp('/suppliers/new');
    expect(await screen.findByRole('heading', { name: 'アクセス権限がありません' })).toBeInTheDocument();
  });

  it('links from the list to the supplier and its rules', async () => {
    await loginAs('operator');
    const { user, router } = renderApp('/suppliers');
    await user.click(await screen.findByRole('link', { name: 'ACME を開く' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/suppliers/ACME'));
  });

  it('has error, not-found and forbidden states', async () => {
    await loginAs('operator');
    server.use(http.get(`${API}/api/catalog/suppliers/:code`, () => problem(500, 'INTERNAL_ERROR', 'boom')));
    const first = renderApp('/suppliers/ACME');
    expect(await screen.findByRole('alert')).toHaveTextContent('サーバーで予期しないエラーが発生しました。');
    first.unmount();
    server.resetHandlers();
    const second = renderApp('/suppliers/NOPE');
    expect(await screen.findByRole('alert')).toHaveTextContent('対象が見つかりません。');
    second.unmount();
    server.use(http.get(`${API}/api/catalog/suppliers/:code`, () => problem(403, 'FORBIDDEN')));
    renderApp('/suppliers/ACME');
    expect(await screen.findByRole('heading', { name: 'アクセス権限がありません' })).toBeInTheDocument();
  });
});
