import { findAdminLinkState, type ClaimedMail } from '@clinicpay/db';
import type { ClinicContact } from '@clinicpay/mail';
import type { AppDeps } from '../../deps.js';
import { adminLinkUrl, unsealLinkToken } from '../team/admin-links.js';
import type { Composed } from './compose-mail.js';

/**
 * An invitation or a password reset, composed at send time: only while its link can still be
 * used (not accepted, withdrawn or expired meanwhile), with the token unsealed for the link.
 */
export async function composeAdminLink(
  deps: AppDeps,
  row: ClaimedMail & { kind: 'admin_invitation' | 'admin_password_reset' },
  clinic: ClinicContact,
): Promise<Composed> {
  const text = (key: string) => {
    const value = row.details[key];
    return typeof value === 'string' ? value : '';
  };
  const link = await findAdminLinkState(deps.db, text('link_id'));
  if (!link || link.used_at || link.revoked_at || link.expires_at <= deps.clock.now())
    return { send: false, reason: 'link_closed' };
  let token: string;
  try {
    token = unsealLinkToken(deps.secretBox, text('sealed_token'));
  } catch {
    // Sealed under another APP_SECRET: a link without its token would only say "expired".
    return { send: false, reason: 'link_unreadable' };
  }
  const to = [row.recipient];
  const adminUrl = deps.config.mail.adminUrl;
  if (row.kind === 'admin_invitation') {
    return {
      send: true,
      to,
      message: {
        kind: 'admin_invitation',
        clinic,
        role: text('role'),
        invitedBy: text('invited_by'),
        expiresAt: link.expires_at,
        link: adminLinkUrl(adminUrl, 'invitation', token),
      },
    };
  }
  return {
    send: true,
    to,
    message: {
      kind: 'admin_password_reset',
      clinic,
      expiresAt: link.expires_at,
      link: adminLinkUrl(adminUrl, 'reset-password', token),
    },
  };
}
