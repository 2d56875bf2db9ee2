import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { server } from '@/testing/server';
import { API, db, problem, resetDb } from '@/testing/handlers';
import { loginAs, renderApp } from '@/testing/render';
import type { Availability, StockHistoryEntry } from './api';

function product(sku: string, name: string, jan: string, quantities: [string, number, number][]): Availability {
  return {
    sku,
    jan,
    name,
    totalQuantity: quantities.reduce((n, [, q]) => n + q, 0),
    bestUnitCost: Math.min(...quantities.map(([, , c]) => c)),
    bestSupplierCode: quantities[0]?.[0] ?? null,
    updatedAt: '2026-11-28T00:00:00Z',
    suppliers: quantities.map(([code, quantity, unitCost], i) => ({
      supplierCode: code,
      supplierName: `${code} 商事`,
      active: true,
      priority: 10 * (i + 1),
      quantity,
      unitCost,
      discontinued: false,
      runId: 7,
      importDate: '2026-11-28',
      updatedAt: '2026-11-28T00:00:00Z',
    })),
  };
}

function change(id: number, supplierCode: string, day: number, oldQuantity: number | null, newQuantity: number, cost: number): StockHistoryEntry {
  return {
    id,
    sku: 'SG-1',
    supplierCode,
    runId: id,
    importDate: `2026-11-${String(day).padStart(2, '0')}`,
    changeKind: 'apply',
    oldQuantity,
    newQuantity,
    oldUnitCost: null,
    newUnitCost: cost,
    oldDiscontinued: null,
    // The one change of an existing row names the run that had created it (history keeps changes only).
    oldRunId: oldQuantity === null ? null : 1,
    oldImportDate: oldQuantity === null ? null : '2026-11-20',
    newDiscontinued: false,
    changedAt: `2026-11-${String(day).padStart(2, '0')}T01:00:00Z`,
  };
}

beforeEach(async () => {
  resetDb();
  db.suppliers = [
    { code: 'ACME', name: 'アクメ', active: true, priority: 10, contactName: null, contactEmail: null },
    { code: 'BETA', name: 'ベータ', active: true, priority: 20, contactName: null, contactEmail: null },
  ];
  db.availability = [
    product('SG-1', 'ボールペン 黒', '4901234567894', [['ACME', 10, 120], ['BETA', 5, 110]]),
    product('SG-2', 'ノート A5', '4901234567900', [['BETA', 0, 300]]),
  ];
  await loginAs('viewer');
});

