/**
 * The Content-Security-Policy of the SPAs' pages (the API's own answers keep the deny-all one of
 * security-headers.ts). Scripts come only from this origin and from where Stripe.js is loaded;
 * no inline script and no eval, so an injected `<script>` or `onerror=` does not run.
 *
 * Stripe's origins are the ones its guide lists for Stripe.js and Embedded Checkout: the script
 * and its frames on js.stripe.com, the checkout frame on checkout.stripe.com, API calls to
 * api.stripe.com and checkout.stripe.com, card brand images on *.stripe.com. When STRIPE_JS_URL
 * names another source (the emulator's stand-in), that origin takes all of those roles instead:
 * its script, checkout page and page API live there.
 */
/**
 * The one inline style the SPAs insert: React Aria's press handling adds
 * `@layer { [data-react-aria-pressable] { touch-action: pan-x pan-y pinch-zoom; } }` in a
 * `<style>` element (usePress). Allowed by its hash, not by 'unsafe-inline'; if a React Aria
 * upgrade changes the text, the browser reports a style-src violation and the hash is renewed.
 */
const REACT_ARIA_PRESS_STYLE = "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='";

const REAL_STRIPE = {
  script: ['https://js.stripe.com', 'https://*.js.stripe.com'],
  frame: [
    'https://js.stripe.com',
    'https://*.js.stripe.com',
    'https://hooks.stripe.com',
    'https://checkout.stripe.com',
  ],
  connect: ['https://api.stripe.com', 'https://checkout.stripe.com'],
  img: ['https://*.stripe.com'],
};

export function pageContentSecurityPolicy(options: { stripeJsUrl: string | undefined }): string {
  const origin = options.stripeJsUrl ? new URL(options.stripeJsUrl).origin : null;
  // Stripe.js named at Stripe's own address still needs every Stripe origin (its checkout frame
  // and API live elsewhere); only a stand-in on another origin serves all of it from one place.
  const stripe = origin && !isStripeOrigin(origin) ? emulatedStripe(origin) : REAL_STRIPE;
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...stripe.script]],
    ['style-src', ["'self'", REACT_ARIA_PRESS_STYLE]],
    // data: for the empty favicon the pages declare (index.html), so browsers ask for none.
    ['img-src', ["'self'", 'data:', ...stripe.img]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...stripe.connect]],
    ['frame-src', stripe.frame],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** stripe.com or any of its subdomains, over https. */
export function isStripeOrigin(origin: string): boolean {
  const { protocol, hostname } = new URL(origin);
  return protocol === 'https:' && (hostname === 'stripe.com' || hostname.endsWith('.stripe.com'));
}

function emulatedStripe(origin: string): typeof REAL_STRIPE {
  return { script: [origin], frame: [origin], connect: [origin], img: [origin] };
}
