import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../src/domain/roles.ts';
import type { User } from '../api/types.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { LanguageSelect } from '../components/LanguageSelect.tsx';
import { ConnectionBadge } from '../offline/ConnectionBadge.tsx';
import { Link, useRouter } from '../router.tsx';
import { useCan, useLogout } from '../session.ts';
import { useSite } from '../site-context.tsx';

const sections: Array<{ href: string; key: string; needs: Permission }> = [
  { href: '/', key: 'nav.overview', needs: 'aggregates:read' },
  { href: '/site', key: 'nav.site', needs: 'site:read' },
  { href: '/registry', key: 'nav.registry', needs: 'people:read' },
  { href: '/field', key: 'offline:nav.field', needs: 'sync:push' },
  { href: '/pauses', key: 'nav.pauses', needs: 'pauses:read' },
  { href: '/plans', key: 'nav.plans', needs: 'plans:read' },
  { href: '/rescue', key: 'nav.rescue', needs: 'rescue:read' },
  { href: '/convoys', key: 'nav.convoys', needs: 'convoys:read' },
  { href: '/reception', key: 'nav.reception', needs: 'reception:check_in' },
  { href: '/alerts', key: 'nav.alerts', needs: 'alerts:read' },
  { href: '/tracing', key: 'nav.tracing', needs: 'tracing:request' },
  { href: '/duplicates', key: 'nav.duplicates', needs: 'people:merge' },
  { href: '/children', key: 'nav.children', needs: 'children:read' },
  { href: '/import', key: 'nav.import', needs: 'data:import' },
  { href: '/bundles', key: 'bundles:nav', needs: 'sync:push' },
  { href: '/audit', key: 'nav.audit', needs: 'audit:read' },
];

const isCurrent = (href: string, path: string) =>
  href === '/'
    ? path === '/'
    : path === href || path.startsWith(`${href}/`) || (href === '/registry' && path.startsWith('/people'));

export function Shell({ user, children }: { user: User; children: ReactNode }) {
  const { t } = useTranslation();
  const { path } = useRouter();
  const can = useCan();
  const logout = useLogout();
  const { sites, site, choose } = useSite();
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {sections
              .filter((s) => can(s.needs))
              .map((s) => (
                <li key={s.href}>
                  <Link href={s.href} aria-current={isCurrent(s.href, path) ? 'page' : undefined}>
                    {t(s.key)}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div className="top-tools">
          {sites.length > 1 && (
            <label className="field-inline">
              {t('app.site')}
              <select value={site?.id} onChange={(event) => choose(event.target.value)}>
                {sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <ConnectionBadge />
          <LanguageSelect />
          <span className="user" data-testid="user">
            {t('app.loggedInAs', { user: user.username, role: t(`role.${user.role}`) })}
          </span>
          <button type="button" onClick={() => logout.mutate()}>
            {t('app.logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary resetKey={path} message={(message) => t('app.error', { message })}>
          {children}
        </ErrorBoundary>
      </main>
    </>
  );
}
