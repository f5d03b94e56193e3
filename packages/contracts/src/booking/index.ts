export * from './booking-rules.js';
