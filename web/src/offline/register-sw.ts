/** Installs the service worker of the built app (not during development, where nothing is built). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it the app still works online; the field screen says what needs a first visit.
    });
  });
}
