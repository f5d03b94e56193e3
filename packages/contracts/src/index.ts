export * from './api-limits.js';
export * from './money';
export * from './time/index.js';
export * from './booking/index.js';
export * from './gateway-settings/index.js';
export * from './admin/index.js';
export * from './calendar/index.js';
export * from './policy/index.js';
