import { router } from '../../trpc.js';
import { appointmentsRouter } from './appointments.router.js';
import { auditRouter } from './audit.router.js';
import { authRouter } from './auth.router.js';
import { bookingProtectionRouter } from './booking-protection.router.js';
import { clinicRouter } from './clinic.router.js';
import { doctorsRouter, servicesRouter } from './catalogue.router.js';
import { gatewaysRouter, stripeSettingsRouter } from './gateways.router.js';
import { mailRouter } from './mail.router.js';
import { transactionsRouter } from './transactions.router.js';
import { webhookEventsRouter } from './webhook-events.router.js';

/** Everything the admin SPA calls. Every procedure but auth.signIn/signOut is an adminProcedure. */
export const adminRouter = router({
  auth: authRouter,
  clinic: clinicRouter,
  gateways: gatewaysRouter,
  stripeSettings: stripeSettingsRouter,
  transactions: transactionsRouter,
  appointments: appointmentsRouter,
  webhookEvents: webhookEventsRouter,
  services: servicesRouter,
  doctors: doctorsRouter,
  audit: auditRouter,
  mail: mailRouter,
  bookingProtection: bookingProtectionRouter,
});
