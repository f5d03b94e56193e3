export {
  createStripeClient,
  parseStripeApiUrl,
  STRIPE_API_VERSION,
  StripeApiUrlError,
  type StripeClientOptions,
  type StripeEndpoint,
} from './stripe-client';
export {
  createStripeGateway,
  type CreatedCheckoutSession,
  type EmbeddedCheckoutSession,
  type ExpireCheckoutSessionResult,
  type StripeGateway,
  type StripeGatewayOptions,
} from './stripe-gateway';
export {
  GatewayError,
  GatewayNotConfiguredError,
  NOT_CONFIGURED_MESSAGE,
  toGatewayError,
  type GatewayErrorCode,
  type StripeReason,
} from './gateway-errors';
export {
  checkoutSessionIdempotencyKey,
  neutralProductName,
  SESSION_ID_PLACEHOLDER,
  type CreateCheckoutSessionInput,
} from './checkout/checkout-session-params';
export type {
  CheckoutPaymentStatus,
  CheckoutSessionState,
  CheckoutSessionStatus,
  PaymentIntentState,
} from './checkout/checkout-session-state';
export type { RefundInput, RefundReason, RefundResult } from './refunds/create-refund';
export type { RefundStatus } from './refunds/refund-status';
export {
  parseWebhook,
  paymentEffectOfEvent,
  type ThinEventReference,
  type ParsedWebhook,
  type ParseWebhookOptions,
  type WebhookSecrets,
} from './webhooks/parse-webhook';
export { WebhookSignatureError, type WebhookSignatureReason } from './webhooks/webhook-errors';
export {
  HANDLED_STRIPE_EVENTS,
  isHandledStripeEvent,
  type HandledStripeEventType,
} from './webhooks/handled-events';
export { paymentEffectOf } from './webhooks/event-mapping';
export type {
  AwaitingAsyncPaymentEffect,
  ChargeRefundedEffect,
  CheckoutExpiredEffect,
  DisputeUpdatedEffect,
  IgnoredEffect,
  IgnoredReason,
  PaymentEffect,
  PaymentEffectKind,
  PaymentFailedEffect,
  PaymentSucceededEffect,
  RefundSummary,
  RefundUpdatedEffect,
} from './webhooks/payment-effect';
