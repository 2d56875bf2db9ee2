import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '@/testing/server';
import { API, problem, resetDb } from '@/testing/handlers';
import { loginAs, renderApp } from '@/testing/render';
import { session } from '@/lib/session';

beforeEach(async () => {
  resetDb();
  await loginAs('viewer');
});

describe('account', () => {
  it('is reached from the user name in the header', async () => {
    const { user, router } = renderApp('/');
    await user.click(await screen.findByTestId('current-user'));
    expect(router.state.location.pathname).toBe('/account');
    expect(screen.getByRole('heading', { name: 'アカウント', level: 1 })).toBeInTheDocument();
  });

  it('checks the new password before calling the API', async () => {
    const { user } = renderApp('/account');
    const form = await screen.findByRole('form', { name: 'パスワードの変更' });
    await user.type(within(form).getByLabelText('現在のパスワード'), 'demo-pass-2026');
    await user.type(within(form).getByLabelText('新しいパスワード'), 'viewer-password-1');
    await user.type(within(form).getByLabelText('新しいパスワード（確認）'), 'viewer-password-1');
    await user.click(within(form).getByRole('button', { name: 'パスワードを変更' }));
    expect(await within(form).findByText('パスワードにユーザー名を含めることはできません。')).toBeInTheDocument();
  });

  it('shows a wrong current password on its field', async () => {
    server.use(
      http.post(`${API}/api/auth/me/password`, () =>
        problem(400, 'VALIDATION_ERROR', 'The request is invalid', [{ field: 'currentPassword', message: 'is wrong' }]),
      ),
    );
    const { user } = renderApp('/account');
    const form = await screen.findByRole('form', { name: 'パスワードの変更' });
    await user.type(within(form).getByLabelText('現在のパスワード'), 'nope');
    await user.type(within(form).getByLabelText('新しいパスワード'), 'a-new-password-2026');
    await user.type(within(form).getByLabelText('新しいパスワード（確認）'), 'a-new-password-2026');
    await user.click(within(form).getByRole('button', { name: 'パスワードを変更' }));
    expect(await within(form).findByText('is wrong')).toBeInTheDocument();
    expect(within(form).getByLabelText('現在のパスワード')).toHaveAttribute('aria-invalid', 'true');
  });

  it('changes the password and logs in again with it', async () => {
    let sent: unknown = null;
    server.use(
      http.post(`${API}/api/auth/me/password`, async ({ request }) => {
        sent = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const login = vi.spyOn(session, 'login');
    const { user } = renderApp('/account');
    const form = await screen.findByRole('form', { name: 'パスワードの変更' });
    await user.type(within(form).getByLabelText('現在のパスワード'), 'demo-pass-2026');
    await user.type(within(form).getByLabelText('新しいパスワード'), 'demo-pass-2026');
    await user.type(within(form).getByLabelText('新しいパスワード（確認）'), 'demo-pass-2026');
    await user.click(within(form).getByRole('button', { name: 'パスワードを変更' }));
    expect(await screen.findByText('パスワードを変更しました。')).toBeInTheDocument();
    expect(sent).toEqual({ currentPassword: 'demo-pass-2026', newPassword: 'demo-pass-2026' });
    expect(login).toHaveBeenCalledWith('viewer', 'demo-pass-2026');
    expect(session.getState().status).toBe('authenticated');
  });
});
