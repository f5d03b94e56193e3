export * from './cancellation-policy.js';
export * from './policy-sentence.js';
export * from './refund-rule.js';
export * from './policy-inputs.js';
