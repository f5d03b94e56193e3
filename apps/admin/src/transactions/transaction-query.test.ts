import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  parseTransactionQuery,
  toApiFilters,
  transactionSearchParams,
} from './transaction-query.js';

describe('the transactions query in the address bar', () => {
  it('reads and writes the same query, leaving defaults out', () => {
    const params = new URLSearchParams(
      'q=Ada&status=completed,refunded&gateway=stripe&mode=test&dispute=open&from=2026-11-01&to=2026-11-30&min=10.00&sort=amount&dir=asc',
    );
    const query = parseTransactionQuery(params);
    expect(query).toEqual({
      search: 'Ada',
      status: ['completed', 'refunded'],
      gateway: 'stripe',
      mode: 'test',
      dispute: 'open',
      from: '2026-11-01',
      to: '2026-11-30',
      min: '10.00',
      max: null,
      sort: 'amount',
      direction: 'asc',
    });
    expect(transactionSearchParams(query).toString()).toBe(params.toString());
    expect(activeFilterCount(query)).toBe(8);
    expect(transactionSearchParams(parseTransactionQuery(new URLSearchParams())).toString()).toBe(
      '',
    );
  });

  it('ignores what it does not understand', () => {
    const query = parseTransactionQuery(
      new URLSearchParams(
        'status=completed,stolen&gateway=paypal&dispute=closed&from=yesterday&min=-5&sort=name',
      ),
    );
    expect(query).toMatchObject({
      status: ['completed'],
      gateway: null,
      dispute: null,
      from: null,
      min: null,
      sort: 'created_at',
    });
  });

  it('asks the API in instants of the clinic’s days and in minor units', () => {
    const query = parseTransactionQuery(
      new URLSearchParams('from=2026-11-01&to=2026-11-30&min=10.50&max=5000'),
    );
    expect(toApiFilters(query, 'America/New_York', 'USD')).toEqual({
      from: '2026-11-01T04:00:00.000Z', // midnight in New York, summer time
      to: '2026-12-01T05:00:00.000Z', // the day after the last one, winter time
      amountMin: 1050,
      amountMax: 500000,
    });
    expect(
      toApiFilters(parseTransactionQuery(new URLSearchParams('min=5000')), 'Asia/Tokyo', 'JPY'),
    ).toEqual({ amountMin: 5000 });
  });

  it('asks the API for disputed payments, any or only open ones', () => {
    expect(
      toApiFilters(parseTransactionQuery(new URLSearchParams('dispute=any')), 'UTC', 'USD'),
    ).toEqual({ dispute: 'any' });
    expect(
      toApiFilters(
        parseTransactionQuery(new URLSearchParams('dispute=open&gateway=stripe')),
        'UTC',
        'USD',
      ),
    ).toEqual({ gateway: 'stripe', dispute: 'open' });
  });
});
