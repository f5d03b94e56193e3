import type { ProofPart } from './report.js';
import { chaosPart, chaosStripeTroublePart } from './chaos/index.js';
import { bookingRacePart } from './booking-race/index.js';
import { badInputPart } from './bad-input/index.js';
import { securityPart } from './security/index.js';
import { performancePart } from './performance/index.js';

/** Every part of the proof, in the order `pnpm proof` runs them. */
export const PARTS: ProofPart[] = [
  chaosPart,
  chaosStripeTroublePart,
  bookingRacePart,
  badInputPart,
  securityPart,
  performancePart,
];
