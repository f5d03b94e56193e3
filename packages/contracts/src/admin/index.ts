// Inputs of the admin procedures, shared by the API (which validates with them) and the admin
// SPA's forms (which show the same messages as the admin types).
export * from './auth-inputs.js';
export * from './gateway-inputs.js';
export * from './statuses.js';
export * from './transaction-inputs.js';
export * from './appointment-inputs.js';
export * from './webhook-log-inputs.js';
export * from './catalogue-inputs.js';
export * from './audit-inputs.js';
export * from './audit-actions.js';
export * from './clinic-inputs.js';
export * from './mail-inputs.js';
export * from './roles.js';
export * from './team-inputs.js';
export * from './two-factor-inputs.js';
export * from './booking-protection-inputs.js';
