import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { server } from '@/testing/server';
import { API, db, problem, resetDb } from '@/testing/handlers';
import { loginAs, renderApp } from '@/testing/render';

beforeEach(async () => {
  resetDb();
  await loginAs('admin');
});

describe('users', () => {
  it('lists users with links to edit them', async () => {
    renderApp('/admin/users');
    expect(await screen.findByRole('link', { name: 'operator を編集' })).toHaveAttribute('href', '/admin/users/operator');
    expect(screen.getByText('viewer').closest('tr')).toHaveTextContent('閲覧者');
  });

  it('shows the loading and error states', async () => {
    server.use(http.get(`${API}/api/auth/users`, () => problem(503, 'DB_CONNECTION_ERROR', 'down')));
    renderApp('/admin/users');
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('読み込み中…');
    expect(await screen.findByText('データベースに接続できません。しばらくしてから再度お試しください。')).toBeInTheDocument();
  });

  it('shows the forbidden state when the API refuses', async () => {
    server.use(http.get(`${API}/api/auth/users`, () => problem(403, 'FORBIDDEN')));
    renderApp('/admin/users');
    expect(await screen.findByRole('heading', { name: 'アクセス権限がありません' })).toBeInTheDocument();
  });

  it('validates, then creates a user', async () => {
    const { user } = renderApp('/admin/users');
    await screen.findByText('operator');
    const form = screen.getByRole('form', { name: 'ユーザーを追加' });
    await user.type(within(form).getByLabelText('ユーザー名'), 'suzuki');
    await user.type(within(form).getByLabelText('初期パスワード'), 'short');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    expect(await within(form).findByText('12文字以上、72バイト以内で入力してください。')).toBeInTheDocument();

    await user.clear(within(form).getByLabelText('初期パスワード'));
    await user.type(within(form).getByLabelText('初期パスワード'), 'suzuki-pass-2026');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    expect(await within(form).findByText('パスワードにユーザー名を含めることはできません。')).toBeInTheDocument();

    await user.type(within(form).getByLabelText('表示名'), '鈴木 一郎');
    await user.selectOptions(within(form).getByLabelText('ロール'), 'operator');
    await user.clear(within(form).getByLabelText('初期パスワード'));
    await user.type(within(form).getByLabelText('初期パスワード'), 'correct-horse-2026');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    expect(await screen.findByText('ユーザー「suzuki」を追加しました。')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'suzuki を編集' })).toBeInTheDocument();
    expect(db.users.find((u) => u.username === 'suzuki')).toMatchObject({ role: 'operator', displayName: '鈴木 一郎' });
  });

  it('shows a conflict and server field errors', async () => {
    server.use(
      http.post(`${API}/api/auth/users`, () =>
        problem(400, 'VALIDATION_ERROR', 'The request is invalid', [
          { field: 'password', message: 'must not contain the user name' },
          { field: 'other', message: 'something else' },
        ]),
      ),
    );
    const { user } = renderApp('/admin/users');
    await screen.findByText('operator');
    const form = screen.getByRole('form', { name: 'ユーザーを追加' });
    await user.type(within(form).getByLabelText('ユーザー名'), 'tanaka');
    await user.type(within(form).getByLabelText('初期パスワード'), 'a-long-password-1');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    expect(await within(form).findByText('must not contain the user name')).toBeInTheDocument();
    expect(within(form).getByRole('alert')).toHaveTextContent('other: something else');
  });

  it('edits a user and resets the password', async () => {
    const { user } = renderApp('/admin/users/viewer');
    const edit = await screen.findByRole('form', { name: '基本情報' });
    await user.clear(within(edit).getByLabelText('表示名'));
    await user.type(within(edit).getByLabelText('表示名'), '閲覧 太郎');
    await user.selectOptions(within(edit).getByLabelText('ロール'), 'operator');
    await user.click(within(edit).getByLabelText('有効'));
    await user.click(within(edit).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('保存しました。')).toBeInTheDocument();
    expect(db.users.find((u) => u.username === 'viewer')).toMatchObject({ displayName: '閲覧 太郎', role: 'operator', enabled: false });

    const reset = screen.getByRole('form', { name: 'パスワードの再設定' });
    await user.type(within(reset).getByLabelText('新しいパスワード'), 'another-pass-2026');
    await user.type(within(reset).getByLabelText('新しいパスワード（確認）'), 'another-pass-2027');
    await user.click(within(reset).getByRole('button', { name: 'パスワードを再設定' }));
    expect(await within(reset).findByText('確認用パスワードが一致しません。')).toBeInTheDocument();
    await user.clear(within(reset).getByLabelText('新しいパスワード（確認）'));
    await user.type(within(reset).getByLabelText('新しいパスワード（確認）'), 'another-pass-2026');
    await user.click(within(reset).getByRole('button', { name: 'パスワードを再設定' }));
    expect(await screen.findByText('パスワードを再設定しました。')).toBeInTheDocument();
  });

  it('shows the API refusal when an admin removes their own admin access', async () => {
    server.use(http.patch(`${API}/api/auth/users/admin`, () => problem(409, 'CONFLICT', 'An admin cannot remove their own admin access')));
    const { user } = renderApp('/admin/users/admin');
    const edit = await screen.findByRole('form', { name: '基本情報' });
    await user.selectOptions(within(edit).getByLabelText('ロール'), 'viewer');
    await user.click(within(edit).getByRole('button', { name: '保存' }));
    expect(await within(edit).findByRole('alert')).toHaveTextContent('An admin cannot remove their own admin access');
  });

  it('says when the user does not exist', async () => {
    renderApp('/admin/users/nobody');
    expect(await screen.findByRole('alert')).toHaveTextContent('対象が見つかりません。');
  });
});

