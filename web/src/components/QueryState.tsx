import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/problem';
import { ProblemAlert } from './ProblemAlert';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" aria-live="polite" className="muted">
      {label ?? t('common.loading')}
    </p>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <section role="alert" className="alert alert-warn" aria-labelledby="forbidden-title">
      <h2 id="forbidden-title">{t('forbidden.title')}</h2>
      <p>{t('forbidden.body')}</p>
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** The usual four states of a query: loading, forbidden, error, empty; otherwise the content. */
export function QueryState<T>(props: {
  isPending: boolean;
  error: unknown;
  data: T | undefined;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (props.error) {
    if (props.error instanceof ApiError && props.error.status === 403) return <Forbidden />;
    return <ProblemAlert error={props.error} />;
  }
  if (props.isPending || props.data === undefined) return <Loading />;
  if (props.isEmpty?.(props.data)) return <Empty>{props.empty ?? t('common.empty')}</Empty>;
  return <>{props.children(props.data)}</>;
}
