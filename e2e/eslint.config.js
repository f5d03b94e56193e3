import { config } from '@clinicpay/eslint-config';

export default [
  ...config({
    tsconfigRootDir: import.meta.dirname,
    layer: 'tests',
    self: '@clinicpay/e2e',
  }),
  {
    // Browser journeys: they read the test run's settings (CHROMIUM_PATH, CI) directly, and
    // asymmetric matchers are typed `any` by design.
    rules: {
      'no-restricted-properties': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
];
