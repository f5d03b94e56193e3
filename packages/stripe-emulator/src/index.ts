export { API_VERSION } from './api-version';
export { Clock, type ClockOptions } from './clock';
export type { DashboardRefund, EmulatorControl, ObjectsSnapshot } from './control/control';
export { ControlCallError, createControlClient, type ControlClient } from './control/client';
export {
  DEFAULT_BUSINESS_NAME,
  DEFAULT_PORT,
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from './emulator';
export {
  DEFAULT_ACCOUNT_ID,
  DEMO_KEYS,
  generateApiKey,
  type ApiKeyConfig,
  type CreatedAccount,
  type Mode,
  type Right,
} from './keys';
export type { DisputeOptions } from './payments/dispute-charge';
export {
  declineSession,
  paySession,
  type PayOptions,
  type PayResult,
} from './payments/pay-session';
export { completeAuthentication } from './payments/charge-card';
export {
  paySessionDelayed,
  type DelayedPayOptions,
  type DelayedPayResult,
} from './payments/pay-delayed';
export type { RefundSettlementRule } from './payments/refund-settlement';
export { findTestCard, TEST_CARDS, type TestCard } from './payments/test-cards';
export type { ApiLatencyRule } from './api-latency';
export type { RateLimitRule, RateLimitStatus } from './rate-limit';
export type { LoggedRequest } from './request-log';
export { EmulatorState } from './state';
export type { ThinEvent } from './webhooks/payload';
export type {
  Delivery,
  DeliveryAttempt,
  PayloadStyle,
  RetryPolicy,
  WebhookEndpointConfig,
  WebhookEndpointInfo,
  WebhookFaults,
} from './webhooks/endpoints';
