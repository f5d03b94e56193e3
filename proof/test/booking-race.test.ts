import { expect, it } from 'vitest';
import { bookingRacePart } from '../src/booking-race/index.js';

it('booking race at CI scale: exactly one hold per contested time, every other attempt refused cleanly', async () => {
  const result = await bookingRacePart.run('ci');
  console.log([result.setup, ...result.figures].join('\n\n'));
  expect(result.checks.filter((c) => !c.ok)).toEqual([]);
});
