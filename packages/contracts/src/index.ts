export * from './money';
export * from './time/index.js';
