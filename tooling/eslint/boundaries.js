// The dependency direction, as lint rules. Packages never import apps; the SPAs import only types
// from the API (never the database, the gateway or the emulator); production code never imports
// the emulator or test helpers. Test code (tests, benchmarks, the API's `testing` entry) may.
import tseslint from 'typescript-eslint';

/** Where test code lives in every package: it may import test helpers and the emulator. */
export const TEST_FILES = [
  '**/*.test.ts',
  '**/*.test.tsx',
  'test/**',
  'bench/**',
  'scripts/**',
  'src/test/**',
  'src/testing.ts',
  'src/testing/**',
];

const APP_PACKAGES = ['@clinicpay/api', '@clinicpay/patient', '@clinicpay/admin'];
const TEST_ONLY = [
  '@clinicpay/stripe-emulator',
  '@clinicpay/mail-catcher',
  '@clinicpay/testing',
  '@clinicpay/react-test-harness',
  '@clinicpay/db/testing',
  '@clinicpay/api/testing',
];

const noApps = {
  group: [...APP_PACKAGES.flatMap((name) => [name, `${name}/*`]), '**/apps/*/src/**'],
  message: 'Packages never import apps: move what both need into a package.',
};
const noTestCode = {
  group: TEST_ONLY.flatMap((name) => [name, `${name}/*`]),
  message:
    'Production code never imports the emulator or test helpers; only tests, benchmarks and testing entries may.',
};
const spaServerOnly = {
  group: [
    '@clinicpay/api/*',
    '@clinicpay/db',
    '@clinicpay/db/*',
    '@clinicpay/payments',
    '@clinicpay/payments/*',
    '**/apps/api/**',
  ],
  message:
    "The web apps get the API's types from '@clinicpay/api' (import type) and shared rules from @clinicpay/contracts; never server code.",
};
const spaTypesOnly = {
  name: '@clinicpay/api',
  allowTypeImports: true,
  message:
    "The web apps import only types from the API: write `import type { … } from '@clinicpay/api'`.",
};
const SQL_LIVES_IN_DB =
  'Table access lives in packages/db/src/queries/<noun>.ts; the API composes those queries.';
const noSqlImport = ['kysely', '@clinicpay/db'].map((name) => ({
  name,
  importNames: ['sql'],
  message: SQL_LIVES_IN_DB,
}));
const noQueryBuilder = {
  selector:
    'CallExpression[callee.property.name=/^(selectFrom|selectNoFrom|insertInto|updateTable|deleteFrom|mergeInto)$/]',
  message: SQL_LIVES_IN_DB,
};

const otherSpa = (self) => ({
  group: ['@clinicpay/patient', '@clinicpay/admin'].filter((name) => name !== self),
  message: 'A web app never imports another app; share through packages/ui or packages/contracts.',
});

/** What a layer may not import, in production code and in its tests. */
function restrictions(layer, self) {
  switch (layer) {
    case 'package':
      return { everywhere: { patterns: [noApps] }, production: { patterns: [noApps, noTestCode] } };
    case 'spa': {
      const patterns = [spaServerOnly, otherSpa(self)];
      return {
        everywhere: { paths: [spaTypesOnly], patterns },
        production: { paths: [spaTypesOnly], patterns: [...patterns, noTestCode] },
      };
    }
    case 'server': {
      const patterns = [
        { group: ['@clinicpay/patient', '@clinicpay/admin'], message: otherSpa(self).message },
      ];
      return {
        everywhere: { patterns },
        production: { paths: noSqlImport, patterns: [...patterns, noTestCode] },
        syntax: [noQueryBuilder],
      };
    }
    case 'tests':
      return null;
    default:
      throw new Error(`Unknown layer "${layer}": use package, spa, server or tests.`);
  }
}

/**
 * The boundary rules for one package. `layer`: 'package' (packages/*, tooling/*), 'spa' (the web
 * apps), 'server' (the API), 'tests' (e2e, proof: anything goes). `self`: the package's name.
 */
export function boundaries({ layer, self }) {
  const rules = restrictions(layer, self);
  if (!rules) return [];
  const rule = '@typescript-eslint/no-restricted-imports';
  const production = { [rule]: ['error', rules.production] };
  // The server's services hold no SQL: only packages/db builds queries.
  if (rules.syntax) production['no-restricted-syntax'] = ['error', ...rules.syntax];
  return [
    {
      plugins: { '@typescript-eslint': tseslint.plugin },
      rules: { [rule]: ['error', rules.everywhere] },
    },
    { ignores: TEST_FILES, rules: production },
  ];
}
