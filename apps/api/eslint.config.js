import { config } from '@clinicpay/eslint-config';

const SQL_LIVES_IN_DB =
  'Table access lives in packages/db/src/queries/<noun>.ts; call a query from there.';

export default [
  ...config({ tsconfigRootDir: import.meta.dirname }),
  {
    // Services compose queries; they hold no SQL of their own.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'kysely', importNames: ['sql'], message: SQL_LIVES_IN_DB },
            { name: '@clinicpay/db', importNames: ['sql'], message: SQL_LIVES_IN_DB },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|selectNoFrom|insertInto|updateTable|deleteFrom|mergeInto)$/]',
          message: SQL_LIVES_IN_DB,
        },
      ],
    },
  },
];
