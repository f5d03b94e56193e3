// What this part needs of the API that its package does not export (`@clinicpay/api` exposes
// only types, the runtime and the test helpers): the router itself, to list its procedures, and
// the limits and header names the forgeries and calls must match. Imported from the source so a
// change there changes the proof too.
export { appRouter } from '../../../apps/api/src/routers/index.js';
export { CSRF_HEADER } from '../../../apps/api/src/http/request-meta.js';
export { WEBHOOK_BODY_LIMIT } from '../../../apps/api/src/http/stripe-webhook.route.js';
export { securityEnvShape } from '../../../apps/api/src/security/security-config.js';
