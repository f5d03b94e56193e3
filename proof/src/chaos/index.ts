import type { ProofPart } from '../report.js';

// Placeholder until this part is written; it fails rather than pretending to pass.
export const chaosPart: ProofPart = {
  name: 'chaos',
  title: 'Chaos on payments',
  run: () => Promise.reject(new Error('Chaos on payments: not written yet')),
};
