import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { session } from '@/lib/session';

export function SessionExpiredPage() {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <main className="login" id="main">
      <section className="card" role="alertdialog" aria-labelledby="expired-title" aria-describedby="expired-body">
        <h1 id="expired-title">{t('expired.title')}</h1>
        <p id="expired-body">{t('expired.body')}</p>
        <button ref={button} type="button" className="primary" onClick={() => session.acknowledgeExpiry()}>
          {t('expired.login')}
        </button>
      </section>
    </main>
  );
}
