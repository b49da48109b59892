/// <reference types="vitest/config" />
// Vite builds two pages: the staff SPA (index.html, served at '/') and the public response page
// (respond.html, served for every /respond/{token}), which is a separate entry so a respondent on a slow
// phone connection downloads React and the form, not the dashboard. It proxies the API in development
// and runs the Vitest unit tests in jsdom.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

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

// The server sends `x.br` or `x.gz` instead of `x` to a browser that accepts it (crates/api/src/spa.rs), so
// text is compressed once here, at the highest levels, rather than on every request. A file under 1 KiB
// fits in a packet either way, and a variant that is not smaller is not written.
const COMPRESSIBLE = /\.(?:html|m?js|css|svg|json|txt|xml|webmanifest)$/;

function precompress(): Plugin {
  return {
    name: 'gmc-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? fileURLToPath(new URL('./dist', import.meta.url));
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const file = path.join(dir, fileName);
        const raw = readFileSync(file);
        if (raw.length < 1024) continue;
        const br = brotliCompressSync(raw, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
            [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        });
        const gz = gzipSync(raw, { level: zlib.Z_BEST_COMPRESSION });
        if (br.length < raw.length) writeFileSync(`${file}.br`, br);
        if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [react(), respondPageFallback(), precompress()],
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
    // Not shipped: the server answers 404 for `*.map`, and the sources are in the repository.
    sourcemap: false,
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
