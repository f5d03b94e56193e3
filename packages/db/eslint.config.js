import { config } from '@clinicpay/eslint-config';

export default [
  ...config({
    tsconfigRootDir: import.meta.dirname,
    layer: 'package',
    self: '@clinicpay/db',
  }),
  {
    // Migrations are frozen in time: they must not depend on today's Database type.
    files: ['src/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
];
