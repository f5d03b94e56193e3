import { config } from '@clinicpay/eslint-config';

// scripts/ holds plain Node scripts (the bundle check, the benchmark) outside the TS project.
export default [
  { ignores: ['scripts/**'] },
  ...config({
    tsconfigRootDir: import.meta.dirname,
    react: true,
    layer: 'spa',
    self: '@clinicpay/patient',
  }),
];
