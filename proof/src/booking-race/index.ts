import type { ProofPart } from '../report.js';

// Placeholder until this part is written; it fails rather than pretending to pass.
export const bookingRacePart: ProofPart = {
  name: 'booking-race',
  title: 'Booking race',
  run: () => Promise.reject(new Error('Booking race: not written yet')),
};
