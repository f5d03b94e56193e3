import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

export type SpaName = 'patient' | 'admin';

export interface RunningSpa {
  /** The SPA's entry URL, including its base path (`/admin/` for admin). */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts an SPA's own Vite dev server (its vite.config.ts, plugins and base path) on a port reserved
 * by the caller (the API is told it as PUBLIC_URL before the SPA starts), proxying the API's routes.
 * The proxy is set inline rather than through `API_URL`, so two suites with two APIs never race on a
 * process-wide variable.
 */
export async function startSpa(name: SpaName, apiUrl: string, port: number): Promise<RunningSpa> {
  const root = fileURLToPath(new URL(`../../apps/${name}/`, import.meta.url));
  const server = await createServer({
    root,
    configFile: `${root}vite.config.ts`,
    // Its own dependency cache, so a test run never rewrites the one a developer's dev server uses.
    cacheDir: `${root}node_modules/.vite-e2e`,
    logLevel: 'warn',
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port,
      strictPort: true,
      // An HMR socket is useless to a test and would keep reconnecting after close.
      hmr: false,
      proxy: {
        '/trpc': { target: apiUrl, changeOrigin: true },
        '/webhooks': { target: apiUrl, changeOrigin: true },
        '/exports': { target: apiUrl, changeOrigin: true },
      },
    },
  });
  await server.listen();
  return { url: `http://127.0.0.1:${port}${server.config.base}`, close: () => server.close() };
}
