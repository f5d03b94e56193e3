import type { ProofPart } from '../report.js';

// Placeholder until this part is written; it fails rather than pretending to pass.
export const badInputPart: ProofPart = {
  name: 'bad-input',
  title: 'Bad input',
  run: () => Promise.reject(new Error('Bad input: not written yet')),
};
