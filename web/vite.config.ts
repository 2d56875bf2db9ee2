/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath, URL } from 'node:url';

// The dev server proxies /api to the local edge (./platform up), so the SPA talks to the real
// services with the same relative URLs it uses in production. VITE_API_PROXY overrides the target.
const apiTarget = process.env.VITE_API_PROXY ?? 'https://localhost:8443';

export default defineConfig({
  plugins: [react()],
  // web/public holds the plain status page the edge serves when there is no build; the SPA's
  // static files (config.json) live in web/static so the two never collide in dist/.
  publicDir: 'static',
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    port: 5173,
    host: '127.0.0.1',
    proxy: { '/api': { target: apiTarget, changeOrigin: false, secure: false } },
  },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1000 },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // The machine running the suite is shared (builds, a stack): generous time for the longer screen tests.
    testTimeout: 20_000,
  },
});
