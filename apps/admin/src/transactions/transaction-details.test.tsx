import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { transactionDetail } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { TransactionDetails } from './transaction-details.js';

describe('a transaction’s details', () => {
  it('tells the admin in words when a refund failed and the money stayed with the clinic', async () => {
    renderWithApi(
      <TransactionDetails
        transaction={transactionDetail({ flaggedReason: 'refund_failed' })}
        timeZone="America/New_York"
      />,
      {},
    );
    expect(await screen.findByText('Flagged for your attention')).toBeTruthy();
    expect(screen.getByText(/A refund failed at Stripe/)).toBeTruthy();
    expect(screen.queryByText('refund_failed')).toBeNull();
  });

  it('offers a refund to an Owner or a Manager, and not to the front desk', async () => {
    const transaction = transactionDetail();
    const details = <TransactionDetails transaction={transaction} timeZone="America/New_York" />;
    const manager = renderWithApi(details, {}, { role: 'manager' });
    expect(await screen.findByRole('heading', { name: 'Refund' })).toBeTruthy();
    manager.unmount();
    renderWithApi(details, {}, { role: 'front_desk' });
    expect(await screen.findByRole('heading', { name: 'Timeline' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Refund' })).toBeNull();
  });
});
