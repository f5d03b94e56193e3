/**
 * Who may do what in the admin. One table, read by the API (a middleware refuses a procedure
 * whose permission the admin's role lacks) and by the admin SPA (which hides what the role
 * cannot do). A front desk runs the day's appointments, a manager runs the clinic, an owner also
 * holds the keys: Stripe's and the admin team's.
 */
export const ADMIN_ROLES = ['owner', 'manager', 'front_desk'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export const ROLE_LABELS: Readonly<Record<AdminRole, string>> = {
  owner: 'Owner',
  manager: 'Manager',
  front_desk: 'Front desk',
};

/** Each permission, as the sentence that names it when it is missing ("…does not allow you to …"). */
export const PERMISSIONS = {
  'appointments.view': 'see appointments',
  'appointments.manage': 'cancel, move or mark appointments',
  'transactions.view': 'see transactions',
  'transactions.export': 'export transactions',
  'refunds.issue': 'refund payments',
  'clinic.view': 'see the clinic, its services and doctors',
  'clinic.manage': 'change the clinic, its services and doctors',
  'payments.manage': 'change payment settings or replay Stripe events',
  'stripe.keys': 'change the Stripe keys and signing secrets',
  'mail.manage': 'change e-mail settings or resend e-mail',
  'audit.view': 'see the audit log',
  'admins.manage': 'manage the admin team',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const FRONT_DESK: readonly Permission[] = [
  'appointments.view',
  'appointments.manage',
  'transactions.view',
  'clinic.view',
];
const MANAGER: readonly Permission[] = [
  ...FRONT_DESK,
  'refunds.issue',
  'transactions.export',
  'clinic.manage',
  'payments.manage',
  'mail.manage',
  'audit.view',
];
const OWNER: readonly Permission[] = [...MANAGER, 'stripe.keys', 'admins.manage'];

export const ROLE_PERMISSIONS: Readonly<Record<AdminRole, ReadonlySet<Permission>>> = {
  owner: new Set(OWNER),
  manager: new Set(MANAGER),
  front_desk: new Set(FRONT_DESK),
};

export function roleAllows(role: AdminRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** "As Front desk you cannot refund payments. Ask someone with the Owner or Manager role." */
export function missingPermissionMessage(role: AdminRole, permission: Permission): string {
  const holders = ADMIN_ROLES.filter((r) => roleAllows(r, permission)).map((r) => ROLE_LABELS[r]);
  const ask =
    holders.length > 1 ? `${holders.slice(0, -1).join(', ')} or ${holders.at(-1)}` : holders[0];
  return `As ${ROLE_LABELS[role]} you cannot ${PERMISSIONS[permission]}. Ask someone with the ${ask} role.`;
}
