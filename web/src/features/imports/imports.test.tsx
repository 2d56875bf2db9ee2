import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { server } from '@/testing/server';
import { API, db, problem, resetDb } from '@/testing/handlers';
import { loginAs, renderApp } from '@/testing/render';
import type { ImportRunView } from './api';
import { readProfile } from './api';
import { inDateRange } from './HistoryPage';

function run(over: Partial<ImportRunView> & { id: number }): ImportRunView {
  return {
    supplierCode: 'ACME',
    source: 'upload',
    status: 'committed',
    fileName: 'acme.csv',
    fileSize: 2048,
    rowsTotal: 120,
    rowsStaged: 110,
    rowsUnmatched: 5,
    rowsExcluded: 2,
    rowsError: 3,
    rowsPerSecond: 4000,
    dryRun: false,
    partial: false,
    createdAt: '2026-11-28T01:00:00Z',
    finishedAt: '2026-11-28T01:00:05Z',
    ...over,
  };
}

const profile = { format: 'CSV', encoding: 'Windows-31J', headerRows: 1, columns: { code: { header: '品番' }, stock: { header: '在庫' } } };

beforeEach(async () => {
  resetDb();
  await loginAs('operator');
});

describe('import history', () => {
  it('loads, lists runs with links, and filters by status and supplier through the server', async () => {
    db.suppliers = [{ code: 'ACME', name: 'アクメ', active: true, priority: 1, contactName: null, contactEmail: null }];
    db.runs = [run({ id: 2, status: 'held' }), run({ id: 1, supplierCode: 'BETA', status: 'failed' })];
    const { user } = renderApp('/imports');
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('読み込み中…');
    expect(await screen.findByRole('link', { name: '取込 #2 の詳細' })).toHaveAttribute('href', '/imports/2');
    expect(screen.getByRole('link', { name: '取込 #1 の詳細' }).closest('tr')).toHaveTextContent('失敗');
    const filters = screen.getByRole('search', { name: '取込履歴の絞り込み' });
    await user.selectOptions(within(filters).getByLabelText('状態'), 'held');
    await user.click(within(filters).getByRole('button', { name: '絞り込む' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: '取込 #1 の詳細' })).toBeNull());
    expect(screen.getByRole('link', { name: '取込 #2 の詳細' })).toBeInTheDocument();
    await user.selectOptions(within(filters).getByLabelText('仕入先'), 'ACME');
    await user.selectOptions(within(filters).getByLabelText('状態'), '');
    await user.click(within(filters).getByRole('button', { name: '絞り込む' }));
    expect(await screen.findByText('1 件')).toBeInTheDocument();
  });

  it('filters by JST date', async () => {
    db.runs = [run({ id: 5, createdAt: '2026-11-27T16:00:00Z' }), run({ id: 4, createdAt: '2026-11-27T14:00:00Z' })];
    renderApp('/imports?from=2026-11-28');
    expect(await screen.findByRole('link', { name: '取込 #5 の詳細' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '取込 #4 の詳細' })).toBeNull();
    expect(inDateRange('2026-11-27T14:59:59Z', '', '2026-11-27')).toBe(true);
    expect(inDateRange('2026-11-27T15:00:00Z', '', '2026-11-27')).toBe(false);
  });

  it('has an empty state and a no-match state', async () => {
    renderApp('/imports');
    expect(await screen.findByText('取込の履歴はありません。')).toBeInTheDocument();
  });

  it('has an error state', async () => {
    server.use(http.get(`${API}/api/import/runs`, () => problem(500, 'INTERNAL_ERROR', 'boom')));
    renderApp('/imports');
    expect(await screen.findByRole('alert')).toHaveTextContent('サーバーで予期しないエラーが発生しました。');
  });

  it('has a forbidden state', async () => {
    server.use(http.get(`${API}/api/import/runs`, () => problem(403, 'FORBIDDEN')));
    renderApp('/imports');
    expect(await screen.findByRole('heading', { name: 'アクセス権限がありません' })).toBeInTheDocument();
  });

  it('offers the upload to operators only', async () => {
    renderApp('/imports');
    expect(await screen.findByRole('link', { name: 'ファイルを取り込む' })).toHaveAttribute('href', '/imports/new');
  });
});

