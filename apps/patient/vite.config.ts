import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// In development the SPA talks to the API through this proxy, so the browser sees one origin,
// as it does in production where the API serves the built SPA itself.
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  // Brotli and gzip copies beside each text file: the API sends the one a browser accepts, and
  // compresses nothing per request.
  plugins: [react(), tailwindcss(), compression({ algorithms: ['brotliCompress', 'gzip'] })],
  server: {
    port: 5173,
    proxy: {
      '/trpc': { target: apiUrl, changeOrigin: true },
      '/webhooks': { target: apiUrl, changeOrigin: true },
    },
  },
  // The later steps' libraries are imported lazily; named here, the dev server bundles them up
  // front instead of discovering them mid-booking and reloading the page.
  optimizeDeps: {
    include: [
      '@stripe/react-stripe-js',
      '@stripe/stripe-js/pure',
      'react-hook-form',
      '@hookform/resolvers/zod',
      'react-aria-components',
      '@internationalized/date',
    ],
  },
});
