/// <reference types="vitest/config" />
// Vite builds two pages: the staff SPA (index.html, served at '/') and the public response page
// (respond.html, served for every /respond/{token}), which is a separate entry so a respondent on a slow
// phone connection downloads React and the form, not the dashboard. It proxies the API in development
// and runs the Vitest unit tests in jsdom.
import { fileURLToPath, URL } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';

const backend = process.env.GMC_BACKEND_URL ?? 'http://127.0.0.1:8080';

// `/respond/{token}` is the public page's address; the Rust server answers it with respond.html, and
// this does the same in `vite` and `vite preview` (whose HTML fallback would otherwise serve the SPA).
const respondPage: Connect.NextHandleFunction = (req, _res, next) => {
  if (req.url && /^\/respond\/[^/?#]+\/?(\?.*)?$/.test(req.url)) req.url = '/respond.html';
  next();
};

function respondPageFallback(): Plugin {
  return {
    name: 'gmc-respond-page',
    configureServer: (server) => void server.middlewares.use(respondPage),
    configurePreviewServer: (server) => void server.middlewares.use(respondPage),
  };
}

// Libraries change less often than our code: separate chunks stay cached across releases. React is its
// own chunk (shared by both pages); the router and Mantine are the SPA's alone, so the public page never
// loads them.
function vendorChunk(id: string): string | undefined {
  if (!id.includes('/node_modules/')) return undefined;
  if (/\/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
  if (/\/node_modules\/react-router\//.test(id)) return 'router';
  if (/\/node_modules\/@mantine\/(core|hooks)\//.test(id)) return 'mantine';
  return undefined;
}

export default defineConfig({
  base: '/',
  plugins: [react(), respondPageFallback()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/health': { target: backend, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/health': { target: backend, changeOrigin: false },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        respond: fileURLToPath(new URL('./respond.html', import.meta.url)),
      },
      output: { manualChunks: vendorChunk },
    },
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
  },
});