describe('service clients', () => {
  it('has an empty state, creates a client and shows its secret once', async () => {
    const { user } = renderApp('/admin/clients');
    expect(await screen.findByText('サービスクライアントはありません。')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'クライアントを追加' });
    await user.type(within(form).getByLabelText('クライアントID'), 'Nightly');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    expect(await within(form).findByText(/英小文字・数字/)).toBeInTheDocument();
    expect(within(form).getByText('入力してください。')).toBeInTheDocument();
    expect(within(form).getByText('スコープを1つ以上選択してください。')).toBeInTheDocument();

    await user.clear(within(form).getByLabelText('クライアントID'));
    await user.type(within(form).getByLabelText('クライアントID'), 'nightly-import');
    await user.type(within(form).getByLabelText('名称'), '夜間取込');
    await user.click(within(form).getByLabelText(/取込の起動/));
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    expect(await screen.findByTestId('client-secret')).toHaveValue('secret-of-nightly-import');
    expect(db.clients[0]).toMatchObject({ clientId: 'nightly-import', scopes: ['import:trigger'] });
    expect(await screen.findByText('import:trigger', { selector: 'td' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '保存しました（閉じる）' }));
    expect(screen.queryByTestId('client-secret')).toBeNull();
  });

  it('rotates and revokes after confirmation', async () => {
    db.clients = [
      { clientId: 'exporter', name: 'Exporter', scopes: ['export:read'], enabled: true, createdAt: null, secretRotatedAt: null, lastUsedAt: null },
    ];
    const confirm = vi.spyOn(window, 'confirm');
    const { user } = renderApp('/admin/clients');
    confirm.mockReturnValueOnce(false);
    await user.click(await screen.findByRole('button', { name: 'exporter のシークレットを再発行' }));
    expect(screen.queryByTestId('client-secret')).toBeNull();
    confirm.mockReturnValueOnce(true);
    await user.click(screen.getByRole('button', { name: 'exporter のシークレットを再発行' }));
    expect(await screen.findByTestId('client-secret')).toHaveValue('rotated-exporter');
    confirm.mockReturnValueOnce(true);
    await user.click(screen.getByRole('button', { name: 'exporter を失効' }));
    await waitFor(() => expect(screen.getByText('exporter').closest('tr')).toHaveTextContent('失効'));
    expect(screen.queryByRole('button', { name: 'exporter を失効' })).toBeNull();
  });

  it('shows the error state', async () => {
    server.use(http.get(`${API}/api/auth/clients`, () => problem(500, 'INTERNAL_ERROR')));
    renderApp('/admin/clients');
    expect(await screen.findByText('サーバーで予期しないエラーが発生しました。')).toBeInTheDocument();
  });
});

describe('audit log', () => {
  it('pages back with before = the last id, and filters by type', async () => {
    const seen: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/api/auth/audit')) seen.push(new URL(request.url).search);
    });
    const { user } = renderApp('/admin/audit');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(51));
    expect(screen.getAllByText('ログイン成功', { selector: 'td' })).toHaveLength(25);
    await user.click(screen.getByRole('button', { name: 'さらに古いイベントを表示' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(61));
    expect(seen[1]).toContain('before=11');
    expect(screen.getByText('これ以上古いイベントはありません。')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('種別'), 'login.failed');
    await user.click(screen.getByRole('button', { name: '検索' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(31));
    expect(seen.at(-1)).toContain('type=login.failed');
    expect(screen.getAllByText('reason=bad_password')).toHaveLength(30);

    await user.type(screen.getByLabelText('実行者'), 'admin');
    await user.click(screen.getByRole('button', { name: '検索' }));
    await waitFor(() => expect(seen.at(-1)).toContain('actor=admin'));
    server.events.removeAllListeners();
  });

  it('has an empty state', async () => {
    db.audit = [];
    renderApp('/admin/audit');
    expect(await screen.findByText('該当するイベントはありません。')).toBeInTheDocument();
  });

  it('is forbidden for operators', async () => {
    await loginAs('operator');
    renderApp('/admin/audit');
    expect(await screen.findByRole('heading', { name: 'アクセス権限がありません' })).toBeInTheDocument();
  });
});
