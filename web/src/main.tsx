import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { ApiError } from './api/client.ts';
import { i18n, setUpI18n } from './i18n/index.ts';
import { registerServiceWorker } from './offline/register-sw.ts';
import { RouterProvider } from './router.tsx';
import './styles.css';

const client = new QueryClient({
  defaultOptions: {
    // On a poor link a failed read is tried once more; an answer the server gave (not found, not
    // allowed) is not. The screens say when it still fails.
    queries: {
      retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.status < 500),
      staleTime: 5_000,
      refetchOnWindowFocus: true,
    },
  },
});

function render(root: HTMLElement) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={client}>
          <RouterProvider>
            <App />
          </RouterProvider>
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

registerServiceWorker();

const root = document.getElementById('root');
if (root) void setUpI18n().then(() => render(root));
