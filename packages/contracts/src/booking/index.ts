export * from './booking-rules.js';
export * from './booking-inputs.js';
