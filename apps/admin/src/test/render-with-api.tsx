// The shared harness bound to this app's tRPC context (each `createTRPCReact` has its own); the
// rest of it (apiError, callsTo, pending, routerProbe) comes from the harness package itself.
// Pages render as a signed-in Owner unless a test names another role.
import type { AdminRole } from '@clinicpay/contracts';
import { createApiHarness } from '@clinicpay/react-test-harness';
import type { ReactElement } from 'react';
import { RoleProvider } from '../session/use-can.js';
import { trpc } from '../trpc.js';

const harness = createApiHarness(trpc);

export function renderWithApi(
  ui: ReactElement,
  handlers: Parameters<typeof harness.renderWithApi>[1],
  options: Parameters<typeof harness.renderWithApi>[2] & { role?: AdminRole } = {},
) {
  const { role = 'owner', ...rest } = options;
  return harness.renderWithApi(<RoleProvider role={role}>{ui}</RoleProvider>, handlers, rest);
}
