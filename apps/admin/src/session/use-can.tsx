import { ROLE_PERMISSIONS, type AdminRole, type Permission } from '@clinicpay/contracts';
import { createContext, useContext, type ReactNode } from 'react';

const RoleContext = createContext<AdminRole | null>(null);

/** The signed-in admin's role, for every page under the session guard (require-admin.tsx). */
export function RoleProvider({ role, children }: { role: AdminRole; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

/**
 * What the signed-in admin's role allows (contracts' ROLE_PERMISSIONS). The UI hides what the
 * role cannot do; the API refuses it anyway. Outside a session nothing is allowed.
 */
export function useCan(): (permission: Permission) => boolean {
  const role = useContext(RoleContext);
  return (permission) => role !== null && ROLE_PERMISSIONS[role].has(permission);
}
