import { describe, expect, it } from 'vitest';
import {
  createStripeClient,
  parseStripeApiUrl,
  STRIPE_API_VERSION,
  StripeApiUrlError,
} from './stripe-client';

describe('parseStripeApiUrl', () => {
  it('splits an emulator URL into host, port and protocol', () => {
    expect(parseStripeApiUrl('http://127.0.0.1:12111')).toEqual({
      host: '127.0.0.1',
      port: 12111,
      protocol: 'http',
    });
  });

  it('fills in the default port of the protocol', () => {
    expect(parseStripeApiUrl('https://api.stripe.com')).toEqual({
      host: 'api.stripe.com',
      port: 443,
      protocol: 'https',
    });
    expect(parseStripeApiUrl('http://stripe-emulator/')).toEqual({
      host: 'stripe-emulator',
      port: 80,
      protocol: 'http',
    });
  });

  it('unbrackets an IPv6 host', () => {
    expect(parseStripeApiUrl('http://[::1]:12111').host).toBe('::1');
  });

  it.each(['localhost:12111', 'ftp://example.com', 'http://example.com/v1', 'not a url'])(
    'refuses %s',
    (url) => {
      expect(() => parseStripeApiUrl(url)).toThrow(StripeApiUrlError);
    },
  );
});

describe('createStripeClient', () => {
  it('pins the API version stripe-node is typed against', () => {
    expect(STRIPE_API_VERSION).toBe('2026-10-28.endive');
    const client = createStripeClient({ secretKey: 'sk_test_x' });
    expect(client.getApiField('version')).toBe(STRIPE_API_VERSION);
  });

  it('points the client at the given API URL', () => {
    const client = createStripeClient({
      secretKey: 'sk_test_x',
      apiUrl: 'http://127.0.0.1:12111',
      maxNetworkRetries: 0,
    });
    expect(client.getApiField('host')).toBe('127.0.0.1');
    expect(client.getApiField('port')).toBe(12111);
    expect(client.getApiField('protocol')).toBe('http');
    expect(client.getMaxNetworkRetries()).toBe(0);
  });
});
