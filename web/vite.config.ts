import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precache } from './precache.ts';

// The app is served by the Corridor server at / on a closed network: everything is bundled,
// nothing is fetched from a CDN. During development, /api goes to a server on port 8080. The build
// also makes the service worker that keeps the app for offline use (precache.ts).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precache()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
