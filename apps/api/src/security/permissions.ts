import { missingPermissionMessage, roleAllows, type Permission } from '@clinicpay/contracts';
import { AppError } from '../errors/app-error.js';
import type { SignedInAdmin } from './admin-sessions.js';

/**
 * Refuses an admin whose role lacks the permission (contracts' ROLE_PERMISSIONS), with a sentence
 * naming what is missing and who has it. `adminProcedure` runs it for every admin procedure; a
 * procedure calls it again only where one input needs more than the procedure does.
 */
export function assertPermitted(admin: Pick<SignedInAdmin, 'role'>, permission: Permission): void {
  if (!roleAllows(admin.role, permission))
    throw new AppError('not_permitted', missingPermissionMessage(admin.role, permission));
}
