import {
  apiError,
  callsTo,
  pending,
  routerProbe,
  type Handlers,
} from '@clinicpay/react-test-harness';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CLINIC, EMPTY_SUMMARY, transactionRow } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { TransactionsPage } from './transactions-page.js';

function renderPage(handlers: Handlers, path = '/transactions') {
  return renderWithApi(
    <TransactionsPage />,
    {
      'catalogue.clinic': () => CLINIC,
      'admin.transactions.summary': () => EMPTY_SUMMARY,
      ...handlers,
    },
    { path, route: '/transactions' },
  );
}

const table = () => screen.getByRole('table', { name: /^Transactions/ });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);

describe('the transactions table', () => {
  it('shows skeleton rows, announced once, while the first page loads', async () => {
    renderPage({ 'admin.transactions.list': pending });
    const loading = await screen.findByText('Loading transactions…');
    expect(loading.getAttribute('role')).toBe('status');
    expect(loading.parentElement?.getAttribute('aria-busy')).toBe('true');
    expect(bodyRows()).toHaveLength(5);
    expect(within(table()).queryByRole('link')).toBeNull();
  });

  it('says when the clinic has no transactions yet', async () => {
    renderPage({ 'admin.transactions.list': () => ({ rows: [], nextCursor: null }) });
    expect(await screen.findByText('No transactions yet.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: /^Transactions/ })).toBeNull();
  });

  it('says when only the filters leave nothing, and clears them', async () => {
    renderPage(
      { 'admin.transactions.list': () => ({ rows: [], nextCursor: null }) },
      '/transactions?status=refunded&q=nobody',
    );
    expect(await screen.findByText('No transactions match these filters.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Clear all filters' }));
    await waitFor(() => expect(routerProbe.location).toBe('/transactions'));
  });

  it('shows an error with the API’s sentence and a retry', async () => {
    let fail = true;
    renderPage({
      'admin.transactions.list': () => {
        if (fail)
          throw apiError(
            null,
            'Something went wrong on our side. Please try again in a moment.',
            null,
            'INTERNAL_SERVER_ERROR',
            500,
          );
        return { rows: [transactionRow()], nextCursor: null };
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The transactions could not be loaded.');
    expect(alert.textContent).toContain('Something went wrong on our side.');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: /Ada Lovelace/ })).toBeTruthy();
  });

  it('shows each row with its status badge and its amount in its own currency', async () => {
    renderPage({
      'admin.transactions.list': () => ({
        rows: [
          transactionRow(),
          transactionRow({
            id: '9a1d0000-0000-4000-8000-000000000002',
            status: 'partially_refunded',
            amountRefunded: 2500,
            patient: { name: 'Grace Hopper', email: 'grace@example.com' },
          }),
          transactionRow({
            id: '9a1d0000-0000-4000-8000-000000000003',
            status: 'due_at_clinic',
            gateway: 'pay_at_clinic',
            mode: null,
            amount: { amount: 5000, currency: 'jpy' },
            patient: { name: 'Kenji Sato', email: 'kenji@example.com' },
          }),
          transactionRow({
            id: '9a1d0000-0000-4000-8000-000000000004',
            disputeStatus: 'needs_response',
            patient: { name: 'Alan Turing', email: 'alan@example.com' },
          }),
        ],
        nextCursor: null,
      }),
    });
    await screen.findByRole('link', { name: /Ada Lovelace/ });
    const [ada, grace, kenji, alan] = bodyRows().map((row) => row.textContent);
    expect(ada).toContain('Completed');
    expect(ada).toContain('$60.00');
    expect(ada).toContain('Nov 20, 2026, 10:00 AM'); // the clinic's time, not UTC
    expect(grace).toContain('Partially refunded');
    expect(grace).toContain('$25.00 refunded');
    expect(kenji).toContain('Due at clinic');
    expect(kenji).toContain('¥5,000');
    expect(kenji).toContain('Pay at clinic');
    expect(alan).toContain('Disputed');
    expect(screen.getByRole('link', { name: /Ada Lovelace/ }).getAttribute('href')).toBe(
      '/transactions/9a1d0000-0000-4000-8000-000000000001',
    );
  });

  it('sorts through the API: newest first, then by amount', async () => {
    const { calls } = renderPage({
      'admin.transactions.list': () => ({ rows: [transactionRow()], nextCursor: null }),
    });
    await screen.findByRole('link', { name: /Ada Lovelace/ });
    const dateHeader = screen.getByRole('columnheader', { name: /Date/ });
    expect(dateHeader.getAttribute('aria-sort')).toBe('descending');
    expect(callsTo(calls, 'admin.transactions.list')[0]).toMatchObject({
      sort: 'created_at',
      direction: 'desc',
      limit: 25,
    });
    await userEvent.click(screen.getByRole('button', { name: /Amount/ }));
    await waitFor(() => expect(routerProbe.location).toBe('/transactions?sort=amount'));
    await waitFor(() =>
      expect(callsTo(calls, 'admin.transactions.list').at(-1)).toMatchObject({
        sort: 'amount',
        direction: 'desc',
      }),
    );
    expect(screen.getByRole('columnheader', { name: /Amount/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    await userEvent.click(screen.getByRole('button', { name: /Amount/ }));
    await waitFor(() =>
      expect(callsTo(calls, 'admin.transactions.list').at(-1)).toMatchObject({
        sort: 'amount',
        direction: 'asc',
      }),
    );
  });

  it('pages with the API’s cursor, and back', async () => {
    const { calls } = renderPage({
      'admin.transactions.list': (input) =>
        (input as { cursor?: string }).cursor
          ? {
              rows: [
                transactionRow({
                  id: '9a1d0000-0000-4000-8000-000000000009',
                  patient: { name: 'Page Two', email: 'two@example.com' },
                }),
              ],
              nextCursor: null,
            }
          : { rows: [transactionRow()], nextCursor: 'sealed-cursor-1' },
    });
    await screen.findByRole('link', { name: /Ada Lovelace/ });
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: /Page Two/ })).toBeTruthy();
    expect(callsTo(calls, 'admin.transactions.list').at(-1)).toMatchObject({
      cursor: 'sealed-cursor-1',
    });
    expect(screen.getByRole('button', { name: 'Next page' }).hasAttribute('disabled')).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('link', { name: /Ada Lovelace/ })).toBeTruthy();
  });

  it('applies the filters in the clinic’s terms and exports exactly what they match', async () => {
    const { calls } = renderPage({
      'admin.transactions.list': () => ({ rows: [transactionRow()], nextCursor: null }),
    });
    await screen.findByRole('link', { name: /Ada Lovelace/ });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'Ada{Enter}');
    await waitFor(() => expect(routerProbe.location).toBe('/transactions?q=Ada'));
    await waitFor(() =>
      expect(callsTo(calls, 'admin.transactions.list').at(-1)).toMatchObject({ search: 'Ada' }),
    );
    expect(callsTo(calls, 'admin.transactions.summary').at(-1)).toEqual({ search: 'Ada' });
    const href = screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')!;
    expect(JSON.parse(new URL(href, 'http://x').searchParams.get('input')!)).toEqual({
      search: 'Ada',
      sort: 'created_at',
      direction: 'desc',
    });
  });

  it('filters by dispute from the drop-down, in the address bar, the list, the summary and the export', async () => {
    const { calls } = renderPage({
      'admin.transactions.list': () => ({ rows: [transactionRow()], nextCursor: null }),
    });
    await screen.findByRole('link', { name: /Ada Lovelace/ });
    await userEvent.click(screen.getByText('More filters'));
    await userEvent.click(screen.getByRole('button', { name: /Dispute$/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Open disputes' }));
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(routerProbe.location).toBe('/transactions?dispute=open'));
    await waitFor(() =>
      expect(callsTo(calls, 'admin.transactions.list').at(-1)).toMatchObject({ dispute: 'open' }),
    );
    expect(callsTo(calls, 'admin.transactions.summary').at(-1)).toEqual({ dispute: 'open' });
    const href = screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')!;
    expect(JSON.parse(new URL(href, 'http://x').searchParams.get('input')!)).toEqual({
      dispute: 'open',
      sort: 'created_at',
      direction: 'desc',
    });
  });

  it('shows a dispute filter from a link as chosen, and asks for it', async () => {
    const { calls } = renderPage(
      { 'admin.transactions.list': () => ({ rows: [transactionRow()], nextCursor: null }) },
      '/transactions?dispute=any',
    );
    await screen.findByRole('link', { name: /Ada Lovelace/ });
    expect(screen.getByRole('button', { name: /Dispute$/ }).textContent).toContain('Any dispute');
    expect(screen.getByText('More filters (1 on)')).toBeTruthy();
    expect(callsTo(calls, 'admin.transactions.list')[0]).toMatchObject({ dispute: 'any' });
  });

  it('refuses an amount the currency cannot have, on its field', async () => {
    const { calls } = renderPage({
      'admin.transactions.list': () => ({ rows: [transactionRow()], nextCursor: null }),
    });
    await screen.findByRole('link', { name: /Ada Lovelace/ });
    await userEvent.click(screen.getByText('More filters'));
    await userEvent.type(screen.getByLabelText('Smallest amount (USD)'), '10.505');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Smallest amount (USD)').getAttribute('aria-invalid')).toBe(
        'true',
      ),
    );
    expect(screen.getByText('Enter an amount like 25.00.')).toBeTruthy();
    expect(callsTo(calls, 'admin.transactions.list')).toHaveLength(1);
  });
});
