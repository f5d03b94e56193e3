// @ts-check
/**
 * The Stripe emulator's stand-in for Stripe.js. Loaded before `loadStripe` runs, it defines
 * `window.Stripe`, which `@stripe/stripe-js` then uses instead of fetching js.stripe.com.
 * It does what Embedded Checkout needs: `Stripe(pk).createEmbeddedCheckoutPage(options)`, whose
 * `mount` frames the emulator's checkout page. The frame and this page talk by `postMessage`,
 * each checking the other's origin and window.
 */
(function () {
  'use strict';

  const script = document.currentScript;
  if (!(script instanceof HTMLScriptElement) || !script.src) {
    throw new Error('The Stripe emulator’s stripe.js must be loaded with <script src="…">.');
  }
  // Wherever the emulator runs (any host, any port), the page is served next to this script.
  const ORIGIN = new URL(script.src).origin;
  const PAGE_URL = `${ORIGIN}/checkout/embedded`;
  const MESSAGE_SOURCE = 'clinicpay-stripe-emulator';

  /**
   * Our messages only: other scripts on the page may use postMessage too.
   * @param {unknown} data
   * @returns {{ type: string; height: unknown } | null}
   */
  function messageFrom(data) {
    if (!data || typeof data !== 'object') return null;
    const message = /** @type {Record<string, unknown>} */ (data);
    if (message.source !== MESSAGE_SOURCE || typeof message.type !== 'string') return null;
    return { type: message.type, height: message.height };
  }

  /** @param {string} message */
  function integrationError(message) {
    const error = new Error(message);
    error.name = 'IntegrationError';
    return error;
  }

  /** @param {string} method */
  function unsupported(method) {
    return integrationError(
      `stripe.${method}() is not supported by the Stripe emulator, which implements Embedded ` +
        'Checkout only (stripe.createEmbeddedCheckoutPage).',
    );
  }

  /**
   * Stripe.js allows one live Embedded Checkout per page; `destroy()` frees the slot.
   * @type {EmbeddedCheckout | null}
   */
  let live = null;

  /**
   * @typedef {{ id: string; status: string; redirectOnCompletion: string; returnUrl: string | null }} CheckoutView
   * @typedef {{ clientSecret?: string | null; fetchClientSecret?: (() => Promise<string>) | null; onComplete?: () => void }} EmbeddedCheckoutOptions
   */

  class EmbeddedCheckout {
    /**
     * @param {string} key
     * @param {EmbeddedCheckoutOptions} options
     */
    constructor(key, options) {
      this.key = key;
      this.options = options;
      /** @type {string | null} */
      this.clientSecret = null;
      /** @type {CheckoutView | null} */
      this.view = null;
      /** @type {HTMLIFrameElement | null} */
      this.frame = null;
      this.destroyed = false;
      this.completed = false;
      /** @param {MessageEvent} event */
      this.onMessage = (event) => this.receive(event);
    }

    /** Fetches the client secret and checks it (and the key) with the emulator. */
    async load() {
      const { clientSecret, fetchClientSecret } = this.options;
      const secret = clientSecret ?? (fetchClientSecret ? await fetchClientSecret() : null);
      if (typeof secret !== 'string' || !secret.includes('_secret_')) {
        throw integrationError(
          'Invalid client secret: expected the `client_secret` of a Checkout Session ' +
            `(cs_…_secret_…), got ${typeof secret === 'string' ? `"${secret}"` : String(secret)}.`,
        );
      }
      const response = await fetch(`${PAGE_URL}/api/init`, {
        method: 'POST',
        body: new URLSearchParams({ key: this.key, client_secret: secret }),
      });
      const json = /** @type {unknown} */ (await response.json());
      const body = /** @type {{ checkout?: CheckoutView; error?: { message: string } }} */ (json);
      if (!response.ok || !body.checkout) {
        throw integrationError(body.error?.message ?? `The emulator answered ${response.status}.`);
      }
      this.clientSecret = secret;
      this.view = body.checkout;
    }

    /** @param {string | HTMLElement} location */
    mount(location) {
      if (this.destroyed) {
        throw integrationError(
          'This Embedded Checkout has been destroyed. Create a new one with createEmbeddedCheckoutPage.',
        );
      }
      if (this.frame) throw integrationError('This Embedded Checkout is already mounted.');
      const container = typeof location === 'string' ? document.querySelector(location) : location;
      if (!(container instanceof HTMLElement)) {
        throw integrationError(
          typeof location === 'string'
            ? `The selector you specified (${location}) applies to no DOM elements that are ` +
                'currently on the page. Make sure the element exists before calling mount().'
            : 'Invalid DOM element. Call mount() with a DOM element or a CSS selector.',
        );
      }
      const frame = document.createElement('iframe');
      frame.title = 'Embedded Checkout';
      frame.name = 'embedded-checkout';
      frame.allow = 'payment *';
      // The page learns whom to talk to from its URL; it checks that against its real parent.
      frame.src = `${PAGE_URL}#${new URLSearchParams({ parent: window.location.origin })}`;
      Object.assign(frame.style, {
        border: '0',
        display: 'block',
        width: '100%',
        minWidth: '0',
        height: '560px',
        colorScheme: 'normal',
      });
      window.addEventListener('message', this.onMessage);
      container.appendChild(frame);
      this.frame = frame;
    }

    unmount() {
      if (this.destroyed) throw integrationError('This Embedded Checkout has been destroyed.');
      if (!this.frame) return;
      window.removeEventListener('message', this.onMessage);
      this.frame.remove();
      this.frame = null;
    }

    destroy() {
      if (this.destroyed) return;
      this.unmount();
      this.destroyed = true;
      if (live === this) live = null;
    }

    /** @param {MessageEvent} event */
    receive(event) {
      const frame = this.frame;
      if (!frame || event.origin !== ORIGIN || event.source !== frame.contentWindow) return;
      const data = messageFrom(/** @type {unknown} */ (event.data));
      if (!data) return;
      if (data.type === 'ready') {
        const init = {
          source: MESSAGE_SOURCE,
          type: 'init',
          publishableKey: this.key,
          clientSecret: this.clientSecret,
          locale: navigator.language,
        };
        frame.contentWindow?.postMessage(init, ORIGIN);
      } else if (data.type === 'resize' && typeof data.height === 'number') {
        frame.style.height = `${Math.max(120, Math.ceil(data.height))}px`;
      } else if (data.type === 'complete') {
        this.complete();
      }
    }

    /** Stripe's `redirect_on_completion`: `always` sends the top window to `return_url`. */
    complete() {
      if (this.completed || !this.view) return;
      this.completed = true;
      const { redirectOnCompletion, returnUrl } = this.view;
      if (redirectOnCompletion === 'always' && returnUrl) {
        try {
          // A cross-origin top window allows only setting `href`.
          (window.top ?? window).location.href = returnUrl;
        } catch {
          window.location.href = returnUrl;
        }
        return;
      }
      this.options.onComplete?.();
    }
  }

  /**
   * @param {string} key
   * @param {Record<string, unknown>} [_options]
   * @this {unknown}
   */
  function Stripe(key, _options) {
    if (typeof key !== 'string' || key === '') {
      throw integrationError(
        `Invalid value for Stripe(): apiKey should be a string. You specified: ${typeof key}.`,
      );
    }
    if (/^(sk|rk)_/.test(key)) {
      throw integrationError(
        'You should not use your secret key with Stripe.js. Please pass a publishable key instead.',
      );
    }
    if (!/^pk_(test|live)_/.test(key)) {
      throw integrationError(
        `Invalid value for Stripe(): "${key}" is not a publishable key (pk_…).`,
      );
    }
    return {
      /** @param {EmbeddedCheckoutOptions} options */
      createEmbeddedCheckoutPage(options) {
        if (!options || typeof options !== 'object') {
          return Promise.reject(
            integrationError('createEmbeddedCheckoutPage: options are required.'),
          );
        }
        if (!options.clientSecret === !options.fetchClientSecret) {
          return Promise.reject(
            integrationError(
              'createEmbeddedCheckoutPage: pass exactly one of `clientSecret` or `fetchClientSecret`.',
            ),
          );
        }
        if (live) {
          return Promise.reject(
            integrationError('You cannot have multiple Embedded Checkout objects.'),
          );
        }
        const checkout = new EmbeddedCheckout(key, options);
        live = checkout;
        return checkout.load().then(
          () => ({
            mount: (/** @type {string | HTMLElement} */ location) => checkout.mount(location),
            unmount: () => checkout.unmount(),
            destroy: () => checkout.destroy(),
          }),
          (/** @type {unknown} */ error) => {
            if (live === checkout) live = null;
            throw error;
          },
        );
      },
      elements() {
        throw unsupported('elements');
      },
      createToken: () => Promise.reject(unsupported('createToken')),
      createPaymentMethod: () => Promise.reject(unsupported('createPaymentMethod')),
      confirmCardPayment: () => Promise.reject(unsupported('confirmCardPayment')),
      confirmPayment: () => Promise.reject(unsupported('confirmPayment')),
      redirectToCheckout: () => Promise.reject(unsupported('redirectToCheckout')),
      registerAppInfo() {},
      _registerWrapper() {},
    };
  }
  // `@stripe/stripe-js` compares this with its release train and warns on a mismatch.
  Stripe.version = 'endive';
  Stripe.emulator = true;

  Object.assign(window, { Stripe });
})();
