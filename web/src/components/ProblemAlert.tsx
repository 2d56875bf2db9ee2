import { useTranslation } from 'react-i18next';
import { ApiError, toApiError } from '@/lib/problem';

/** An API failure for people: a translated sentence for known codes, the server's detail, the code. */
export function ProblemAlert({ error, extra }: { error: unknown; extra?: { field: string; message: string }[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e: ApiError = toApiError(error);
  const known = t(`errors.${e.code}`, { defaultValue: '' });
  return (
    <div role="alert" className="alert alert-error">
      <strong>{known || e.title}</strong>
      {e.detail && e.detail !== known && <div>{e.detail}</div>}
      {e.retryAfter !== undefined && <div>{t('errors.retryAfter', { seconds: e.retryAfter })}</div>}
      {[...(extra ?? [])].map((fe) => (
        <div key={`${fe.field}:${fe.message}`}>
          {fe.field ? `${fe.field}: ` : ''}
          {fe.message}
        </div>
      ))}
      <div className="muted small">
        {t('errors.code')}: {e.code}
      </div>
    </div>
  );
}
