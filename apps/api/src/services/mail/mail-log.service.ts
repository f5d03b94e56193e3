import type { ListMailInput } from '@clinicpay/contracts';
import { listMailPage, resendMail } from '@clinicpay/db';
import type { AdminDeps, AppDeps } from '../../deps.js';
import { AppError } from '../../errors/app-error.js';
import { audit } from '../audit/record-audit.js';
import { readKeysetPage } from '../paging/keyset-page.js';

type MailRow = Awaited<ReturnType<typeof listMailPage>>[number];

/** The e-mail log, newest first: who, what, which booking, and how sending went. */
export async function listMail(deps: AppDeps, input: ListMailInput) {
  const { cursor, limit, ...question } = input;
  return readKeysetPage<MailRow, ReturnType<typeof mailView>>(
    deps.secretBox,
    { scope: 'mail_log', cursor, limit, question },
    (after, limit) =>
      listMailPage(deps.db, {
        filter: { status: input.status },
        after: after ? { value: String(after.value), id: after.id } : undefined,
        limit,
      }),
    (last) => last.created_at_key,
    mailView,
  );
}

function mailView(row: MailRow) {
  return {
    id: row.id,
    kind: row.kind,
    audience: row.audience,
    recipient: row.recipient,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    dropReason: row.drop_reason,
    smtpResponse: row.smtp_response,
    messageId: row.message_id,
    appointmentId: row.appointment_id,
    reference: row.reference,
    dueAt: row.due_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/** Resend of a failed (or dropped) message: due again now, rendered from the booking as it is. */
export async function resendFailedMail(deps: AdminDeps, mailId: string) {
  const row = await resendMail(deps.db, mailId, deps.clock.now());
  if (!row) {
    throw new AppError(
      'mail_not_resendable',
      'Only a message that failed or was dropped can be sent again; this one is sent or on its way.',
    );
  }
  await audit(deps, deps.admin, 'mail.resent', mailId, { kind: row.kind });
  return { resent: true };
}
