// 2. Booking race: many patients from several processes ask for the same few times at once;
// the database's exclusion constraint must give each time to exactly one of them.
import { fork, type ChildProcess } from 'node:child_process';
import { createDatabase, sql, type Database } from '@clinicpay/db';
import type { Kysely } from 'kysely';
import { publicClient } from '../support/api-client.js';
import { check, table, type PartResult, type ProofPart, type Scale } from '../report.js';
import { countBy } from '../support/count-by.js';
import { percentile } from '@clinicpay/testing';
import { addProofDoctors, freeSlots, type Slot } from '../support/proof-clinic.js';
import { seededRandom } from '../support/seeded-random.js';
import { startProofStack } from '../support/stack.js';
import type { RaceAnswer, RaceAttempt } from './race-worker.js';

const SIZES = {
  full: { attempts: 1000, slots: 100, processes: 4 },
  ci: { attempts: 300, slots: 30, processes: 3 },
} as const;
const WORKER = new URL('./race-worker.ts', import.meta.url).pathname;

export const bookingRacePart: ProofPart = {
  name: 'booking-race',
  title: '2. Booking race',
  run: runRace,
};

async function runRace(scale: Scale): Promise<PartResult> {
  const { attempts: attemptCount, slots: slotCount, processes } = SIZES[scale];
  const stack = await startProofStack({
    replicas: 2,
    env: { BOOKING_RATE_LIMIT: '1000000/1m', SWEEP_INTERVAL_SECONDS: '0' },
  });
  const reader = await createDatabase({ url: stack.databaseUrl, maxConnections: 2 });
  try {
    const [doctor] = await addProofDoctors(reader, 1);
    const slots = await freeSlots(publicClient(stack.replicas[0]!.url), [doctor!], slotCount);
    const attempts = planAttempts(
      slots,
      attemptCount,
      stack.replicas.map((r) => r.url),
    );

    const workers = Array.from({ length: processes }, () =>
      fork(WORKER, { execArgv: ['--import', 'tsx'], stdio: 'inherit' }),
    );
    const shares = workers.map((_, w) => attempts.filter((_, i) => i % processes === w));
    await Promise.all(
      workers.map((worker, w) =>
        request(worker, { kind: 'attempts', attempts: shares[w]! }, 'ready'),
      ),
    );
    const started = performance.now();
    const answers = (
      await Promise.all(workers.map((worker) => request(worker, { kind: 'go' }, 'answers')))
    ).flatMap((m) => (m as { answers: RaceAnswer[] }).answers);
    const seconds = (performance.now() - started) / 1000;

    const booked = answers.filter((a) => a.answer === 'booked');
    const perSlot = new Map<number, number>();
    for (const a of booked) perSlot.set(a.slotIndex, (perSlot.get(a.slotIndex) ?? 0) + 1);
    const refusals = countBy(
      answers
        .filter((a) => a.answer !== 'booked')
        .map((a) => `${a.answer} (${a.httpStatus ?? 'no answer'})`),
    );
    const serverErrors = answers.filter((a) => a.httpStatus === null || a.httpStatus >= 500).length;
    const holds = await countHolds(reader.db, doctor!);
    const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
    const bookedLatencies = booked.map((a) => a.ms).sort((a, b) => a - b);

    return {
      setup: `${attemptCount} concurrent booking attempts (card payment) over ${slotCount} times of one doctor, from ${processes} processes started together, through 2 API replicas on a throwaway PostgreSQL cluster; rate limits raised by configuration (BOOKING_RATE_LIMIT).`,
      checks: [
        check(
          `exactly ${slotCount} holds, one per time`,
          holds.total === slotCount && holds.maxPerTime === 1,
          `${holds.total} holds, at most ${holds.maxPerTime} on one time`,
        ),
        check(
          'every time was given to exactly one attempt',
          perSlot.size === slotCount && [...perSlot.values()].every((n) => n === 1),
          `${booked.length} attempts answered "booked" over ${perSlot.size} times`,
        ),
        check(
          'every other attempt was refused with "slot_taken", none failed',
          answers.length - booked.length === (refusals['slot_taken (409)'] ?? 0) &&
            serverErrors === 0,
          JSON.stringify(refusals),
        ),
      ],
      figures: [
        table(
          ['figure', 'value'],
          [
            [
              'attempts / processes / replicas',
              `${answers.length} / ${processes} / ${stack.replicas.length}`,
            ],
            [
              'answers',
              `booked ${booked.length}; ${Object.entries(refusals)
                .map(([k, v]) => `${k} ${v}`)
                .join('; ')}`,
            ],
            ['attempts answered per second', (answers.length / seconds).toFixed(0)],
            [
              'holds granted per second of the race (winners ÷ race time; each with its checkout session)',
              (booked.length / seconds).toFixed(0),
            ],
            [
              'latency of all attempts p50 / p99',
              `${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 99).toFixed(0)} ms`,
            ],
            [
              'latency of winning attempts p50 / p99',
              `${percentile(bookedLatencies, 50).toFixed(0)} / ${percentile(bookedLatencies, 99).toFixed(0)} ms`,
            ],
          ],
        ),
      ],
    };
  } finally {
    await reader.close();
    await stack.stop();
  }
}

/** Each time gets attempts/slots tries, spread over the replicas, in a seeded random order. */
function planAttempts(slots: Slot[], count: number, urls: string[]): RaceAttempt[] {
  const random = seededRandom(7).next;
  const attempts = Array.from({ length: count }, (_, i) => ({
    slotIndex: i % slots.length,
    slot: slots[i % slots.length]!,
    apiUrl: urls[i % urls.length]!,
  }));
  for (let i = attempts.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [attempts[i], attempts[j]] = [attempts[j]!, attempts[i]!];
  }
  return attempts;
}

async function countHolds(db: Kysely<Database>, doctorId: string) {
  const { rows } = await sql<{ total: number; max_per_time: number }>`
    select coalesce(sum(n), 0)::int as total, coalesce(max(n), 0)::int as max_per_time
    from (select count(*) as n from appointments where doctor_id = ${doctorId} and status <> 'cancelled' group by starts_at) per_time`.execute(
    db,
  );
  return { total: rows[0]!.total, maxPerTime: rows[0]!.max_per_time };
}

function request(worker: ChildProcess, message: object, reply: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { kind: string }) => {
      if (m.kind !== reply) return;
      worker.off('message', onMessage);
      resolve(m);
    };
    worker.on('message', onMessage);
    worker.once('exit', (code) =>
      reject(new Error(`A race process exited (${code}) before answering.`)),
    );
    worker.send(message);
  });
}
