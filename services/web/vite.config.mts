import { join } from 'node:path';
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
  plugins: [
    {
      // The dev server's fallback is index.html; the API serves portal.html for /portal and /portal/* (as here).
      name: 'raize-portal-page',
      configureServer(server) {
        server.middlewares.use((req, _res, next) => {
          if (req.url && /^\/portal(\/|$|\?)/.test(req.url) && !req.url.startsWith('/portal/api/'))
            req.url = '/portal.html';
          next();
        });
      },
    },
  ],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/graphql': api, '/oauth': api, '/health': api, '/artifacts': api, '/portal/api': api },
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
    // Two pages: the admin app, and the client review portal (issue #14), which the API serves for /portal and
    // /portal/*. Separate entries, so the portal's bundle holds none of the operator's screens or GraphQL client.
    rolldownOptions: {
      input: { main: join(root, 'index.html'), portal: join(root, 'portal.html') },
    },
  },
});
