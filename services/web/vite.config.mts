import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// `npm run web:dev`: a running API (npm run stack) answers /graphql and the OAuth callback through the proxy.
const api = process.env.RAIZE_API_URL ?? 'http://127.0.0.1:4000';

// Built to run under the API's CSP (default-src 'self'; no inline script or style): no inlined assets,
// no module-preload polyfill (it would be an inline script in older Vite), CSS in its own file.
export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/graphql': api, '/oauth': api, '/health': api, '/artifacts': api },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
});
