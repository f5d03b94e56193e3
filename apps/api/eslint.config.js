import { config } from '@clinicpay/eslint-config';

export default config({
  tsconfigRootDir: import.meta.dirname,
  layer: 'server',
  self: '@clinicpay/api',
});
