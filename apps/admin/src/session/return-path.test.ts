import { describe, expect, it } from 'vitest';
import { safeNext, signInPathFor } from './return-path.js';

describe('the way back after signing in', () => {
  it('returns to the page with its filters', () => {
    expect(signInPathFor('/transactions?status=refunded')).toBe(
      '/sign-in?next=%2Ftransactions%3Fstatus%3Drefunded',
    );
    expect(safeNext('/transactions?status=refunded')).toBe('/transactions?status=refunded');
  });

  it('never leaves the app, and never loops back to sign-in', () => {
    for (const value of [
      'https://evil.example',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
      null,
      '/sign-in',
      '/sign-in?next=/x',
    ]) {
      expect(safeNext(value)).toBe('/');
    }
    expect(signInPathFor('/')).toBe('/sign-in');
  });
});
