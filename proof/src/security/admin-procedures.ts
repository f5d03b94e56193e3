// The admin procedures, found by walking the API's router: a procedure added later is covered
// without anyone remembering to list it.
import { appRouter } from '@clinicpay/api/router';

export interface Procedure {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
}

/**
 * The only admin procedures a signed-out browser may call: signing in and out, and the pages a
 * single-use link opens (an invitation, a password reset) or asks for one.
 */
const SIGNED_OUT = new Set([
  'admin.auth.signIn',
  'admin.auth.signOut',
  'admin.auth.invitation',
  'admin.auth.acceptInvitation',
  'admin.auth.requestPasswordReset',
  'admin.auth.resetPassword',
]);

/** The admin procedures that need a session. */
export function adminProcedures(): Procedure[] {
  return everyAdminProcedure().filter((p) => !SIGNED_OUT.has(p.path));
}

/** Every procedure under `admin.`, the signed-out ones included (the role matrix covers them all). */
export function everyAdminProcedure(): Procedure[] {
  const all = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: Procedure['type'] } }
  >;
  return Object.entries(all)
    .filter(([path]) => path.startsWith('admin.'))
    .map(([path, procedure]) => ({ path, type: procedure._def.type }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
