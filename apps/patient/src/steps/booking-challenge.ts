import type { Challenge } from 'altcha/types';

type LoadChallenge = () => Promise<{ challenge: Challenge | null }>;

let pending: Promise<string | undefined> | null = null;

/**
 * Starts solving the booking's proof of work while the patient types their details, if the API
 * asks for one (only when the clinic turned it on or a flood is under way). The widget's code is
 * fetched only then, so no step's bundle carries it.
 */
export function prepareBookingChallenge(load: LoadChallenge): void {
  pending ??= load()
    .then(async ({ challenge }) => {
      if (!challenge) return undefined;
      const { solveChallenge } = await import('./altcha-solver.js');
      return (await solveChallenge(challenge)) ?? undefined;
    })
    // The booking then goes without one; the API's sentence says what to do if it was needed.
    .catch(() => undefined);
}

/** The solution for this booking (each books once): the one prepared, or a fresh one. */
export function takeBookingChallenge(load: LoadChallenge): Promise<string | undefined> {
  prepareBookingChallenge(load);
  const solution = pending!;
  pending = null;
  return solution;
}
