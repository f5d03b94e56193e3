/**
 * The Stripe.js stand-in at `/v3/stripe.js` (and `/v3`, `/endive/stripe.js`, as js.stripe.com
 * serves it): `window.Stripe` with `createEmbeddedCheckoutPage`, talking to the checkout page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { staticAsset } from '../http/static-asset';

const script = staticAsset(new URL('./browser/stripe.js', import.meta.url));
const PATH = /^\/(?:v3\/?|(?:v3|endive)\/stripe\.js)$/;

export function isStripeJsPath(pathname: string): boolean {
  return PATH.test(pathname);
}

export function serveStripeJs(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  // Any page may load it, as any page may load js.stripe.com.
  script.send(req, res, { 'Access-Control-Allow-Origin': '*' });
}
