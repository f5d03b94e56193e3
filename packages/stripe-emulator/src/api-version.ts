/** The API version stripe-node 23.1.0 pins; events are rendered at it (a test checks they agree). */
export const API_VERSION = '2026-10-28.endive';
