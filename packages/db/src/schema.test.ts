import { ADMIN_ROLES } from '@clinicpay/contracts';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columns } from './columns.js';
import type { Database } from './schema.js';
import {
  appointmentStatuses,
  failurePolicies,
  gatewayModes,
  gateways,
  paymentMethods,
  paymentStatuses,
  refundStatuses,
} from './statuses.js';
import {
  createTestDatabase,
  createTestPglite,
  type TestDatabase,
  type TestPglite,
} from './testing/index.js';

/** The migrated schema in the shape of `columns`: udt_name, with `?` when nullable. */
async function migratedColumns(
  db: Kysely<Database>,
): Promise<Record<string, Record<string, string>>> {
  const { rows } = await sql<{
    table_name: string;
    column_name: string;
    udt_name: string;
    is_nullable: string;
  }>`
    select table_name, column_name, udt_name, is_nullable
    from information_schema.columns
    where table_schema = 'public' and table_name not like 'kysely_%'
    order by table_name, ordinal_position`.execute(db);
  const tables: Record<string, Record<string, string>> = {};
  for (const r of rows) {
    (tables[r.table_name] ??= {})[r.column_name] =
      `${r.udt_name}${r.is_nullable === 'YES' ? '?' : ''}`;
  }
  return tables;
}

/** The quoted values a CHECK constraint on `table.column` allows, e.g. status IN (…). */
async function allowedValues(
  db: Kysely<Database>,
  table: string,
  column: string,
): Promise<string[]> {
  const { rows } = await sql<{ def: string }>`
    select pg_get_constraintdef(c.oid) as def from pg_constraint c
    where c.conrelid = ${table}::regclass and c.contype = 'c'`.execute(db);
  const def = rows
    .map((r) => r.def)
    .find((d) => d.includes(`(${column} = ANY`) || d.includes(`${column} = ANY`));
  if (!def) throw new Error(`no IN (…) check on ${table}.${column}`);
  return [...def.matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1] ?? '').sort();
}

const sorted = (values: readonly string[]) => [...values].sort();

function describeSchema(
  engine: string,
  open: () => Promise<TestDatabase | TestPglite>,
  close: (h: never) => Promise<void>,
) {
  describe(`schema on ${engine}`, () => {
    let handle: TestDatabase | TestPglite;
    beforeAll(async () => {
      handle = await open();
    });
    afterAll(() => close(handle as never));

    it('matches the Database types table for table, column for column, nullability included', async () => {
      expect(await migratedColumns(handle.db)).toEqual(columns);
    });

    it('allows exactly the statuses the TypeScript unions name', async () => {
      const db = handle.db;
      expect(await allowedValues(db, 'appointments', 'status')).toEqual(
        sorted(appointmentStatuses),
      );
      expect(await allowedValues(db, 'appointments', 'payment_method')).toEqual(
        sorted(paymentMethods),
      );
      expect(await allowedValues(db, 'payments', 'status')).toEqual(sorted(paymentStatuses));
      expect(await allowedValues(db, 'payments', 'gateway')).toEqual(sorted(gateways));
      expect(await allowedValues(db, 'payments', 'mode')).toEqual(sorted(gatewayModes));
      expect(await allowedValues(db, 'refunds', 'status')).toEqual(sorted(refundStatuses));
      expect(await allowedValues(db, 'gateway_settings', 'failure_policy')).toEqual(
        sorted(failurePolicies),
      );
      expect(await allowedValues(db, 'admin_users', 'role')).toEqual(sorted(ADMIN_ROLES));
    });
  });
}

describeSchema(
  'PostgreSQL',
  () => createTestDatabase(),
  (h: TestDatabase) => h.drop(),
);
describeSchema(
  'PGlite',
  () => createTestPglite(),
  (h: TestPglite) => h.close(),
);
