import { config } from '@clinicpay/eslint-config';

export default [
  ...config({
    tsconfigRootDir: import.meta.dirname,
    layer: 'package',
    self: '@clinicpay/contracts',
  }),
  // Every schema is built with src/zod.ts's z, configured before any schema exists (see there).
  {
    files: ['src/**/*.ts'],
    ignores: ['src/zod.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "Import { z } from this package's zod.ts instead." }] },
      ],
    },
  },
];
