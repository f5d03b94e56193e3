// One React test harness for both SPAs: a fake tRPC API, a fresh QueryClient and a MemoryRouter
// whose history the tests can read. Bind it to the app's `trpc` with `createApiHarness(trpc)`;
// an app's vitest.config.ts is `componentTestConfig(viteConfig)` from './vitest-config'.
export { createApiHarness, type AppTrpc } from './api-harness.js';
export { DEMO_CLINIC } from './demo-clinic.js';
export { apiError, callsTo, pending, type ApiCall, type Handlers } from './fake-api.js';
export { routerProbe } from './router-probe.js';
