import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/DataTable';
import { Field } from '@/components/Field';
import { ProblemAlert } from '@/components/ProblemAlert';
import { QueryState } from '@/components/QueryState';
import { applyFieldErrors } from '@/lib/form-errors';
import { formatDateTime } from '@/lib/format';
import { fieldMessage } from '@/lib/validation';
import { SCOPES, useClients, useCreateClient, useRevokeClient, useRotateSecret, type ClientView } from './api';

const schema = z.object({
  clientId: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'validation.clientId'),
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  scopes: z.array(z.enum(SCOPES)).min(1, 'validation.scopes'),
});
type Values = z.infer<typeof schema>;

/** The secret exists only in this answer: shown once, with a copy button, until dismissed. */
function SecretOnce({ client, onDismiss }: { client: ClientView; onDismiss: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(client.clientSecret ?? '');
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section className="alert alert-ok" role="region" aria-labelledby="secret-title">
      <h2 id="secret-title">{t('clients.secretTitle', { clientId: client.clientId })}</h2>
      <p>{t('clients.secretOnce')}</p>
      <p>
        <label>
          {t('clients.secret')}{' '}
          <input readOnly value={client.clientSecret ?? ''} size={48} data-testid="client-secret" onFocus={(e) => e.target.select()} />
        </label>{' '}
        <button type="button" onClick={() => void copy()}>
          {copied ? t('clients.copied') : t('clients.copy')}
        </button>
      </p>
      <button type="button" className="primary" onClick={onDismiss}>
        {t('clients.secretStored')}
      </button>
    </section>
  );
}

function CreateClientForm({ onCreated }: { onCreated: (c: ClientView) => void }) {
  const { t } = useTranslation();
  const create = useCreateClient();
  const [extra, setExtra] = useState<{ field: string; message: string }[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { clientId: '', name: '', scopes: [] } });
  const onSubmit = handleSubmit(async (v) => {
    try {
      onCreated(await create.mutateAsync(v));
      reset();
    } catch (e) {
      setExtra(applyFieldErrors(e, setError, ['clientId', 'name', 'scopes']));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="card form" aria-labelledby="create-client-title">
      <h2 id="create-client-title">{t('clients.create')}</h2>
      {create.error ? <ProblemAlert error={create.error} extra={extra} /> : null}
      <div className="grid">
        <Field label={t('clients.clientId')} error={fieldMessage(t, errors.clientId?.message)}>
          <input type="text" autoComplete="off" {...register('clientId')} />
        </Field>
        <Field label={t('clients.name')} error={fieldMessage(t, errors.name?.message)}>
          <input type="text" autoComplete="off" {...register('name')} />
        </Field>
      </div>
      <fieldset aria-describedby={errors.scopes ? 'scopes-error' : undefined}>
        <legend>{t('clients.scopes')}</legend>
        {SCOPES.map((s) => (
          <label key={s} className="inline">
            <input type="checkbox" value={s} {...register('scopes')} /> {t(`scopes.${s}`)} (<code>{s}</code>)
          </label>
        ))}
        {errors.scopes && (
          <div id="scopes-error" className="field-error">
            {fieldMessage(t, errors.scopes.message)}
          </div>
        )}
      </fieldset>
      <button type="submit" className="primary" disabled={isSubmitting}>
        {t('clients.createSubmit')}
      </button>
    </form>
  );
}

const col = createColumnHelper<ClientView>();

export function ClientsPage() {
  const { t } = useTranslation();
  const q = useClients();
  const rotate = useRotateSecret();
  const revoke = useRevokeClient();
  const [shown, setShown] = useState<ClientView | null>(null);

  const columns = useMemo(
    () => [
      col.accessor('clientId', { header: () => t('clients.clientId') }),
      col.accessor('name', { header: () => t('clients.name') }),
      col.accessor('scopes', { header: () => t('clients.scopes'), cell: (c) => c.getValue().join(', '), enableSorting: false }),
      col.accessor('enabled', {
        header: () => t('clients.state'),
        cell: (c) => (c.getValue() ? t('clients.active') : t('clients.revoked')),
      }),
      col.accessor('secretRotatedAt', { header: () => t('clients.secretRotatedAt'), cell: (c) => formatDateTime(c.getValue()) }),
      col.accessor('lastUsedAt', { header: () => t('clients.lastUsedAt'), cell: (c) => formatDateTime(c.getValue()) }),
      col.display({
        id: 'actions',
        header: () => t('common.actions'),
        cell: (c) => {
          const client = c.row.original;
          if (!client.enabled) return null;
          return (
            <span className="actions">
              <button
                type="button"
                aria-label={t('clients.rotateFor', { clientId: client.clientId })}
                onClick={() => {
                  if (window.confirm(t('clients.rotateConfirm', { clientId: client.clientId }))) {
                    rotate.mutate(client.clientId, { onSuccess: (v) => setShown(v) });
                  }
                }}
              >
                {t('clients.rotate')}
              </button>
              <button
                type="button"
                className="danger"
                aria-label={t('clients.revokeFor', { clientId: client.clientId })}
                onClick={() => {
                  if (window.confirm(t('clients.revokeConfirm', { clientId: client.clientId }))) {
                    revoke.mutate(client.clientId);
                  }
                }}
              >
                {t('clients.revoke')}
              </button>
            </span>
          );
        },
      }),
    ],
    [t, rotate, revoke],
  );

  return (
    <>
      <h1>{t('clients.title')}</h1>
      <p className="muted">{t('clients.intro')}</p>
      {shown?.clientSecret && <SecretOnce client={shown} onDismiss={() => setShown(null)} />}
      {rotate.error ? <ProblemAlert error={rotate.error} /> : null}
      {revoke.error ? <ProblemAlert error={revoke.error} /> : null}
      <QueryState isPending={q.isPending} error={q.error} data={q.data} isEmpty={(d) => d.length === 0} empty={t('clients.empty')}>
        {(clients) => <DataTable data={clients} columns={columns} caption={t('clients.title')} getRowId={(c) => c.clientId} />}
      </QueryState>
      <CreateClientForm onCreated={setShown} />
    </>
  );
}
