import { config } from '@clinicpay/eslint-config';

export default config({
  tsconfigRootDir: import.meta.dirname,
  react: true,
  layer: 'spa',
  self: '@clinicpay/admin',
});
