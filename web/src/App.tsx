import { useTranslation } from 'react-i18next';
import { QueryState } from './components/ErrorNote.tsx';
import { OfflineProvider } from './offline/OfflineProvider.tsx';
import { Login } from './screens/Login.tsx';
import { Routes } from './screens/Routes.tsx';
import { Shell } from './screens/Shell.tsx';
import { useSession } from './session.ts';
import { SiteProvider } from './site-context.tsx';

export function App() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending || session.error)
    return (
      <main className="centre">
        <h1>{t('app.name')}</h1>
        <QueryState loading={session.isPending} error={session.error} />
      </main>
    );
  if (!session.data) return <Login />;
  return (
    <SiteProvider>
      <OfflineProvider user={session.data}>
        <Shell user={session.data}>
          <Routes />
        </Shell>
      </OfflineProvider>
    </SiteProvider>
  );
}
