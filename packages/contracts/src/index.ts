export * from './money';
export * from './time/index.js';
export * from './booking/index.js';
