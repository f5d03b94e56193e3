import { config } from '@clinicpay/eslint-config';

export default config({
  tsconfigRootDir: import.meta.dirname,
  layer: 'package',
  self: '@clinicpay/mail',
});
