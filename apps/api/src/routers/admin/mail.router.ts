import {
  ListMailInput,
  MailIdInput,
  SaveMailSettingsInput,
  SendTestMailInput,
} from '@clinicpay/contracts';
import { listMail, resendFailedMail } from '../../services/mail/mail-log.service.js';
import {
  getMailSettings,
  saveMailSettings,
  sendTestMail,
} from '../../services/mail/mail-settings.service.js';
import { adminProcedure, router } from '../../trpc.js';

/** E-mail: the clinic's settings, a test message, and the log of what was sent. */
export const mailRouter = router({
  settings: adminProcedure('mail.manage').query(({ ctx }) => getMailSettings(ctx)),
  saveSettings: adminProcedure('mail.manage')
    .input(SaveMailSettingsInput)
    .mutation(({ ctx, input }) => saveMailSettings(ctx, input)),
  sendTest: adminProcedure('mail.manage')
    .input(SendTestMailInput)
    .mutation(({ ctx, input }) => sendTestMail(ctx, input.to)),
  list: adminProcedure('mail.manage')
    .input(ListMailInput)
    .query(({ ctx, input }) => listMail(ctx, input)),
  resend: adminProcedure('mail.manage')
    .input(MailIdInput)
    .mutation(({ ctx, input }) => resendFailedMail(ctx, input.mailId)),
});