describe('stock search', () => {
  it('asks for a search first, then finds products by name with their per-supplier stock', async () => {
    const { user } = renderApp('/stock');
    expect(await screen.findByText('SKU、JAN、商品名で検索してください。')).toBeInTheDocument();
    await user.type(screen.getByLabelText('検索語'), 'ボールペン');
    await user.click(screen.getByRole('button', { name: '検索' }));
    const row = (await screen.findByRole('link', { name: 'SG-1' })).closest('tr')!;
    expect(row).toHaveTextContent('ボールペン 黒');
    expect(row).toHaveTextContent('15');
    expect(row).toHaveTextContent('￥110');
    expect(row).toHaveTextContent('ACME: 10');
    expect(screen.queryByRole('link', { name: 'SG-2' })).toBeNull();
  });

  it('searches by JAN and by exact SKU, from the URL too', async () => {
    const { user } = renderApp('/stock?by=jan&text=4901234567900');
    expect(await screen.findByRole('link', { name: 'SG-2' })).toBeInTheDocument();
    expect(screen.getByLabelText('検索方法')).toHaveValue('jan');
    await user.selectOptions(screen.getByLabelText('検索方法'), 'sku');
    await user.clear(screen.getByLabelText('検索語'));
    await user.type(screen.getByLabelText('検索語'), 'SG-1{Enter}');
    expect(await screen.findByRole('link', { name: 'SG-1' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('link', { name: 'SG-2' })).toBeNull());
  });

  it('pages with "show more"', async () => {
    db.availability = Array.from({ length: 60 }, (_, i) => product(`SG-${String(i).padStart(3, '0')}`, `商品 ${i}`, `49000000${i}`, [['ACME', i, 100]]));
    const { user } = renderApp('/stock?text=商品');
    await screen.findByRole('link', { name: 'SG-049' });
    expect(screen.queryByRole('link', { name: 'SG-050' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'さらに表示' }));
    expect(await screen.findByRole('link', { name: 'SG-059' })).toBeInTheDocument();
    expect(screen.getByText('これ以上の結果はありません。')).toBeInTheDocument();
  });

  it('has empty, error and forbidden states', async () => {
    const a = renderApp('/stock?text=zzz');
    expect(await screen.findByText('該当する商品はありません。')).toBeInTheDocument();
    a.unmount();
    server.use(http.get(`${API}/api/catalog/availability`, () => problem(500, 'INTERNAL_ERROR')));
    const b = renderApp('/stock?text=x');
    expect(await screen.findByRole('alert')).toHaveTextContent('サーバーで予期しないエラーが発生しました。');
    b.unmount();
    server.use(http.get(`${API}/api/catalog/availability`, () => problem(403, 'FORBIDDEN')));
    renderApp('/stock?text=x');
    expect(await screen.findByRole('heading', { name: 'アクセス権限がありません' })).toBeInTheDocument();
  });
});

describe('product stock', () => {
  it('shows the per-supplier breakdown and the history as a chart and a table', async () => {
    db.history = [change(1, 'ACME', 20, null, 4, 130), change(2, 'BETA', 22, null, 5, 110), change(3, 'ACME', 25, 4, 10, 120)];
    const { user } = renderApp('/stock/SG-1');
    expect(screen.getByRole('status')).toHaveTextContent('読み込み中…');
    expect(await screen.findByRole('heading', { name: 'SG-1 ボールペン 黒', level: 1 })).toBeInTheDocument();
    expect(screen.getByTestId('total-quantity')).toHaveTextContent('15');
    const breakdown = screen.getByRole('table', { name: '仕入先別の内訳' });
    expect(within(breakdown).getAllByRole('row')).toHaveLength(3);
    expect(within(breakdown).getByText('ACME ACME 商事').closest('tr')).toHaveTextContent('￥120');
    // The chart library loads lazily (its own chunk).
    const chart = await screen.findByRole('img', { name: /数量の推移グラフ/ }, { timeout: 15_000 });
    expect(chart.querySelector('svg')).not.toBeNull();
    const history = screen.getByRole('table', { name: '在庫・原価の推移' });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('4 → 10');
    expect(rows[0]).toHaveTextContent('取込');
    expect(rows[0]).toHaveTextContent('1（2026-11-20）');
    expect(within(history).getByRole('columnheader', { name: '変更前の取込' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('仕入先'), 'BETA');
    await waitFor(() => expect(within(screen.getByRole('table', { name: '在庫・原価の推移' })).getAllByRole('row')).toHaveLength(2));
    await user.selectOptions(screen.getByLabelText('グラフの表示'), 'cost');
    expect(screen.getByRole('img', { name: /原価の推移グラフ/ })).toBeInTheDocument();
  });

  it('has no-history, not-found and forbidden states', async () => {
    const a = renderApp('/stock/SG-2');
    expect(await screen.findByText('変更履歴はありません。')).toBeInTheDocument();
    a.unmount();
    const b = renderApp('/stock/NOPE');
    expect(await screen.findByRole('alert')).toHaveTextContent('対象が見つかりません。');
    b.unmount();
    server.use(http.get(`${API}/api/catalog/products/:sku/stock-history`, () => problem(403, 'FORBIDDEN')));
    renderApp('/stock/SG-1');
    expect(await screen.findByRole('heading', { name: 'アクセス権限がありません' })).toBeInTheDocument();
  });
});
