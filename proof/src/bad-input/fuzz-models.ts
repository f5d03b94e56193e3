// One input generator per public procedure. Most inputs are a valid input with a few fields
// replaced by near misses or hostile values, removed, or joined by smuggled keys, so they get past
// the first checks into the services; the rest are any hostile value or no input at all. A public
// procedure without an entry here is not fuzzed, and the part's check fails.
import fc from 'fast-check';
import type { FuzzWorld } from './fuzz-world.js';
import {
  anyJson,
  hostileDate,
  hostileId,
  hostileString,
  hostileValue,
  smuggledKeys,
} from './hostile-values.js';

type Fields = Record<string, unknown>;
type Mutations = Record<string, fc.Arbitrary<unknown>>;

/**
 * A valid object as it is (3 in 8), with one field replaced by a near miss or anything hostile
 * (3 in 8), or with two or three replaced (2 in 8); one field removed 1 time in 5, extras half the time.
 */
function mutated(valid: fc.Arbitrary<Fields>, nearMisses: Mutations): fc.Arbitrary<Fields> {
  const keys = Object.keys(nearMisses);
  const replacement = Object.fromEntries(
    keys.map((key) => [
      key,
      fc.oneof({ weight: 2, arbitrary: nearMisses[key]! }, { weight: 1, arbitrary: hostileValue }),
    ]),
  );
  const most = Math.min(3, keys.length);
  const replaced = fc.oneof(
    { weight: 3, arbitrary: fc.constant([]) },
    { weight: 3, arbitrary: fc.shuffledSubarray(keys, { minLength: 1, maxLength: 1 }) },
    {
      weight: 2,
      arbitrary: fc.shuffledSubarray(keys, { minLength: Math.min(2, most), maxLength: most }),
    },
  );
  const removed = fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom(...keys) },
  );
  const extras = fc.oneof(fc.constant(null), smuggledKeys);
  return fc
    .tuple(valid, fc.record(replacement), replaced, removed, extras)
    .map(([fields, replacements, replaced, removed, extra]) => {
      const out: Fields = { ...(extra ?? {}), ...fields };
      for (const key of replaced) out[key] = replacements[key];
      if (removed !== null) delete out[removed];
      return out;
    });
}

