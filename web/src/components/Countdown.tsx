import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The current time, refreshed every second while the component is shown. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** "Starts in 2 h 05 min 10 s" or "Ends in …" for an instant, counting down every second. */
export function Countdown({ to, kind }: { to: string; kind: 'startsIn' | 'endsIn' }) {
  const { t } = useTranslation();
  const now = useNow();
  const total = Math.max(0, Math.floor((new Date(to).getTime() - now) / 1000));
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const s = String(total % 60).padStart(2, '0');
  const time = d > 0 ? t('countdown.days', { d, h, m }) : t('countdown.duration', { h, m, s });
  return (
    <p className="countdown" role="timer">
      {t(`countdown.${kind}`, { time })}
    </p>
  );
}
