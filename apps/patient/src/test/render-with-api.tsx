// The shared harness bound to this app's tRPC context (each `createTRPCReact` has its own); the
// rest of it (apiError, callsTo, pending, routerProbe) comes from the harness package itself.
import { createApiHarness } from '@clinicpay/react-test-harness';
import { trpc } from '../trpc.js';

export const { renderWithApi } = createApiHarness(trpc);
