export * from './zoned-time.js';
export * from './time-zones.js';
