import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { ProblemAlert } from '@/components/ProblemAlert';
import { QueryState } from '@/components/QueryState';
import { applyFieldErrors } from '@/lib/form-errors';
import { formatDateTime } from '@/lib/format';
import { fieldMessage } from '@/lib/validation';
import { ROLES, useResetPassword, useUpdateUser, useUser, type UserView } from './api';
import { passwordSchema } from './UserCreateForm';

const editSchema = z.object({
  displayName: z.string().trim().max(200, 'validation.tooLong'),
  role: z.enum(['admin', 'operator', 'viewer']),
  enabled: z.boolean(),
});
type EditValues = z.infer<typeof editSchema>;

function EditForm({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.username);
  const [extra, setExtra] = useState<{ field: string; message: string }[]>([]);
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EditValues>({
    resolver: zodResolver(editSchema),
    defaultValues: { displayName: user.displayName ?? '', role: user.role, enabled: user.enabled },
  });
  const onSubmit = handleSubmit(async (v) => {
    setSaved(false);
    try {
      await update.mutateAsync(v);
      setSaved(true);
    } catch (e) {
      setExtra(applyFieldErrors(e, setError, ['displayName', 'role', 'enabled']));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="card form" aria-labelledby="edit-user-title">
      <h2 id="edit-user-title">{t('users.edit')}</h2>
      {update.error ? <ProblemAlert error={update.error} extra={extra} /> : null}
      {saved && (
        <p role="status" className="alert alert-ok">
          {t('users.saved')}
        </p>
      )}
      <Field label={t('users.displayName')} error={fieldMessage(t, errors.displayName?.message)}>
        <input type="text" {...register('displayName')} />
      </Field>
      <Field label={t('users.role')} error={fieldMessage(t, errors.role?.message)}>
        <select {...register('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="field">
        <label>
          <input type="checkbox" {...register('enabled')} /> {t('users.enabled')}
        </label>
        <div className="muted small">{t('users.disableHint')}</div>
      </div>
      <button type="submit" className="primary" disabled={isSubmitting}>
        {t('common.save')}
      </button>
    </form>
  );
}

const resetSchema = z
  .object({ newPassword: passwordSchema, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { path: ['confirm'], message: 'validation.passwordMismatch' });
type ResetValues = z.infer<typeof resetSchema>;

function PasswordResetForm({ username }: { username: string }) {
  const { t } = useTranslation();
  const reset = useResetPassword(username);
  const [extra, setExtra] = useState<{ field: string; message: string }[]>([]);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset: clear,
    formState: { errors, isSubmitting },
  } = useForm<ResetValues>({ resolver: zodResolver(resetSchema), defaultValues: { newPassword: '', confirm: '' } });
  const onSubmit = handleSubmit(async (v) => {
    setDone(false);
    try {
      await reset.mutateAsync(v.newPassword);
      setDone(true);
      clear();
    } catch (e) {
      setExtra(applyFieldErrors(e, setError, ['newPassword']));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="card form" aria-labelledby="reset-title">
      <h2 id="reset-title">{t('users.resetPassword')}</h2>
      <p className="muted small">{t('users.resetHint')}</p>
      {reset.error ? <ProblemAlert error={reset.error} extra={extra} /> : null}
      {done && (
        <p role="status" className="alert alert-ok">
          {t('users.passwordReset')}
        </p>
      )}
      <Field label={t('users.newPassword')} error={fieldMessage(t, errors.newPassword?.message)} hint={t('users.passwordHint')}>
        <input type="password" autoComplete="new-password" {...register('newPassword')} />
      </Field>
      <Field label={t('users.confirmPassword')} error={fieldMessage(t, errors.confirm?.message)}>
        <input type="password" autoComplete="new-password" {...register('confirm')} />
      </Field>
      <button type="submit" disabled={isSubmitting}>
        {t('users.resetSubmit')}
      </button>
    </form>
  );
}

export function UserEditPage() {
  const { t } = useTranslation();
  const { username = '' } = useParams();
  const q = useUser(username);
  return (
    <>
      <p>
        <Link to="/admin/users">← {t('users.back')}</Link>
      </p>
      <h1>{t('users.editTitle', { username })}</h1>
      <QueryState isPending={q.isPending} error={q.error} data={q.data}>
        {(user) => (
          <>
            <p className="muted small">
              {t('users.createdAt')}: {formatDateTime(user.createdAt)} / {t('users.passwordChangedAt')}:{' '}
              {formatDateTime(user.passwordChangedAt)}
            </p>
            <div className="two">
              <EditForm key={user.username} user={user} />
              <PasswordResetForm username={user.username} />
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}
