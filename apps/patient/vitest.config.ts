import { componentTestConfig } from '@clinicpay/react-test-harness/vitest-config';
import viteConfig from './vite.config.js';

export default componentTestConfig(viteConfig);
