import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { ProblemAlert } from '@/components/ProblemAlert';
import { applyFieldErrors } from '@/lib/form-errors';
import { fieldMessage } from '@/lib/validation';
import { ROLES, useCreateUser } from './api';

// The same rules as the auth API (UserRequest, PasswordPolicy), checked here first for quick feedback.
export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/, 'validation.username');
export const passwordSchema = z
  .string()
  .min(12, 'validation.passwordLength')
  .refine((p) => new TextEncoder().encode(p).length <= 72, 'validation.passwordLength');

const schema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().max(200, 'validation.tooLong'),
    role: z.enum(['admin', 'operator', 'viewer']),
    password: passwordSchema,
  })
  .refine((v) => !v.password.toLowerCase().includes(v.username.toLowerCase()), {
    path: ['password'],
    message: 'validation.passwordHasUsername',
  });
type Values = z.infer<typeof schema>;
const FIELDS = ['username', 'displayName', 'role', 'password'] as const;

export function UserCreateForm({ onCreated }: { onCreated?: (username: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [extra, setExtra] = useState<{ field: string; message: string }[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { username: '', displayName: '', role: 'viewer', password: '' },
  });

  const onSubmit = handleSubmit(async (v) => {
    setCreated(null);
    try {
      const user = await create.mutateAsync({ ...v, displayName: v.displayName });
      setCreated(user.username);
      reset();
      onCreated?.(user.username);
    } catch (e) {
      setExtra(applyFieldErrors(e, setError, FIELDS));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="create-user-title" className="card form">
      <h2 id="create-user-title">{t('users.create')}</h2>
      {create.error ? <ProblemAlert error={create.error} extra={extra} /> : null}
      {created && (
        <p role="status" className="alert alert-ok">
          {t('users.created', { username: created })}
        </p>
      )}
      <div className="grid">
        <Field label={t('users.username')} error={fieldMessage(t, errors.username?.message)}>
          <input type="text" autoComplete="off" {...register('username')} />
        </Field>
        <Field label={t('users.displayName')} error={fieldMessage(t, errors.displayName?.message)}>
          <input type="text" autoComplete="off" {...register('displayName')} />
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
        <Field
          label={t('users.initialPassword')}
          error={fieldMessage(t, errors.password?.message)}
          hint={t('users.passwordHint')}
        >
          <input type="password" autoComplete="new-password" {...register('password')} />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={isSubmitting}>
        {t('users.createSubmit')}
      </button>
    </form>
  );
}
