// @ts-check
/**
 * The embedded checkout page, framed by the Stripe.js stand-in. It waits for the parent's `init`
 * message (publishable key and client secret; only from the origin named in its URL and only
 * from its real parent), then loads the session and takes a card through the emulator's page
 * API. It tells the parent its height and when the payment completed.
 */
(function () {
  'use strict';

  const MESSAGE_SOURCE = 'clinicpay-stripe-emulator';
  const API = '/checkout/embedded/api';
  const parentOrigin = new URLSearchParams(window.location.hash.slice(1)).get('parent');

  /**
   * @typedef {{ name: string; quantity: number; amountFormatted: string }} LineItem
   * @typedef {{ id: string; status: 'open' | 'complete' | 'expired'; paymentStatus: string;
   *   livemode: boolean; businessName: string; amountFormatted: string; lineItems: LineItem[];
   *   customerEmail: string | null; awaitingAuthentication: boolean;
   *   delayedMethod: { type: string; label: string } | null }} View
   * @typedef {'email' | 'number' | 'expiry' | 'cvc' | 'name'} Field
   * @typedef {{ result: 'succeeded' | 'processing' | 'requires_action' | 'inactive' | 'ready';
   *   checkout: View }
   *   | { result: 'declined'; checkout: View; message: string; code: string }
   *   | { result: 'invalid'; checkout: View; errors: Partial<Record<Field, string>> }} Answer
   * @typedef {{ key: string; clientSecret: string; locale: string }} Session
   */

  /** @param {string} id */
  function $(id) {
    const element = document.getElementById(id);
    if (!element) throw new Error(`The checkout page has no #${id}`);
    return element;
  }
  /** @param {string} id */
  const input = (id) => /** @type {HTMLInputElement} */ ($(id));

  /** @type {Field[]} */
  const FIELDS = ['email', 'number', 'expiry', 'cvc', 'name'];
  const main = $('checkout');
  const form = /** @type {HTMLFormElement} */ ($('pay-form'));
  const payButton = $('pay');
  const formError = $('form-error');
  const status = $('status');

  /** @type {Session | null} */
  let session = null;
  /** @type {View | null} */
  let view = null;
  let busy = false;

  /**
   * @param {string} type
   * @param {Record<string, unknown>} [extra]
   */
  function post(type, extra = {}) {
    if (!parentOrigin || window.parent === window) return;
    window.parent.postMessage({ source: MESSAGE_SOURCE, type, ...extra }, parentOrigin);
  }

  /** @param {string} message */
  function announce(message) {
    status.textContent = '';
    // A changed text node is announced; the pause makes a repeated message count as changed.
    window.setTimeout(() => (status.textContent = message), 50);
  }

  /**
   * @param {string} path
   * @param {Record<string, string>} [fields]
   * @returns {Promise<Answer>}
   */
  async function call(path, fields = {}) {
    if (!session) throw new Error('The checkout has not been initialised.');
    const body = new URLSearchParams({
      key: session.key,
      client_secret: session.clientSecret,
      locale: session.locale,
      ...fields,
    });
    const response = await fetch(`${API}/${path}`, { method: 'POST', body });
    const json = /** @type {unknown} */ (await response.json().catch(() => null));
    if (!response.ok) {
      const error = /** @type {{ error?: { message?: string } } | null} */ (json);
      throw new Error(error?.error?.message ?? `The emulator answered ${response.status}.`);
    }
    return /** @type {Answer} */ (json);
  }

  /** Shows one of the form, the authentication step and the outcome. @param {HTMLElement} shown */
  function show(shown) {
    for (const id of ['pay-form', 'authenticate', 'outcome']) $(id).hidden = $(id) !== shown;
    $('test-cards').hidden = shown !== form || !view || view.livemode;
  }

  /**
   * @param {string} title
   * @param {string} text
   * @param {boolean} ok
   * @param {boolean} focus
   */
  function showOutcome(title, text, ok, focus) {
    const heading = $('outcome-title');
    heading.textContent = title;
    heading.classList.toggle('ok', ok);
    $('outcome-text').textContent = text;
    show($('outcome'));
    if (focus) heading.focus();
  }

  /** @param {View} next */
  function renderSummary(next) {
    view = next;
    $('merchant').textContent = next.businessName;
    $('test-badge').hidden = next.livemode;
    $('amount').textContent = next.amountFormatted;
    $('line-items').replaceChildren(
      ...next.lineItems.map((item) => {
        const li = document.createElement('li');
        const name = document.createElement('span');
        name.textContent = item.quantity > 1 ? `${item.name} × ${item.quantity}` : item.name;
        const amount = document.createElement('span');
        amount.textContent = item.amountFormatted;
        li.append(name, amount);
        return li;
      }),
    );
    payButton.textContent = `Pay ${next.amountFormatted}`;
    $('method-switch').hidden = next.delayedMethod === null;
    $('delayed-label').textContent = next.delayedMethod?.label ?? 'bank account';
    if (!next.delayedMethod) useMethod('card');
    $('email-group').hidden = next.customerEmail !== null;
    $('email-known').hidden = next.customerEmail === null;
    $('email-known').textContent = next.customerEmail ? `Receipt to ${next.customerEmail}` : '';
    $('summary').hidden = false;
    $('loading').hidden = true;
    main.setAttribute('aria-busy', 'false');
  }

  /**
   * Puts the page in the state the session is in. Focus moves only after the payer acted: a
   * frame that grabs focus as it loads would pull the merchant's page around.
   * @param {View} next
   * @param {{ justPaid?: boolean; focus?: boolean }} [how]
   */
  function render(next, { justPaid = false, focus = false } = {}) {
    renderSummary(next);
    if (next.status === 'expired') {
      showOutcome(
        'This checkout session has expired',
        `Nothing was charged. Go back to ${next.businessName} and start again to pay.`,
        false,
        focus,
      );
    } else if (next.status === 'complete' && next.paymentStatus !== 'paid') {
      showOutcome(
        justPaid ? 'Payment processing' : 'This payment is processing',
        `Your bank payment of ${next.amountFormatted} is on its way. ${next.businessName} confirms it once the bank pays.`,
        true,
        focus,
      );
    } else if (next.status === 'complete') {
      showOutcome(
        justPaid ? 'Payment successful' : 'This payment is already complete',
        `${next.businessName} received your payment of ${next.amountFormatted}.`,
        true,
        focus,
      );
    } else if (next.awaitingAuthentication) {
      show($('authenticate'));
      if (focus) $('authenticate-title').focus();
    } else {
      show(form);
    }
  }

  function clearErrors() {
    formError.hidden = true;
    formError.textContent = '';
    for (const field of FIELDS) {
      input(field).removeAttribute('aria-invalid');
      $(`${field}-error`).hidden = true;
      $(`${field}-error`).textContent = '';
    }
  }

  /** @param {string} message */
  function showFormError(message) {
    show(form);
    formError.textContent = message;
    formError.hidden = false;
    formError.focus();
  }

  /** @param {Partial<Record<Field, string>>} errors */
  function showFieldErrors(errors) {
    show(form);
    /** @type {HTMLInputElement | null} */
    let first = null;
    for (const field of FIELDS) {
      const message = errors[field];
      if (!message) continue;
      input(field).setAttribute('aria-invalid', 'true');
      $(`${field}-error`).textContent = message;
      $(`${field}-error`).hidden = false;
      first ??= input(field);
    }
    first?.focus();
    announce('Check the card details.');
  }

  /** @param {Answer} answer */
  function handle(answer) {
    switch (answer.result) {
      case 'succeeded':
        render(answer.checkout, { justPaid: true, focus: true });
        announce('Payment successful.');
        post('complete');
        break;
      case 'processing':
        render(answer.checkout, { justPaid: true, focus: true });
        announce('Payment processing.');
        post('complete');
        break;
      case 'requires_action':
        render(answer.checkout, { focus: true });
        announce('Your bank asks you to confirm this payment.');
        break;
      case 'declined': {
        renderSummary(answer.checkout);
        const cardRefused = answer.code !== 'payment_intent_authentication_failure';
        // The card is what was refused: mark it, so returning to it says why.
        if (cardRefused) input('number').setAttribute('aria-invalid', 'true');
        showFormError(cardRefused ? `${answer.message} Try another card.` : answer.message);
        break;
      }
      case 'invalid':
        renderSummary(answer.checkout);
        showFieldErrors(answer.errors);
        break;
      default:
        render(answer.checkout, { focus: true });
        if (!$('outcome').hidden) announce($('outcome-title').textContent ?? '');
    }
  }

  /** Runs one payment call, ignoring clicks while it is in flight. @param {() => Promise<Answer>} run */
  async function attempt(run) {
    if (busy) return;
    busy = true;
    clearErrors();
    main.setAttribute('aria-busy', 'true');
    for (const id of ['pay', 'authenticate-complete', 'authenticate-fail'])
      $(id).setAttribute('aria-disabled', 'true');
    announce('Processing payment…');
    try {
      handle(await run());
    } catch (error) {
      showFormError(error instanceof Error ? error.message : 'Something went wrong. Try again.');
    } finally {
      busy = false;
      main.setAttribute('aria-busy', 'false');
      for (const id of ['pay', 'authenticate-complete', 'authenticate-fail'])
        $(id).removeAttribute('aria-disabled');
    }
  }

  /** Which of card and bank debit the form takes. @param {'card' | 'delayed'} method */
  function useMethod(method) {
    $('card-fields').hidden = method !== 'card';
    $('bank-fields').hidden = method !== 'delayed';
    $('use-delayed').hidden = method === 'delayed';
    $('use-card').hidden = method === 'card';
  }
  $('use-delayed').addEventListener('click', () => {
    clearErrors();
    useMethod('delayed');
    $('bank-account').focus();
    announce('Paying by bank account.');
  });
  $('use-card').addEventListener('click', () => {
    clearErrors();
    useMethod('card');
    input('number').focus();
    announce('Paying by card.');
  });
  const bankChosen = () => !$('bank-fields').hidden;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (bankChosen()) {
      const outcome = /** @type {HTMLSelectElement} */ ($('bank-account')).value;
      void attempt(() => call('pay_delayed', { email: input('email').value, outcome }));
      return;
    }
    /** @type {Record<string, string>} */
    const fields = {};
    for (const field of FIELDS) fields[field] = input(field).value;
    void attempt(() => call('pay', fields));
  });
  for (const outcome of ['complete', 'fail']) {
    $(`authenticate-${outcome}`).addEventListener('click', () => {
      void attempt(() =>
        call('authenticate', { outcome: outcome === 'fail' ? 'fail' : 'succeed' }),
      );
    });
  }

  /** @param {Session} next */
  async function start(next) {
    session = next;
    try {
      const answer = await call('init');
      render(answer.checkout);
    } catch (error) {
      renderFailure(error instanceof Error ? error.message : String(error));
    }
  }

  /** @param {string} message */
  function renderFailure(message) {
    $('loading').hidden = true;
    main.setAttribute('aria-busy', 'false');
    showOutcome('Checkout could not load', message, false, false);
  }

  // The parent named in the URL must be the real one (Chromium tells; others rely on postMessage).
  const ancestor = window.location.ancestorOrigins?.[0];
  const trusted =
    parentOrigin !== null &&
    window.parent !== window &&
    (!ancestor || ancestor === 'null' || ancestor === parentOrigin);

  window.addEventListener('message', (event) => {
    if (!trusted || event.source !== window.parent || event.origin !== parentOrigin) return;
    const raw = /** @type {unknown} */ (event.data);
    if (!raw || typeof raw !== 'object') return;
    const data = /** @type {Record<string, unknown>} */ (raw);
    if (data.source !== MESSAGE_SOURCE || data.type !== 'init') return;
    if (typeof data.publishableKey !== 'string' || typeof data.clientSecret !== 'string') return;
    void start({
      key: data.publishableKey,
      clientSecret: data.clientSecret,
      locale: typeof data.locale === 'string' ? data.locale : '',
    });
  });

  new ResizeObserver(() => post('resize', { height: main.getBoundingClientRect().height })).observe(
    main,
  );

  if (trusted) {
    post('ready');
    // A parent on another origin than the one named never receives `ready`: say so, do not spin.
    window.setTimeout(() => {
      if (!session) renderFailure('The page around this checkout did not answer. Reload it.');
    }, 10_000);
  } else {
    renderFailure('This page opens inside Embedded Checkout: mount it with Stripe.js.');
  }
})();
