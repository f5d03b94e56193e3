// The boundary rules refuse what they promise to, on deliberate violations, and let the allowed
// imports through: a rule that silently stopped matching would otherwise go unnoticed.
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaries } from './boundaries.js';

function lint(code, { layer, self, file }) {
  const linter = new Linter({ configType: 'flat' });
  const configs = [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
    ...boundaries({ layer, self }),
  ];
  return linter.verify(code, configs, file).map((m) => `${m.ruleId}: ${m.message}`);
}

const api = { layer: 'server', self: '@clinicpay/api', file: 'src/services/x.service.ts' };
const patientApp = { layer: 'spa', self: '@clinicpay/patient', file: 'src/steps/x.tsx' };
const aPackage = { layer: 'package', self: '@clinicpay/payments', file: 'src/gateway.ts' };

describe('packages never import apps', () => {
  it.each([
    "import { appRouter } from '@clinicpay/api/router';",
    "import type { AppRouter } from '@clinicpay/api';",
    "import { App } from '@clinicpay/admin';",
    "import { x } from '../../../apps/api/src/deps.js';",
  ])('%s', (code) => {
    expect(lint(code, aPackage)).toEqual([expect.stringContaining('never import apps')]);
  });
  it('shared packages are fine', () => {
    expect(lint("import { formatMoney } from '@clinicpay/contracts';", aPackage)).toEqual([]);
  });
});

describe('the web apps import only types from the API', () => {
  it('a value import from the API is refused, a type import allowed', () => {
    expect(lint("import { appRouter } from '@clinicpay/api';", patientApp)).toEqual([
      expect.stringContaining('import type'),
    ]);
    expect(lint("import type { AppRouter } from '@clinicpay/api';", patientApp)).toEqual([]);
  });
  it.each([
    "import { lockPayment } from '@clinicpay/db';",
    "import { createStripeGateway } from '@clinicpay/payments';",
    "import { startServer } from '@clinicpay/api/runtime';",
    "import { App } from '@clinicpay/admin';",
  ])('%s', (code) => {
    expect(lint(code, patientApp)).toHaveLength(1);
  });
});

describe('production code never imports the emulator or test helpers', () => {
  it.each([
    "import { startEmulator } from '@clinicpay/stripe-emulator';",
    "import { freePort } from '@clinicpay/testing';",
    "import { createTestDatabase } from '@clinicpay/db/testing';",
  ])('%s', (code) => {
    expect(lint(code, api)).toEqual([expect.stringContaining('Production code never imports')]);
    expect(lint(code, aPackage)).toEqual([
      expect.stringContaining('Production code never imports'),
    ]);
  });
  it('test code may', () => {
    const code = "import { startEmulator } from '@clinicpay/stripe-emulator';";
    for (const file of ['test/booking.test.ts', 'bench/x.ts', 'src/testing.ts', 'src/x.test.ts'])
      expect(lint(code, { ...api, file })).toEqual([]);
  });
});

describe("the API's services hold no SQL", () => {
  it('refuses kysely sql and query builders, from either package', () => {
    expect(lint("import { sql } from 'kysely';", api)).toHaveLength(1);
    expect(lint("import { sql } from '@clinicpay/db';", api)).toHaveLength(1);
    expect(lint("export const q = (db) => db.selectFrom('payments');", api)).toEqual([
      expect.stringContaining('no-restricted-syntax'),
    ]);
    for (const call of ['insertInto', 'updateTable', 'deleteFrom'])
      expect(lint(`export const q = (db) => db.${call}('payments');`, api)).toHaveLength(1);
  });
  it('allows composing queries from packages/db', () => {
    expect(lint("import { lockPayment, type Kysely } from '@clinicpay/db';", api)).toEqual([]);
  });
});
