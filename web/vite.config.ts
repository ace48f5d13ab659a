import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app is served by the Corridor server at / on a closed network: everything is bundled,
// nothing is fetched from a CDN. During development, /api goes to a server on port 8080.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
