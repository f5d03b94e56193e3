import { describe, expect, it } from 'vitest';
import { checkCardForm } from './card-details';

// 15 June 2030, noon UTC.
const NOW = Date.UTC(2030, 5, 15, 12);
const good = { number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123', name: 'Ada Lovelace' };

describe('checkCardForm', () => {
  it('accepts a complete test card and returns its digits', () => {
    expect(checkCardForm(good, NOW, false)).toEqual({
      ok: true,
      number: '4242424242424242',
      name: 'Ada Lovelace',
      email: null,
    });
  });

  it('names every missing field', () => {
    const check = checkCardForm({ number: '', expiry: '', cvc: '', name: ' ' }, NOW, true);
    expect(check).toEqual({
      ok: false,
      errors: {
        email: 'Enter your email address.',
        number: 'Enter your card number.',
        expiry: 'Enter your card’s expiry date.',
        cvc: 'Enter your card’s security code (CVC).',
        name: 'Enter the name on your card.',
      },
    });
  });

  it.each([
    ['4242 4242 4242', 'Your card number is incomplete.'],
    ['4242 4242 4242 4241', 'Your card number is invalid.'],
    ['4242-abcd', 'Your card number is invalid.'],
    ['4111 1111 1111 1111', expect.stringContaining('use one of Stripe’s test cards')],
  ])('refuses the card number %s', (number, message) => {
    expect(checkCardForm({ ...good, number }, NOW, false)).toEqual({
      ok: false,
      errors: { number: message },
    });
  });

  it.each([
    ['05/30', 'Your card’s expiry date is in the past.'],
    ['13/31', 'Your card’s expiry month is invalid.'],
    ['1', 'Your card’s expiry date is incomplete.'],
    ['12/99', 'Your card’s expiry year is invalid.'],
  ])('refuses the expiry %s', (expiry, message) => {
    expect(checkCardForm({ ...good, expiry }, NOW, false)).toEqual({
      ok: false,
      errors: { expiry: message },
    });
  });

  it('accepts this month, MMYY and a four-digit year', () => {
    for (const expiry of ['06/30', '0630', '06 / 2030'])
      expect(checkCardForm({ ...good, expiry }, NOW, false).ok).toBe(true);
  });

  it('wants four CVC digits for American Express and three for others', () => {
    const amex = { ...good, number: '3782 822463 10005' };
    expect(checkCardForm({ ...amex, cvc: '123' }, NOW, false)).toEqual({
      ok: false,
      errors: { cvc: 'Your card’s security code is incomplete.' },
    });
    expect(checkCardForm({ ...amex, cvc: '1234' }, NOW, false).ok).toBe(true);
    expect(checkCardForm({ ...good, cvc: '12' }, NOW, false).ok).toBe(false);
  });

  it('checks the email only when the page asked for one', () => {
    expect(checkCardForm({ ...good, email: 'nope' }, NOW, true)).toEqual({
      ok: false,
      errors: { email: 'Your email address is invalid.' },
    });
    expect(checkCardForm({ ...good, email: ' a@b.example ' }, NOW, true)).toMatchObject({
      ok: true,
      email: 'a@b.example',
    });
  });
});
