/**
 * Reads the card form as Stripe's card fields do before any charge is tried: a complete number
 * that passes the Luhn check, an expiry that is not in the past, a CVC of the right length, a
 * name. Each problem is a sentence for the field it belongs to.
 */
import { findTestCard } from '../payments/test-cards';

export type CardField = 'email' | 'number' | 'expiry' | 'cvc' | 'name';

export interface CardForm {
  email?: string;
  number: string;
  expiry: string;
  cvc: string;
  name: string;
}

export type CardCheck =
  | { ok: true; number: string; name: string; email: string | null }
  | { ok: false; errors: Partial<Record<CardField, string>> };

const digits = (value: string) => value.replace(/[\s-]/g, '');

function luhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const isAmex = (number: string) => /^3[47]/.test(number);

function numberError(raw: string): string | null {
  const number = digits(raw);
  if (number === '') return 'Enter your card number.';
  if (!/^\d+$/.test(number)) return 'Your card number is invalid.';
  if (number.length < (isAmex(number) ? 15 : 16)) return 'Your card number is incomplete.';
  if (number.length > 19 || !luhn(number)) return 'Your card number is invalid.';
  if (!findTestCard(number)) {
    return (
      'Your card was declined. This is test mode: use one of Stripe’s test cards, such as ' +
      '4242 4242 4242 4242.'
    );
  }
  return null;
}

/** `MM / YY`, `MM/YY`, `MMYY` or `MM / YYYY`; `now` is the emulator's clock (ms). */
function expiryError(raw: string, now: number): string | null {
  const value = raw.replace(/\s/g, '');
  if (value === '') return 'Enter your card’s expiry date.';
  const match = /^(\d{2})\/?(\d{2}|\d{4})$/.exec(value);
  if (!match) return 'Your card’s expiry date is incomplete.';
  const month = Number(match[1]);
  const year = match[2]?.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return 'Your card’s expiry month is invalid.';
  const today = new Date(now);
  const thisMonth = today.getUTCFullYear() * 12 + today.getUTCMonth();
  if (year * 12 + (month - 1) < thisMonth) return 'Your card’s expiry date is in the past.';
  if (year > today.getUTCFullYear() + 50) return 'Your card’s expiry year is invalid.';
  return null;
}

function cvcError(raw: string, number: string): string | null {
  const value = raw.trim();
  if (value === '') return 'Enter your card’s security code (CVC).';
  if (!/^\d+$/.test(value)) return 'Your card’s security code is invalid.';
  if (value.length < (isAmex(number) ? 4 : 3)) return 'Your card’s security code is incomplete.';
  if (value.length > 4) return 'Your card’s security code is invalid.';
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with the email, when the page asked for one (the bank payment asks too). */
export function emailProblem(raw: string | undefined, needsEmail: boolean): string | null {
  const email = (raw ?? '').trim();
  if (!needsEmail) return null;
  if (email === '') return 'Enter your email address.';
  return EMAIL.test(email) ? null : 'Your email address is invalid.';
}

/**
 * Checks the form; `needsEmail` when the session has no `customer_email` and the page asked.
 */
export function checkCardForm(form: CardForm, now: number, needsEmail: boolean): CardCheck {
  const number = digits(form.number);
  const email = (form.email ?? '').trim();
  const errors: Partial<Record<CardField, string>> = {};
  const emailError = emailProblem(email, needsEmail);
  if (emailError) errors.email = emailError;
  const problems: [CardField, string | null][] = [
    ['number', numberError(form.number)],
    ['expiry', expiryError(form.expiry, now)],
    ['cvc', cvcError(form.cvc, number)],
    ['name', form.name.trim() === '' ? 'Enter the name on your card.' : null],
  ];
  for (const [field, problem] of problems) if (problem) errors[field] = problem;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, number, name: form.name.trim(), email: needsEmail ? email : null };
}
