// First: later imports may parse with zod while they load.
import '@clinicpay/contracts/zod-without-eval';
import '@clinicpay/ui/styles.css';
import { mountApp } from '@clinicpay/ui/mount-app';
import { App } from './app.js';

mountApp(App);
