import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { session, type Role } from '@/lib/session';
import { useCurrentUser } from '@/lib/use-session';

interface NavItem {
  to: string;
  label: string;
  roles: Role[];
  end?: boolean;
}

/** Navigation by role: every role reads the dashboard, suppliers, stock and exports; only admins administer. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'nav.dashboard', roles: ['admin', 'operator', 'viewer'], end: true },
  { to: '/suppliers', label: 'nav.suppliers', roles: ['admin', 'operator', 'viewer'] },
  { to: '/imports', label: 'imports.nav', roles: ['admin', 'operator', 'viewer'] },
  // Every role reads stock and exports; editing is for operators and admins inside the screens.
  { to: '/stock', label: 'nav.stock', roles: ['admin', 'operator', 'viewer'] },
  { to: '/exports', label: 'nav.exports', roles: ['admin', 'operator', 'viewer'] },
  { to: '/admin/users', label: 'nav.users', roles: ['admin'] },
  { to: '/admin/clients', label: 'nav.clients', roles: ['admin'] },
  { to: '/admin/audit', label: 'nav.audit', roles: ['admin'] },
];

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const items = NAV_ITEMS.filter((i) => user && i.roles.includes(user.role));
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // Keyboard and screen-reader users land on the new page's content after navigating.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  const logout = async () => {
    await session.logout();
    queryClient.clear();
    navigate('/login', { replace: true });
  };

  return (
    <div className="layout">
      <a href="#main" className="skip">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('nav.main')}>
          <ul>
            {items.map((i) => (
              <li key={i.to}>
                <NavLink to={i.to} end={i.end ?? false}>
                  {t(i.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="userbox">
          <LanguageSwitch />
          {user && (
            <NavLink to="/account" data-testid="current-user" title={t('nav.account')}>
              {user.displayName || user.username} ({t(`roles.${user.role}`)})
            </NavLink>
          )}
          <button type="button" onClick={() => void logout()}>
            {t('nav.logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
    </div>
  );
}
