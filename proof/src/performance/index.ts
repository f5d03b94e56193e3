import type { ProofPart } from '../report.js';

// Placeholder until this part is written; it fails rather than pretending to pass.
export const performancePart: ProofPart = {
  name: 'performance',
  title: 'Performance table',
  run: () => Promise.reject(new Error('Performance table: not written yet')),
};
