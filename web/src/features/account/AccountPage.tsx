import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { ProblemAlert } from '@/components/ProblemAlert';
import { api } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { session } from '@/lib/session';
import { useCurrentUser } from '@/lib/use-session';
import { fieldMessage } from '@/lib/validation';

const schema = z
  .object({
    currentPassword: z.string().min(1, 'validation.required'),
    newPassword: z
      .string()
      .min(12, 'validation.passwordLength')
      .refine((p) => new TextEncoder().encode(p).length <= 72, 'validation.passwordLength'),
    confirm: z.string(),
  })
  .refine((v) => v.newPassword === v.confirm, { path: ['confirm'], message: 'validation.passwordMismatch' });
type Values = z.infer<typeof schema>;

/**
 * The user's own account: change the password (POST /api/auth/me/password). The API ends every
 * session of the user on a change, this one included, so the page logs in again with the new
 * password to keep working.
 */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [failure, setFailure] = useState<unknown>(null);
  const [extra, setExtra] = useState<{ field: string; message: string }[]>([]);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { currentPassword: '', newPassword: '', confirm: '' } });

  if (!user) return null;

  const onSubmit = handleSubmit(async (v) => {
    setFailure(null);
    setDone(false);
    if (v.newPassword.toLowerCase().includes(user.username.toLowerCase())) {
      setError('newPassword', { message: 'validation.passwordHasUsername' });
      return;
    }
    try {
      await api<void>('/api/auth/me/password', {
        method: 'POST',
        body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
      });
    } catch (e) {
      setExtra(applyFieldErrors(e, setError, ['currentPassword', 'newPassword']));
      setFailure(e);
      return;
    }
    try {
      await session.login(user.username, v.newPassword);
      reset();
      setDone(true);
    } catch {
      session.expire();
    }
  });

  return (
    <>
      <h1>{t('account.title')}</h1>
      <p>
        {t('login.username')}: <strong>{user.username}</strong> / {t('users.role')}: {t(`roles.${user.role}`)}
      </p>
      <form onSubmit={onSubmit} noValidate className="card form narrow" aria-labelledby="change-password-title">
        <h2 id="change-password-title">{t('account.changePassword')}</h2>
        <p className="muted small">{t('account.hint')}</p>
        {failure ? <ProblemAlert error={failure} extra={extra} /> : null}
        {done && (
          <p role="status" className="alert alert-ok">
            {t('account.changed')}
          </p>
        )}
        <Field label={t('account.currentPassword')} error={fieldMessage(t, errors.currentPassword?.message)}>
          <input type="password" autoComplete="current-password" {...register('currentPassword')} />
        </Field>
        <Field label={t('users.newPassword')} error={fieldMessage(t, errors.newPassword?.message)} hint={t('users.passwordHint')}>
          <input type="password" autoComplete="new-password" {...register('newPassword')} />
        </Field>
        <Field label={t('users.confirmPassword')} error={fieldMessage(t, errors.confirm?.message)}>
          <input type="password" autoComplete="new-password" {...register('confirm')} />
        </Field>
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t('account.submit')}
        </button>
      </form>
    </>
  );
}
