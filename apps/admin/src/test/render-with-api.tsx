// The shared harness bound to this app's tRPC context (each `createTRPCReact` has its own).
import { createApiHarness } from '@clinicpay/react-test-harness';
import { trpc } from '../trpc.js';

export {
  apiError,
  callsTo,
  pending,
  routerProbe,
  type Handlers,
} from '@clinicpay/react-test-harness';
export const { renderWithApi } = createApiHarness(trpc);
