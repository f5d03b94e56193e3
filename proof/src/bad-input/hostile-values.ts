// Values an attacker or a broken client would put in any field: wrong types, huge and strange
// strings, numbers JSON cannot carry, impossible and far dates, ids that name nothing.
import fc from 'fast-check';

const NASTY_STRINGS = [
  '',
  ' ',
  "' OR 1=1 --",
  "'; DROP TABLE appointments; --",
  '\u0000',
  'a\u0000b',
  '\u202eevil',
  '%00',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '\ud800',
  '😀'.repeat(50),
  'é'.repeat(300),
];

/** Strings of every kind: printable, any unicode (lone surrogates too), injections, and huge ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...NASTY_STRINGS),
  // Huge: past the field limits, and past the URL and body limits when large enough.
  fc
    .tuple(fc.constantFrom('x', 'é', '😀', '\u0000', "'"), fc.integer({ min: 250, max: 200_000 }))
    .map(([c, n]) => c.repeat(n)),
);

/** Numbers, including those JSON turns into null (NaN, ±Infinity) and ones past safe integers. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-0, -1, 0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 63)),
);

/** Date-ish strings: far past and future, impossible days, other offsets, and nonsense. */
export const hostileDate: fc.Arbitrary<string> = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc
    .date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    '9999-12-31T23:59:59.999Z',
    '0000-01-01T00:00:00.000Z',
    '+275760-09-13T00:00:00.000Z',
    '-271821-04-20T00:00:00.000Z',
    '2026-02-30T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-06-30T23:59:60Z',
    '2026-12-01T14:00:00+14:00',
    '2026-12-01T14:00:00-12:00',
    '2026-12-01',
    '2026-12-01T14:00',
    '2026-00-00',
    '1970-01-01',
    'now',
    'tomorrow',
  ),
);

/** Ids: random uuids, the nil uuid, case and spacing variants of the given real ones, and not-uuids. */
export function hostileId(realIds: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.uuid(),
    fc.constantFrom(
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      'any',
      'ANY',
      ...realIds.flatMap((id) => [id.toUpperCase(), ` ${id}`, `${id} `, id.replace(/-/g, '')]),
    ),
    hostileString,
  );
}

/** Any JSON value at all, nested a few levels. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** Anything hostile, for a field whose type the caller gets wrong. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  hostileDate,
  anyJson,
  fc.constantFrom(null, true, false, [], {}),
);

/** Keys a client might add to smuggle state in: prices, statuses, prototype pollution. */
export const smuggledKeys = fc.dictionary(
  fc.constantFrom(
    'amount',
    'price',
    'status',
    'paid',
    'livemode',
    'admin',
    'isAdmin',
    '__proto__',
    'constructor',
    'prototype',
    'id',
  ),
  hostileValue,
  { maxKeys: 3 },
);
