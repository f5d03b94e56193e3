// @ts-check
/**
 * How the card fields behave while the payer types: digits spaced as printed on the card, and a
 * field's old error cleared once it is edited. Checking the card is the emulator's job.
 */
(function () {
  'use strict';

  /** @param {string} id */
  function field(id) {
    const element = document.getElementById(id);
    if (!(element instanceof HTMLInputElement)) throw new Error(`The checkout page has no #${id}`);
    return element;
  }

  for (const id of ['email', 'number', 'expiry', 'cvc', 'name']) {
    const input = field(id);
    input.addEventListener('input', () => {
      if (input.getAttribute('aria-invalid') !== 'true') return;
      input.removeAttribute('aria-invalid');
      const error = document.getElementById(`${id}-error`);
      if (error) {
        error.hidden = true;
        error.textContent = '';
      }
    });
  }

  /**
   * Reformats while the payer types at the end of the field (never under the caret mid-edit).
   * @param {string} id
   * @param {(digits: string) => string} format
   */
  function formatWhileTyping(id, format) {
    const input = field(id);
    input.addEventListener('input', (event) => {
      const typing = !(event instanceof InputEvent) || event.inputType.startsWith('insert');
      if (!typing || input.selectionStart !== input.value.length) return;
      input.value = format(input.value.replace(/\D/g, ''));
    });
  }

  // American Express prints 4-6-5; the others groups of four.
  formatWhileTyping('number', (d) =>
    (/^3[47]/.test(d)
      ? [d.slice(0, 4), d.slice(4, 10), d.slice(10, 15)]
      : (d.slice(0, 19).match(/.{1,4}/g) ?? [])
    )
      .filter(Boolean)
      .join(' '),
  );
  formatWhileTyping('expiry', (d) => (d.length > 2 ? `${d.slice(0, 2)} / ${d.slice(2, 4)}` : d));
  formatWhileTyping('cvc', (d) => d.slice(0, 4));
})();
