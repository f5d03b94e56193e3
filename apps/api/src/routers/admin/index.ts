import { router } from '../../trpc.js';
import { appointmentsRouter } from './appointments.router.js';
import { auditRouter } from './audit.router.js';
import { authRouter } from './auth.router.js';
import { bookingProtectionRouter } from './booking-protection.router.js';
import { clinicRouter } from './clinic.router.js';
import { doctorsRouter, servicesRouter } from './catalogue.router.js';
import { gatewaysRouter, stripeSettingsRouter } from './gateways.router.js';
import { mailRouter } from './mail.router.js';
import { sessionsRouter } from './sessions.router.js';
import { teamRouter } from './team.router.js';
import { twoFactorRouter } from './two-factor.router.js';
import { policiesRouter } from './policies.router.js';
import { transactionsRouter } from './transactions.router.js';
import { webhookEventsRouter } from './webhook-events.router.js';

/**
 * Everything the admin SPA calls. Every procedure is an adminProcedure naming its permission, but
 * the auth router's public ones (sign-in, sign-out, invitations and password resets), and auth.me
 * sessions.* and twoFactor.* (any signed-in admin, for themselves; twoFactor.setRequired is
 * the Owner's).
 */
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
  team: teamRouter,
  sessions: sessionsRouter,
  twoFactor: twoFactorRouter,
  policies: policiesRouter,
  bookingProtection: bookingProtectionRouter,
});