describe('run details', () => {
  it('shows a held run: facts, counts, phase timings, guard reasons, diff per kind; approving applies it', async () => {
    db.runs = [
      run({
        id: 9,
        status: 'held',
        detectedEncoding: 'Windows-31J',
        phaseMillis: { parse: 1500, guard: 40 },
        guardReasons: ['Only 3 rows; the supplier\'s minimum is 5'],
        diff: { new: 1, changed: 2, unchanged: 0, missing: 0, zeroed: 0, costJumps: 0 },
        finishedAt: null,
      }),
    ];
    db.imports.diff[9] = [
      { kind: 'CHANGED', sku: 'SG-2', currentQuantity: 5, newQuantity: 7, currentUnitCost: 100, newUnitCost: 110 },
      { kind: 'CHANGED', sku: 'SG-1', currentQuantity: 1, newQuantity: 1, currentUnitCost: 50, newUnitCost: 55.5 },
      { kind: 'NEW', sku: 'SG-9', currentQuantity: null, newQuantity: 3, currentUnitCost: null, newUnitCost: 1000 },
    ];
    const { user } = renderApp('/imports/9');
    expect(await screen.findByRole('heading', { name: '安全チェックにより保留されました' })).toBeInTheDocument();
    expect(screen.getByText("Only 3 rows; the supplier's minimum is 5")).toBeInTheDocument();
    expect(screen.getByTestId('phases')).toHaveTextContent('1.5 s');
    expect(screen.getByTestId('phases')).toHaveTextContent('40 ms');
    expect(screen.getByTestId('count-rowsTotal')).toHaveTextContent('120');
    expect(screen.getByText('Windows-31J')).toBeInTheDocument();
    // The first kind with rows: NEW.
    expect(screen.getByTestId('diff-NEW')).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByRole('link', { name: 'SG-9' })).toBeInTheDocument();
    await user.click(screen.getByTestId('diff-CHANGED'));
    const table = await screen.findByRole('table', { name: '差分: 変更' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.firstElementChild?.textContent)).toEqual(['SG-1', 'SG-2']);
    expect(rows[0]).toHaveTextContent('¥55.5');
    await user.click(screen.getByTestId('diff-ZEROED'));
    expect(await screen.findByText('この種類の差分はありません。')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '承認して反映' }));
    expect(await screen.findByRole('heading', { name: 'ロールバック' })).toBeInTheDocument();
    expect(db.imports.decisions).toEqual(['approve 9']);
  });

  it('pages through row errors and downloads the error report', async () => {
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:report'), revokeObjectURL: vi.fn() });
    db.runs = [run({ id: 3, rowsError: 60, status: 'failed', errorCode: 'TOO_MANY_ERRORS', errorMessage: 'Too many row errors' })];
    db.imports.errors[3] = Array.from({ length: 60 }, (_, i) => ({ line: i + 2, rawText: `X-${i},a`, reason: `bad row ${i + 2}` }));
    const { user } = renderApp('/imports/3');
    expect(await screen.findByText('TOO_MANY_ERRORS')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'エラー行' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('1 ページ目')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '次へ' }));
    expect(await screen.findByText('bad row 61')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '次へ' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '前へ' }));
    expect(await screen.findByText('bad row 2')).toBeInTheDocument();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'エラーレポートをダウンロード' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
  });

  it('shows staged rows on request', async () => {
    db.runs = [run({ id: 4 })];
    db.imports.rows[4] = [{ line: 2, supplierItemCode: 'A-1', jan: null, rawValues: ['A-1', '○'], sku: null, unitCost: null, quantity: 10 }];
    const { user } = renderApp('/imports/4');
    await user.click(await screen.findByRole('button', { name: '取込行を表示' }));
    const table = await screen.findByRole('table', { name: '取込行' });
    expect(table).toHaveTextContent('未マッチ');
    expect(table).toHaveTextContent('A-1 | ○');
  });

  it('rolls back a committed run after a confirmation (Escape cancels)', async () => {
    db.runs = [run({ id: 6, applied: { changed: 10 } })];
    const { user } = renderApp('/imports/6');
    await user.click(await screen.findByRole('button', { name: 'ロールバックする' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('取込 #6（ACME）をロールバックします。よろしいですか？');
    expect(within(dialog).getByRole('button', { name: 'ロールバックを実行' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(db.imports.decisions).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'ロールバックする' }));
    await user.click(screen.getByRole('button', { name: 'ロールバックを実行' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('ロールバック済'));
    expect(db.imports.decisions).toEqual(['rollback 6']);
  });

  it('shows the API problem when a rollback is refused', async () => {
    db.runs = [run({ id: 6 })];
    server.use(http.post(`${API}/api/import/runs/6/rollback`, () => problem(409, 'CONFLICT', 'A later run of ACME stands')));
    const { user } = renderApp('/imports/6');
    await user.click(await screen.findByRole('button', { name: 'ロールバックする' }));
    await user.click(screen.getByRole('button', { name: 'ロールバックを実行' }));
    expect(await screen.findByText('A later run of ACME stands')).toBeInTheDocument();
  });

  it('shows a run that creates missing products: the option, the diff\'s count and the created count from the apply', async () => {
    db.runs = [
      run({
        id: 21,
        createProducts: true,
        diff: { new: 3, changed: 0, unchanged: 0, missing: 0, zeroed: 0, productsToCreate: 3 },
        applied: { runId: 21, status: 'applied', productsCreated: 2, rowsUnknownSku: 1 },
      }),
    ];
    renderApp('/imports/21');
    expect(await screen.findByText('通常 · 未登録の商品を作成')).toBeInTheDocument();
    expect(screen.getByTestId('products-to-create')).toHaveTextContent('3');
    expect(screen.getByTestId('products-created')).toHaveTextContent('2');
  });

  it('shows nothing about product creation for a run without the option', async () => {
    db.runs = [run({ id: 22, applied: { runId: 22, status: 'applied', productsCreated: 0 } })];
    renderApp('/imports/22');
    expect(await screen.findByText('通常')).toBeInTheDocument();
    expect(screen.queryByTestId('products-created')).toBeNull();
  });

  it('a normal run passing through staged is on its way: progress, no decision; a staged dry run waits', async () => {
    db.runs = [run({ id: 11, status: 'staged', dryRun: false, finishedAt: null }), run({ id: 12, status: 'staged', dryRun: true, finishedAt: null })];
    renderApp('/imports/11');
    expect(await screen.findByRole('progressbar', { name: '取込の進捗' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '反映する' })).toBeNull();
  });

  it('offers apply and discard for a staged dry run', async () => {
    db.runs = [run({ id: 12, status: 'staged', dryRun: true, finishedAt: null })];
    renderApp('/imports/12');
    expect(await screen.findByRole('button', { name: '反映する' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '破棄する' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar', { name: '取込の進捗' })).toBeNull();
  });

  it('is read-only for viewers', async () => {
    await loginAs('viewer');
    db.runs = [run({ id: 7, status: 'held' }), run({ id: 8 })];
    renderApp('/imports/7');
    expect(await screen.findByText('承認・却下はオペレーターまたは管理者が行います。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '承認して反映' })).toBeNull();
  });

  it('has a not-found error and a forbidden state', async () => {
    renderApp('/imports/404');
    expect(await screen.findByText('Import run 404 not found')).toBeInTheDocument();
  });

  it('has a forbidden state', async () => {
    server.use(http.get(`${API}/api/import/runs/:id`, () => problem(403, 'FORBIDDEN')));
    renderApp('/imports/1');
    expect(await screen.findByRole('heading', { name: 'アクセス権限がありません' })).toBeInTheDocument();
  });
});

describe('upload flow', () => {
  beforeEach(() => {
    db.suppliers = [
      { code: 'ACME', name: 'アクメ', active: true, priority: 1, contactName: null, contactEmail: null, profile },
      { code: 'BARE', name: '定義なし', active: true, priority: 2, contactName: null, contactEmail: null },
    ];
    db.imports.preview = {
      profileEncoding: 'Windows-31J',
      detectedEncoding: 'UTF-8',
      encodingMismatch: true,
      headers: ['品番', '在庫'],
      rows: [
        { line: 2, code: 'A-100', jan: null, name: null, stock: '○', cost: null, rawText: 'A-100,○', error: null },
        { line: 3, code: null, jan: null, name: null, stock: null, cost: null, rawText: ',', error: 'the item code is empty' },
      ],
      errors: 1,
    };
  });

  it('picks a supplier, previews with its profile, uploads a dry run with progress, shows the diff and applies it', async () => {
    const { user } = renderApp('/imports/new');
    await user.selectOptions(await screen.findByLabelText('仕入先'), 'ACME');
    expect(await screen.findByTestId('profile-summary')).toHaveTextContent('形式 CSV、文字コード Windows-31J');
    const file = new File(['品番,在庫\nA-100,○\n'], 'acme.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('取り込むファイル'), file);
    expect(await screen.findByTestId('detected-encoding')).toHaveTextContent('UTF-8');
    expect(screen.getByText(/ファイルは UTF-8 のようですが、ファイル定義は Windows-31J です。/)).toBeInTheDocument();
    expect(screen.getByText('列: 品番, 在庫')).toBeInTheDocument();
    const preview = screen.getByRole('table', { name: '先頭行のプレビュー' });
    expect(preview).toHaveTextContent('A-100');
    expect(preview).toHaveTextContent('the item code is empty');
    expect(db.imports.previews).toHaveLength(1);

    expect(screen.getByLabelText('試行（差分を確認してから反映する）')).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'アップロードして差分を確認' }));
    expect(await screen.findByRole('heading', { name: /取込 #100/ })).toBeInTheDocument();
    expect(db.imports.uploads[0]?.url).toBe(`${API}/api/import/suppliers/ACME/files?dryRun=true`);
    expect(db.imports.uploads[0]?.auth).toMatch(/^Bearer /);
    expect(screen.getByRole('progressbar', { name: '取込の進捗' })).toBeInTheDocument();

    // The run goes on on the server; the screen asks again every second.
    Object.assign(db.runs[0]!, { status: 'staged', rowsTotal: 2, rowsStaged: 1, rowsError: 1, diff: { new: 1, changed: 0, unchanged: 0, missing: 0, zeroed: 0 } });
    db.imports.diff[100] = [{ kind: 'NEW', sku: 'SG-1', currentQuantity: null, newQuantity: 10, currentUnitCost: null, newUnitCost: 100 }];
    expect(await screen.findByRole('link', { name: 'SG-1' }, { timeout: 4000 })).toBeInTheDocument();
    expect(screen.getByTestId('diff-NEW')).toHaveTextContent('1');
    await user.click(screen.getByRole('button', { name: '反映する' }));
    expect(await screen.findByText('反映しました。')).toBeInTheDocument();
    expect(db.imports.decisions).toEqual(['approve 100']);
    expect(screen.getByRole('link', { name: '取込 #100 の詳細' })).toHaveAttribute('href', '/imports/100');
  });

  it('takes a dropped file, uploads a normal run, and shows a held run with its reasons; rejecting discards it', async () => {
    const { user } = renderApp('/imports/new?supplier=ACME');
    const zone = await screen.findByTestId('dropzone');
    const file = new File(['x'], 'drop.csv', { type: 'text/csv' });
    fireEvent.dragOver(zone, { dataTransfer: { files: [file] } });
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    expect(await screen.findByText('選択したファイル: drop.csv（1 B）')).toBeInTheDocument();
    await screen.findByRole('table', { name: '先頭行のプレビュー' });
    await user.click(screen.getByLabelText('試行（差分を確認してから反映する）'));
    await user.click(screen.getByRole('button', { name: 'アップロードして取り込む' }));
    await screen.findByRole('heading', { name: /取込 #100/ });
    expect(db.imports.uploads[0]?.url).toBe(`${API}/api/import/suppliers/ACME/files`);
    Object.assign(db.runs[0]!, { status: 'held', guardReasons: ['3 of 4 products in stock would go to zero (75.0 %); the limit is 50 %'], diff: { zeroed: 3 } });
    expect(await screen.findByText(/3 of 4 products in stock/, {}, { timeout: 4000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '却下' }));
    expect(await screen.findByText('反映せずに破棄しました。')).toBeInTheDocument();
  });

  it('uploads with the option to create missing products and shows how many the dry run would create', async () => {
    const { user } = renderApp('/imports/new?supplier=ACME');
    await user.upload(await screen.findByLabelText('取り込むファイル'), new File(['品番,在庫\n'], 'new.csv'));
    await screen.findByRole('table', { name: '先頭行のプレビュー' });
    const option = screen.getByLabelText('未登録の商品を作成する');
    expect(option).not.toBeChecked();
    await user.click(option);
    await user.click(screen.getByRole('button', { name: 'アップロードして差分を確認' }));
    await screen.findByRole('heading', { name: /取込 #100/ });
    expect(db.imports.uploads[0]?.url).toBe(`${API}/api/import/suppliers/ACME/files?dryRun=true&createProducts=true`);
    Object.assign(db.runs[0]!, { status: 'staged', diff: { new: 4, changed: 0, unchanged: 0, missing: 0, zeroed: 0, productsToCreate: 4 } });
    await waitFor(() => expect(screen.getByTestId('products-to-create')).toHaveTextContent('4'), { timeout: 4000 });
    expect(screen.getByTestId('products-created')).toHaveTextContent('—');
  });

  it('says when the supplier has no file profile', async () => {
    const { user } = renderApp('/imports/new');
    await user.selectOptions(await screen.findByLabelText('仕入先'), 'BARE');
    expect(await screen.findByText(/この仕入先にはファイル定義がありません。/)).toBeInTheDocument();
    expect(screen.queryByLabelText('取り込むファイル')).toBeNull();
  });

  it('shows a preview failure and an upload refusal', async () => {
    db.imports.preview = null;
    server.use(http.post(`${API}/api/import/suppliers/:code/files`, () => problem(403, 'FORBIDDEN', 'Not allowed to upload')));
    const { user } = renderApp('/imports/new?supplier=ACME');
    await user.upload(await screen.findByLabelText('取り込むファイル'), new File(['x'], 'x.csv'));
    expect(await screen.findByText('The file cannot be read')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'アップロードして差分を確認' }));
    expect(await screen.findByText('Not allowed to upload')).toBeInTheDocument();
  });

  it('shows a duplicate file as its earlier run', async () => {
    db.runs = [run({ id: 42 })];
    server.use(
      http.post(`${API}/api/import/suppliers/:code/files`, () =>
        new Response(JSON.stringify(db.runs[0]), { status: 200, headers: { 'Content-Type': 'application/json', 'X-Duplicate-Of': '42' } }),
      ),
    );
    const { user } = renderApp('/imports/new?supplier=ACME');
    await user.upload(await screen.findByLabelText('取り込むファイル'), new File(['x'], 'x.csv'));
    await screen.findByRole('table', { name: '先頭行のプレビュー' });
    await user.click(screen.getByRole('button', { name: 'アップロードして差分を確認' }));
    expect(await screen.findByText('同じファイルは取込 #42 で取り込み済みです。その取込を表示しています。')).toBeInTheDocument();
  });

  it('is refused to viewers', async () => {
    await loginAs('viewer');
    renderApp('/imports/new');
    expect(await screen.findByRole('heading', { name: 'アクセス権限がありません' })).toBeInTheDocument();
  });

  it('has an error state when suppliers cannot be loaded', async () => {
    server.use(http.get(`${API}/api/catalog/suppliers`, () => problem(500, 'INTERNAL_ERROR', 'boom')));
    renderApp('/imports/new');
    expect(await screen.findByRole('alert')).toHaveTextContent('サーバーで予期しないエラーが発生しました。');
  });
});

describe('preview profile', () => {
  it('sends the reading half of the supplier profile, with catalog\'s field names', () => {
    expect(readProfile({ ...profile, thousandsSeparator: ',', stockSymbols: { '○': 10 } })).toEqual({
      format: 'CSV',
      encoding: 'Windows-31J',
      delimiter: null,
      quote: null,
      headerRows: 1,
      skipRows: null,
      columns: profile.columns,
      sheetName: null,
    });
  });
});
