import { defineConfig } from 'vitest/config';

// The Stripe.js loader adds a script to the document: its tests need a DOM.
export default defineConfig({
  test: { environment: 'happy-dom' },
});
