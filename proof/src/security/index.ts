import type { ProofPart } from '../report.js';

// Placeholder until this part is written; it fails rather than pretending to pass.
export const securityPart: ProofPart = {
  name: 'security',
  title: 'Security sweep',
  run: () => Promise.reject(new Error('Security sweep: not written yet')),
};
