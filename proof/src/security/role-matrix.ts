// Who may call each admin procedure: the matrix the API's own test checks in process, written out
// by hand there (not derived from the permission table); the security sweep checks it over HTTP.
import { ROLE_MATRIX as EVERY_PROCEDURE, type Caller } from '@clinicpay/api/role-matrix';

export type { Caller };

/** The callers allowed each admin procedure; everyone else is refused. */
export const ROLE_MATRIX: Readonly<Record<string, readonly Caller[]>> = Object.fromEntries(
  Object.entries(EVERY_PROCEDURE).filter(([path]) => path.startsWith('admin.')),
);
