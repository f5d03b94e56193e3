import '@clinicpay/ui/styles.css';
import { mountApp } from '@clinicpay/ui/mount-app';
import { App } from './app.js';

mountApp(App);
