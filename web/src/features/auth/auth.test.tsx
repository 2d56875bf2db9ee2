import { act, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { server } from '@/testing/server';
import { API, db, problem, resetDb } from '@/testing/handlers';
import { loginAs, renderApp } from '@/testing/render';
import { session } from '@/lib/session';

beforeEach(() => resetDb());

describe('login', () => {
  it('sends anonymous users to the login form, in Japanese by default', async () => {
    const { router } = renderApp('/suppliers');
    await act(() => session.restore());
    expect(await screen.findByRole('button', { name: 'ログイン' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('checks required fields before calling the API', async () => {
    const { user } = renderApp('/login');
    await act(() => session.restore());
    await user.click(await screen.findByRole('button', { name: 'ログイン' }));
    expect(await screen.findAllByText('入力してください。')).toHaveLength(2);
    expect(screen.getByLabelText('ユーザー名')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the API problem for wrong credentials', async () => {
    const { user } = renderApp('/login');
    await act(() => session.restore());
    await user.type(await screen.findByLabelText('ユーザー名'), 'admin');
    await user.type(screen.getByLabelText('パスワード'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'ログイン' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('ユーザー名またはパスワードが正しくありません。');
    expect(alert).toHaveTextContent('INVALID_CREDENTIALS');
  });

  it('says when to try again after too many attempts', async () => {
    server.use(
      http.post(`${API}/api/auth/login`, () => {
        const res = problem(429, 'RATE_LIMITED');
        res.headers.set('Retry-After', '30');
        return res;
      }),
    );
    const { user } = renderApp('/login');
    await act(() => session.restore());
    await user.type(await screen.findByLabelText('ユーザー名'), 'admin');
    await user.type(screen.getByLabelText('パスワード'), 'whatever');
    await user.click(screen.getByRole('button', { name: 'ログイン' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('試行回数が多すぎます。');
    expect(alert).toHaveTextContent('30 秒後に再試行できます。');
  });

  it('puts server field errors on the fields', async () => {
    server.use(
      http.post(`${API}/api/auth/login`, () =>
        problem(400, 'VALIDATION_ERROR', 'The request is invalid', [{ field: 'password', message: 'size must be between 1 and 72' }]),
      ),
    );
    const { user } = renderApp('/login');
    await act(() => session.restore());
    await user.type(await screen.findByLabelText('ユーザー名'), 'admin');
    await user.type(screen.getByLabelText('パスワード'), 'x');
    await user.click(screen.getByRole('button', { name: 'ログイン' }));
    expect(await screen.findByText('size must be between 1 and 72')).toBeInTheDocument();
    expect(screen.getByLabelText('パスワード')).toHaveAttribute('aria-invalid', 'true');
  });

  it('logs in as admin and shows the admin navigation, then logs out', async () => {
    const { user, router } = renderApp('/login');
    await act(() => session.restore());
    await user.type(await screen.findByLabelText('ユーザー名'), 'admin');
    await user.type(screen.getByLabelText('パスワード'), 'demo-pass-2026');
    await user.click(screen.getByRole('button', { name: 'ログイン' }));
    const nav = await screen.findByRole('navigation', { name: 'メインメニュー' });
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual([
      'ダッシュボード',
      '仕入先',
      '取込',
      '在庫・原価',
      '出力',
      'ユーザー',
      'サービスクライアント',
      '監査ログ',
    ]);
    expect(screen.getByTestId('current-user')).toHaveTextContent('admin さん (管理者)');
    await user.click(screen.getByRole('button', { name: 'ログアウト' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(db.calls.logout).toBe(1);
  });

  it('switches to English', async () => {
    const { user } = renderApp('/login');
    await act(() => session.restore());
    await user.selectOptions(await screen.findByLabelText('表示言語'), 'en');
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('roles', () => {
  it('viewers see no administration and are refused it', async () => {
    await loginAs('viewer');
    renderApp('/admin/users');
    const nav = await screen.findByRole('navigation', { name: 'メインメニュー' });
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual(['ダッシュボード', '仕入先', '取込', '在庫・原価', '出力']);
    expect(screen.getByRole('heading', { name: 'アクセス権限がありません' })).toBeInTheDocument();
  });

  it('operators see the same menu as viewers for now', async () => {
    await loginAs('operator');
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'メインメニュー' });
    expect(within(nav).queryByRole('link', { name: 'ユーザー' })).toBeNull();
  });
});

describe('session expiry', () => {
  it('shows the expiry screen when a call is refused and the refresh fails', async () => {
    await loginAs('operator');
    db.refreshCookie = false;
    db.tokens.clear();
    const { user, router } = renderApp('/suppliers');
    expect(await screen.findByRole('heading', { name: 'セッションの有効期限が切れました' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '再ログイン' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
  });
});
