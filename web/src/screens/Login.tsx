import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { LanguageSelect } from '../components/LanguageSelect.tsx';
import { useLogin } from '../session.ts';

export function Login() {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password });
  };
  const error = login.error;
  const message =
    error instanceof ApiError && error.status === 429
      ? t('login.tooMany')
      : error instanceof ApiError && (error.status === 401 || error.status === 400)
        ? t('login.failed')
        : error
          ? t('app.error', { message: error.message })
          : undefined;
  return (
    <main className="centre login">
      <div className="login-language">
        <LanguageSelect />
      </div>
      <h1>{t('login.title')}</h1>
      <form onSubmit={submit} className="stack">
        <label>
          {t('login.username')}
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {message && (
          <p className="error" role="alert">
            {message}
          </p>
        )}
        <button type="submit" className="primary" disabled={login.isPending}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
