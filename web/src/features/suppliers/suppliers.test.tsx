import { screen } from '@testing-library/react';
import { http } from 'msw';
import { server } from '@/testing/server';
import { API, db, problem, resetDb } from '@/testing/handlers';
import { loginAs, renderApp } from '@/testing/render';

beforeEach(async () => {
  resetDb();
  await loginAs('operator');
});

describe('suppliers', () => {
  it('loads, then lists suppliers and filters them', async () => {
    db.suppliers = [
      { code: 'ACME', name: 'アクメ商事', active: true, priority: 10, contactName: '山田', contactEmail: 'yamada@acme.example' },
      { code: 'BETA', name: 'ベータ物産', active: false, priority: 20, contactName: null, contactEmail: null },
    ];
    const { user } = renderApp('/suppliers');
    expect(screen.getByRole('status')).toHaveTextContent('読み込み中…');
    expect(await screen.findByText('アクメ商事')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'yamada@acme.example' })).toHaveAttribute('href', 'mailto:yamada@acme.example');
    expect(screen.getByText('ベータ物産').closest('tr')).toHaveTextContent('無効');
    await user.type(screen.getByLabelText('コード・名称で絞り込み'), 'beta');
    expect(screen.queryByText('アクメ商事')).toBeNull();
    await user.clear(screen.getByLabelText('コード・名称で絞り込み'));
    await user.type(screen.getByLabelText('コード・名称で絞り込み'), 'zzz');
    expect(screen.getByText('条件に一致する仕入先はありません。')).toBeInTheDocument();
  });

  it('sorts by a column from the keyboard-usable header button', async () => {
    db.suppliers = [
      { code: 'B', name: 'b', active: true, priority: 2, contactName: null, contactEmail: null },
      { code: 'A', name: 'a', active: true, priority: 1, contactName: null, contactEmail: null },
    ];
    const { user } = renderApp('/suppliers');
    await screen.findByText('b');
    await user.click(screen.getByRole('button', { name: 'コード' }));
    const cells = screen.getAllByRole('row').slice(1).map((r) => r.firstElementChild?.textContent);
    expect(cells).toEqual(['A', 'B']);
  });

  it('has an empty state', async () => {
    renderApp('/suppliers');
    expect(await screen.findByText('仕入先が登録されていません。')).toBeInTheDocument();
  });

  it('has an error state', async () => {
    server.use(http.get(`${API}/api/catalog/suppliers`, () => problem(500, 'INTERNAL_ERROR', 'boom')));
    renderApp('/suppliers');
    expect(await screen.findByRole('alert')).toHaveTextContent('サーバーで予期しないエラーが発生しました。');
  });

  it('has a forbidden state', async () => {
    server.use(http.get(`${API}/api/catalog/suppliers`, () => problem(403, 'FORBIDDEN')));
    renderApp('/suppliers');
    expect(await screen.findByRole('heading', { name: 'アクセス権限がありません' })).toBeInTheDocument();
  });
});
