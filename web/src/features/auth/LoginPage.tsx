import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Field } from '@/components/Field';
import { ProblemAlert } from '@/components/ProblemAlert';
import { applyFieldErrors } from '@/lib/form-errors';
import { session } from '@/lib/session';
import { useSession } from '@/lib/use-session';
import { fieldMessage } from '@/lib/validation';
import { LanguageSwitch } from '@/components/LanguageSwitch';

const schema = z.object({
  username: z.string().trim().min(1, 'validation.required'),
  password: z.string().min(1, 'validation.required'),
});
type LoginValues = z.infer<typeof schema>;

export function LoginPage() {
  const { t } = useTranslation();
  const state = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [failure, setFailure] = useState<unknown>(null);
  const [extra, setExtra] = useState<{ field: string; message: string }[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues>({ resolver: zodResolver(schema), defaultValues: { username: '', password: '' } });

  if (state.status === 'authenticated') return <Navigate to={from} replace />;

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await session.login(values.username, values.password);
      navigate(from, { replace: true });
    } catch (e) {
      setExtra(applyFieldErrors(e, setError, ['username', 'password']));
      setFailure(e);
    }
  });

  return (
    <main className="login" id="main">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="login-title">
        <h1 id="login-title">{t('app.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        {failure ? <ProblemAlert error={failure} extra={extra} /> : null}
        <Field label={t('login.username')} error={fieldMessage(t, errors.username?.message)}>
          <input type="text" autoComplete="username" autoFocus {...register('username')} />
        </Field>
        <Field label={t('login.password')} error={fieldMessage(t, errors.password?.message)}>
          <input type="password" autoComplete="current-password" {...register('password')} />
        </Field>
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
