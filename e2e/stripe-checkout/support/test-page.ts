import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

export interface TestPage {
  url: string;
  close(): Promise<void>;
}

/**
 * The test shop (`../app`) on its own Vite dev server and a free port. Dependencies are named up
 * front so Vite never re-optimises (and reloads the page) in the middle of a test.
 */
export async function startTestPage(): Promise<TestPage> {
  const root = fileURLToPath(new URL('../app/', import.meta.url));
  const server = await createServer({
    root,
    configFile: false,
    plugins: [react()],
    cacheDir: fileURLToPath(new URL('../../node_modules/.vite-stripe-checkout', import.meta.url)),
    logLevel: 'warn',
    clearScreen: false,
    optimizeDeps: {
      include: [
        'react',
        'react-dom/client',
        'react/jsx-dev-runtime',
        '@stripe/react-stripe-js',
        '@stripe/stripe-js/pure',
      ],
    },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('The test shop dev server started but reported no local URL.');
  }
  return { url, close: () => server.close() };
}
