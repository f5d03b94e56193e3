/**
 * How the e2e suite and the proof start the distribution's Chromium: headless, and kept from
 * phoning home or needing a GPU or sandbox in containers, so nothing reaches the network.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