/** The whole input: mostly a mutated valid one, else anything hostile, else none. */
const input = (valid: fc.Arbitrary<Fields>, nearMisses: Mutations) =>
  fc.oneof(
    { weight: 6, arbitrary: mutated(valid, nearMisses) },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

/** For procedures that take no input: whatever is sent must be ignored. */
const ignoredInput = fc.oneof(anyJson, hostileValue, fc.constant(undefined));

export function fuzzModels(world: FuzzWorld): Record<string, fc.Arbitrary<unknown>> {
  const dayOffset = (days: number) =>
    new Date(Date.parse(world.today) + days * 86_400_000).toISOString().slice(0, 10);
  const serviceId = fc.constantFrom(...world.serviceIds);
  const doctorId = fc.constantFrom('any', ...world.doctorIds);
  const slot = fc.constantFrom(...world.slotTimes);
  const reference = fc.constantFrom(world.booking.reference);
  const randomReference = fc.stringMatching(/^[A-Z0-9-]{4,32}$/);
  const token = fc.string({ minLength: 20, maxLength: 200 });
  const nearToken = fc
    .constant(world.booking.token)
    .map((t) => `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`);
  const email = fc.oneof(
    fc.emailAddress(),
    fc.constantFrom(
      'a@b',
      'ada@@example.com',
      'ada@example',
      `${'a'.repeat(250)}@x.io`,
      'ADA@EXAMPLE.COM ',
    ),
    hostileString,
  );

  // A link's token is 43 base64url characters; none of these was ever issued.
  const linkToken = fc.stringMatching(/^[A-Za-z0-9_-]{43}$/);
  const nearLinkToken = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_-]{42,44}$/),
    fc.constantFrom('', 'x'.repeat(43).replace('x', '%')),
    hostileString,
  );
  const password = fc.constantFrom('a-long-enough-password', 'Ünïcödé pässwörd 12');
  const shortPassword = fc.oneof(fc.constantFrom('', 'short', 'x'.repeat(257)), hostileString);

  const patient = fc.record({
    name: fc.constantFrom('Ada Lovelace', 'Zoë Ünal-Ğ', '李小龍', "Miles O'Brien"),
    email: fc.constantFrom('ada@example.com', 'zoe.unal+clinic@example.co.uk'),
    phone: fc.constantFrom('+1 212 555 0100', '(020) 7946-0018'),
  });
  const patientNearMisses: Mutations = {
    name: fc.oneof(
      fc.string({ maxLength: 130 }),
      fc.constantFrom(' ', 'A', ' A ', 'x'.repeat(121)),
    ),
    email,
    phone: fc.oneof(
      fc.stringMatching(/^\+?[0-9 ().-]{3,26}$/),
      fc.constantFrom('call me', '+'.repeat(24), ''),
    ),
  };

  return {
    'catalogue.clinic': ignoredInput,
    'catalogue.services': ignoredInput,
    'catalogue.paymentMethods': ignoredInput,
    'booking.challenge': ignoredInput,
    'catalogue.doctors': input(fc.record({ serviceId }), {
      serviceId: hostileId(world.serviceIds),
    }),
    'catalogue.availability': input(
      fc
        .tuple(
          serviceId,
          doctorId,
          fc.integer({ min: -3, max: 120 }),
          fc.integer({ min: 0, max: 13 }),
        )
        .map(([serviceId, doctorId, start, days]) => ({
          serviceId,
          doctorId,
          from: dayOffset(start),
          to: dayOffset(start + days),
        })),
      {
        serviceId: hostileId(world.serviceIds),
        doctorId: hostileId(world.doctorIds),
        // Before `from`, 42 days or more after it, far away, or not a date.
        from: fc.oneof(fc.integer({ min: -40_000, max: 40_000 }).map(dayOffset), hostileDate),
        to: fc.oneof(fc.integer({ min: -400, max: 400 }).map(dayOffset), hostileDate),
      },
    ),
    'booking.create': input(
      fc.record({
        serviceId,
        doctorId,
        startsAt: slot,
        patient,
        paymentMethod: fc.constantFrom('stripe', 'pay_at_clinic'),
      }),
      {
        serviceId: hostileId(world.serviceIds),
        doctorId: hostileId(world.doctorIds),
        // Off the slot grid, in the past, beyond the booking window, another offset, or not a time.
        startsAt: fc.oneof(
          fc
            .tuple(slot, fc.integer({ min: -400 * 24 * 60, max: 400 * 24 * 60 }))
            .map(([t, minutes]) => new Date(Date.parse(t) + minutes * 60_000).toISOString()),
          slot.map((t) => t.replace('Z', '+00:00').replace('.000', '')),
          hostileDate,
        ),
        patient: mutated(patient, patientNearMisses),
        paymentMethod: fc.constantFrom('free', 'STRIPE', 'cash', '', 'card'),
      },
    ),
    'booking.status': input(
      fc.oneof(
        fc.record({ reference, token }),
        fc.record({ reference, sessionId: fc.constantFrom(world.booking.sessionId) }),
        fc.record({ reference: randomReference, token }),
      ),
      {
        reference: fc.oneof(
          randomReference,
          fc.constantFrom(world.booking.reference.toLowerCase(), ` ${world.booking.reference} `),
        ),
        // The real token only rarely: with it the call is genuine.
        token: fc.oneof(
          { weight: 1, arbitrary: fc.constant(world.booking.token) },
          { weight: 4, arbitrary: nearToken },
          { weight: 4, arbitrary: token },
        ),
        sessionId: fc.oneof(
          fc.stringMatching(/^cs_(test|live)_[A-Za-z0-9]{10,60}$/),
          fc.string({ minLength: 10, maxLength: 255 }),
        ),
      },
    ),
    'booking.cancel': input(
      fc.record({
        reference: fc.oneof(reference, randomReference),
        token,
        expectedRefund: fc.integer({ min: 0, max: 10_000 }),
      }),
      {
        reference: fc.oneof(
          randomReference,
          fc.constantFrom(world.booking.reference.toLowerCase()),
        ),
        // With the real token the booking (confirmed by the webhook half) is cancelled under its
        // policy once, with the refund it states (without one, or another one: 409); then 409.
        token: fc.oneof(fc.constant(world.booking.token), nearToken),
        expectedRefund: fc.oneof(
          fc.constantFrom(-1, 0.5, '6000', null),
          fc.integer({ min: 0, max: 1_000_000 }),
        ),
      },
    ),
    // Moves of the real booking to free times, taken times, off-grid and hostile ones.
    'booking.reschedule': input(
      fc.record({
        reference: fc.oneof(reference, randomReference),
        token: fc.oneof(fc.constant(world.booking.token), token),
        doctorId,
        startsAt: slot,
      }),
      {
        reference: fc.oneof(
          randomReference,
          fc.constantFrom(world.booking.reference.toLowerCase()),
        ),
        token: fc.oneof(fc.constant(world.booking.token), nearToken),
        doctorId: fc.oneof(hostileId(world.doctorIds), fc.constantFrom('ANY', '', 'all')),
        startsAt: fc.oneof(
          fc
            .tuple(slot, fc.integer({ min: -400 * 24 * 60, max: 400 * 24 * 60 }))
            .map(([t, minutes]) => new Date(Date.parse(t) + minutes * 60_000).toISOString()),
          hostileDate,
        ),
      },
    ),
    // Half the valid inputs are the genuine link, so the "nothing to pay" refusal is met too.
    'booking.resumeCheckout': input(
      fc.oneof(
        fc.constant({ reference: world.booking.reference, token: world.booking.token }),
        fc.record({ reference: fc.oneof(reference, randomReference), token }),
      ),
      {
        reference: fc.oneof(
          randomReference,
          fc.constantFrom(world.booking.reference.toLowerCase(), ` ${world.booking.reference} `),
        ),
        // With the real token the booking (confirmed by the webhook half) has nothing to pay: 409.
        token: fc.oneof(
          fc.constant(world.booking.token),
          nearToken,
          fc.constantFrom(world.booking.sessionId),
        ),
      },
    ),
    'admin.auth.signIn': input(
      fc.record({
        email: fc.oneof(
          fc.constantFrom(world.adminEmail, world.adminEmail.toUpperCase()),
          fc.emailAddress(),
        ),
        password: fc.string({ minLength: 1, maxLength: 256 }),
      }),
      {
        email,
        password: fc.oneof(fc.constantFrom('', 'x'.repeat(257)), fc.string({ maxLength: 300 })),
      },
    ),
    'admin.auth.signOut': ignoredInput,
    // The single-use links' pages: no real token exists in the run, so every one is refused
    // (404 link_gone, or 400); the near misses reach the lookup with well-formed tokens.
    'admin.auth.invitation': input(fc.record({ token: linkToken }), { token: nearLinkToken }),
    'admin.auth.acceptInvitation': input(
      fc.record({ token: linkToken, name: fc.constantFrom('Nina Desk', 'Zoë Ünal-Ğ'), password }),
      { token: nearLinkToken, name: fc.string({ maxLength: 130 }), password: shortPassword },
    ),
    'admin.auth.resetPassword': input(fc.record({ token: linkToken, password }), {
      token: nearLinkToken,
      password: shortPassword,
    }),
    'admin.auth.requestPasswordReset': input(
      fc.record({ email: fc.constantFrom(world.adminEmail, 'nobody@example.com') }),
      { email },
    ),
  };
}
