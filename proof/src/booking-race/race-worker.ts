// One process of the booking race: receives its share of attempts, waits for "go" so every
// process starts together, fires them all at once, and reports each answer and its latency.
import { failureOf, publicClient } from '../support/api-client.js';
import { GENERAL_CONSULTATION, type Slot } from '../support/proof-clinic.js';

export interface RaceAttempt {
  slotIndex: number;
  slot: Slot;
  apiUrl: string;
}

export interface RaceAnswer {
  slotIndex: number;
  /** 'booked', or the API's code for the refusal ('slot_taken'), or what went wrong. */
  answer: string;
  httpStatus: number | null;
  ms: number;
}

type Message = { kind: 'attempts'; attempts: RaceAttempt[] } | { kind: 'go' };

let attempts: RaceAttempt[] = [];
process.on('message', (message: Message) => {
  if (message.kind === 'attempts') {
    attempts = message.attempts;
    process.send?.({ kind: 'ready' });
  } else {
    void race().then((answers) =>
      process.send?.({ kind: 'answers', answers }, () => process.exit(0)),
    );
  }
});

async function race(): Promise<RaceAnswer[]> {
  const clients = new Map<string, ReturnType<typeof publicClient>>();
  const clientFor = (url: string) =>
    clients.get(url) ?? clients.set(url, publicClient(url)).get(url)!;
  return Promise.all(
    attempts.map(async ({ slotIndex, slot, apiUrl }, i): Promise<RaceAnswer> => {
      const started = performance.now();
      try {
        await clientFor(apiUrl).booking.create.mutate({
          serviceId: GENERAL_CONSULTATION,
          doctorId: slot.doctorId,
          startsAt: slot.startsAt,
          patient: {
            name: `Racer ${process.pid}-${i}`,
            email: `racer${i}@proof.test`,
            phone: '+1 212 555 0100',
          },
          paymentMethod: 'stripe',
        });
        return { slotIndex, answer: 'booked', httpStatus: 200, ms: performance.now() - started };
      } catch (error) {
        const why = failureOf(error);
        return {
          slotIndex,
          answer: why.code,
          httpStatus: why.status,
          ms: performance.now() - started,
        };
      }
    }),
  );
}
