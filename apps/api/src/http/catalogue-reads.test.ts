import { describe, expect, it } from 'vitest';
import { etagMatches, parseCatalogueCall } from './catalogue-reads.js';

const SERVICE = '7c1d0000-0000-4000-8000-0000000000a1';
const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

describe('which GETs the catalogue fast path answers', () => {
  it('takes single and batched calls of the cached reads, as tRPC links send them', () => {
    expect(parseCatalogueCall('/trpc/catalogue.services')).toEqual({
      batch: false,
      reads: [{ path: 'catalogue.services' }],
    });
    expect(
      parseCatalogueCall(
        `/trpc/catalogue.clinic%2Ccatalogue.doctors?batch=1&input=${q({ 1: { serviceId: SERVICE } })}`,
      ),
    ).toEqual({
      batch: true,
      reads: [{ path: 'catalogue.clinic' }, { path: 'catalogue.doctors', serviceId: SERVICE }],
    });
    expect(
      parseCatalogueCall(`/trpc/catalogue.doctors?input=${q({ serviceId: SERVICE })}`),
    ).toEqual({ batch: false, reads: [{ path: 'catalogue.doctors', serviceId: SERVICE }] });
  });

  it('leaves everything else to tRPC', () => {
    for (const url of [
      '/trpc/catalogue.availability',
      '/trpc/catalogue.clinic,catalogue.paymentMethods?batch=1&input=%7B%7D',
      '/trpc/catalogue.clinic,catalogue.services', // two calls without batch=1
      `/trpc/catalogue.doctors?input=${q({ serviceId: 'nope' })}`,
      '/trpc/catalogue.doctors',
      '/trpc/catalogue.clinic?batch=1&input=not-json',
      '/trpc/catalogue.clinic?batch=1&input=5',
      `/trpc/catalogue.doctors?batch=1&input=${q({ 0: { serviceId: SERVICE } })}?x`,
      '/trpc/constructor',
    ]) {
      expect(parseCatalogueCall(url), url).toBeNull();
    }
  });
});

describe('If-None-Match', () => {
  it('matches the ETag among others, weak or strong, and *', () => {
    expect(etagMatches('"a"', '"a"')).toBe(true);
    expect(etagMatches('"x", W/"a"', '"a"')).toBe(true);
    expect(etagMatches('*', '"a"')).toBe(true);
    expect(etagMatches('"ab"', '"a"')).toBe(false);
    expect(etagMatches(undefined, '"a"')).toBe(false);
  });
});
