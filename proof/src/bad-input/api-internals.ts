// What this part needs of the API beyond its types: the router itself, to list its procedures,
// and the limits and header names the forgeries and calls must match.
export { appRouter } from '@clinicpay/api/router';
export { CSRF_HEADER, WEBHOOK_BODY_LIMIT, securityEnvShape } from '@clinicpay/api/testing';
