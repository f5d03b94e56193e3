import { describe, expect, it } from 'vitest';
import { decodeForm, FormDecodeError } from './form-decode';

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('decodeForm', () => {
  it('decodes stripe-node bracket keys into nested objects and arrays', () => {
    const body =
      'mode=payment&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=5000' +
      '&line_items[0][quantity]=1&line_items[1][quantity]=2&metadata[payment_id]=p%201&expand[0]=payment_intent';
    expect(plain(decodeForm(body))).toEqual({
      mode: 'payment',
      line_items: [
        { price_data: { currency: 'usd', unit_amount: '5000' }, quantity: '1' },
        { quantity: '2' },
      ],
      metadata: { payment_id: 'p 1' },
      expand: ['payment_intent'],
    });
  });

  it('appends with [] and orders numeric indexes numerically', () => {
    expect(plain(decodeForm('expand[]=a&expand[]=b'))).toEqual({ expand: ['a', 'b'] });
    expect(plain(decodeForm('x[10]=k&x[2]=c&x[0]=a'))).toEqual({ x: ['a', 'c', 'k'] });
  });

  it('keeps objects whose keys are not all indexes as objects', () => {
    expect(plain(decodeForm('x[0]=a&x[b]=c'))).toEqual({ x: { 0: 'a', b: 'c' } });
  });

  it('keeps empty values (Stripe reads them as "unset")', () => {
    expect(plain(decodeForm('metadata[a]=&description='))).toEqual({
      metadata: { a: '' },
      description: '',
    });
  });

  it('gives objects no prototype, so __proto__ is only a key', () => {
    const decoded = decodeForm('__proto__[x]=1&constructor[prototype][y]=2');
    expect(Object.getPrototypeOf(decoded)).toBeNull();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.keys(decoded)).toEqual(['__proto__', 'constructor']);
  });

  it('refuses conflicting and malformed keys', () => {
    expect(() => decodeForm('a=1&a[b]=2')).toThrow(FormDecodeError);
    expect(() => decodeForm('a[b]=2&a=1')).toThrow(FormDecodeError);
    expect(() => decodeForm('a[b=1')).toThrow(FormDecodeError);
    expect(() => decodeForm(`a${'[x]'.repeat(10)}=1`)).toThrow(/nested too deeply/);
  });
});
