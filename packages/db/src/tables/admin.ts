import type { AdminRole } from '@clinicpay/contracts';
import type { ColumnType, Generated } from 'kysely';
import type { FailurePolicy, Gateway, GatewayMode } from '../statuses.js';
import type {
  GeneratedJson,
  GeneratedTimestamp,
  Id,
  NullableTimestamp,
  Serial,
  Timestamp,
} from './column-types.js';

/**
 * One row per gateway per clinic. Stripe-only columns are null for pay_at_clinic (a CHECK says so).
 * Secret columns hold the AES-256-GCM envelope as text, never a plaintext key.
 */
export interface GatewaySettingsTable {
  clinic_id: string;
  gateway: Gateway;
  enabled: Generated<boolean>;
  mode: GatewayMode | null;
  currency: string | null;
  failure_policy: FailurePolicy | null;
  test_publishable_key: string | null;
  test_secret_key_encrypted: string | null;
  test_webhook_secret_encrypted: string | null;
  live_publishable_key: string | null;
  live_secret_key_encrypted: string | null;
  live_webhook_secret_encrypted: string | null;
  /** Stripe's last refusal of the mode's key (401/403), until a save or a success clears it. */
  test_refusal: string | null;
  test_refused_at: NullableTimestamp;
  /** Which gateway call Stripe refused: the same call succeeding later clears the refusal. */
  test_refused_call: string | null;
  live_refusal: string | null;
  live_refused_at: NullableTimestamp;
  live_refused_call: string | null;
  updated_at: GeneratedTimestamp;
  updated_by: string | null;
}

export interface AdminUsersTable {
  id: Id;
  /** Unique case-insensitively (index on lower(email)). */
  email: string;
  password_hash: string;
  name: string;
  created_at: GeneratedTimestamp;
  /** What the admin may do (contracts' ROLE_PERMISSIONS); Owner unless said otherwise. */
  role: ColumnType<AdminRole, AdminRole | undefined, AdminRole>;
  /** The TOTP secret, sealed by the API's secret box; null until two-factor sign-in is on. */
  totp_secret_encrypted: ColumnType<string | null, string | null | undefined, string | null>;
  /** A secret being enrolled: it becomes the secret with the first good code. */
  totp_pending_encrypted: ColumnType<string | null, string | null | undefined, string | null>;
  totp_enabled_at: NullableTimestamp;
  /** The last 30-second step a code was accepted for: a code works once. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
}

/** One of an admin's ten single-use recovery codes, by its SHA-256 hash. */
export interface AdminRecoveryCodesTable {
  admin_user_id: string;
  code_hash: string;
  created_at: GeneratedTimestamp;
  used_at: NullableTimestamp;
}

export interface AdminSessionsTable {
  /** Hash of the cookie's token: a database leak does not yield live sessions. */
  token_hash: string;
  admin_user_id: string;
  created_at: GeneratedTimestamp;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
  /** Where and in what browser it was opened, for the admin's list of signed-in devices. */
  ip: ColumnType<string | null, string | null | undefined, string | null>;
  user_agent: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the password or a code was last typed in this session (re-confirmation of risky actions). */
  confirmed_at: GeneratedTimestamp;
}

/** A single-use link an Owner sends: an invitation to join, or a password reset. */
export interface AdminLinksTable {
  id: Id;
  purpose: 'invitation' | 'password_reset';
  /** SHA-256 of the link's token: the table alone opens nothing. */
  token_hash: string;
  /** Who the link is for: the invited address, or the admin's address at the time of a reset. */
  email: string;
  /** The role an invitation gives; null for a reset. */
  role: AdminRole | null;
  /** The admin a reset is for; null for an invitation. */
  admin_user_id: string | null;
  /** 'admin:<email>' of the Owner who made it, or 'self' for "Forgot password?". */
  created_by: string;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface RateLimitCountersTable {
  key: string;
  window_start: Timestamp;
  count: Generated<number>;
}

/** Who changed which setting, when; details never hold a secret. */
export interface AuditLogTable {
  id: Serial;
  actor: string;
  action: string;
  target: string | null;
  details: GeneratedJson;
  at: GeneratedTimestamp;
  /** The address the action came from (the client's, as TRUST_PROXY lets the API see it). */
  ip: ColumnType<string | null, string | null | undefined, string | null>;
}
