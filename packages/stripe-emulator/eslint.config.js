import { config } from '@clinicpay/eslint-config';

export default [
  ...config({
    tsconfigRootDir: import.meta.dirname,
    layer: 'package',
    self: '@clinicpay/stripe-emulator',
  }),
  {
    // The scripts served to browsers: plain JS checked by tsc (checkJs, DOM types), so tsc and
    // not `no-undef` knows what the browser defines.
    files: ['src/**/browser/*.js'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './tsconfig.browser.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: { 'no-undef': 'off' },
  },
];
