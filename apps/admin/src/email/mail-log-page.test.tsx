import { apiError, callsTo, routerProbe, type Handlers } from '@clinicpay/react-test-harness';
import { ToastArea } from '@clinicpay/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CLINIC, mailRow } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { toasts } from '../toasts.js';
import { MailLogPage } from './mail-log-page.js';

const FAILED_ID = '6e1d0000-0000-4000-8000-000000000002';
const BOUNCE = '550 5.1.1 No such user';

function renderLog(handlers: Handlers, path = '/email/log') {
  return renderWithApi(
    <>
      <MailLogPage />
      <ToastArea queue={toasts} />
    </>,
    { 'catalogue.clinic': () => CLINIC, ...handlers },
    { path, route: '/email/log' },
  );
}

const table = () => screen.getByRole('table', { name: /^E-mail messages/ });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);
const rowOf = (text: string) => bodyRows().find((row) => row.textContent?.includes(text))!;

describe('the e-mail log', () => {
  afterEach(() => toasts.clear());

  it('shows each message in the clinic’s words: when, to whom, what, which booking, how it went', async () => {
    renderLog({
      'admin.mail.list': () => ({
        rows: [
          mailRow(),
          mailRow({
            id: '6e1d0000-0000-4000-8000-000000000003',
            kind: 'appointment_reminder',
            recipient: 'grace@example.com',
            status: 'dropped',
            dropReason: 'booking_cancelled',
            attempts: 0,
          }),
          mailRow({
            id: '6e1d0000-0000-4000-8000-000000000004',
            kind: 'clinic_new_booking',
            audience: 'clinic',
            recipient: 'reception@riverside-clinic.example',
            status: 'pending',
          }),
          mailRow({
            id: '6e1d0000-0000-4000-8000-000000000005',
            kind: 'refund_sent',
            status: 'dropped',
            dropReason: 'expired',
          }),
          mailRow({
            id: '6e1d0000-0000-4000-8000-000000000006',
            kind: 'test_message',
            recipient: 'owner@riverside-clinic.example',
            status: 'dropped',
            dropReason: 'smtp_gone_fishing',
            appointmentId: null,
            reference: null,
          }),
        ],
        nextCursor: null,
      }),
    });
    await screen.findByText('grace@example.com');
    const [confirmed, reminder, notice, refund, test] = bodyRows().map((row) => row.textContent);
    expect(confirmed).toContain('Nov 20, 2026, 10:00 AM'); // the clinic's time, not UTC
    expect(confirmed).toContain('Booking confirmed');
    expect(confirmed).toContain('Sent');
    expect(reminder).toContain('Reminder');
    expect(reminder).toContain('Dropped');
    expect(reminder).toContain('Booking was cancelled');
    expect(notice).toContain('New booking (clinic)');
    expect(notice).toContain('Pending');
    expect(refund).toContain('Refund sent');
    expect(refund).toContain('Expired before it could go');
    expect(test).toContain('Test e-mail');
    expect(test).toContain('smtp_gone_fishing');
    expect(
      within(rowOf('ada@example.com'))
        .getByRole('link', { name: 'CP-7KQ2M9XD' })
        .getAttribute('href'),
    ).toBe('/appointments/9a1d0000-0000-4000-8000-0000000000a1');
    expect(within(rowOf('ada@example.com')).queryByRole('button', { name: /^Resend/ })).toBeNull();
    expect(
      within(rowOf('grace@example.com')).getByRole('button', { name: /^Resend/ }),
    ).toBeTruthy();
  });

  it('shows a failed message with its error, and Resend sends it again and shows the log anew', async () => {
    let resent = false;
    const { calls } = renderLog({
      'admin.mail.list': () => ({
        rows: [
          mailRow({
            id: FAILED_ID,
            recipient: 'bounce@example.com',
            status: resent ? 'pending' : 'failed',
            lastError: BOUNCE,
            sentAt: null,
          }),
        ],
        nextCursor: null,
      }),
      'admin.mail.resend': () => {
        resent = true;
        return { resent: true };
      },
    });
    await screen.findByText('bounce@example.com');
    const row = rowOf('bounce@example.com');
    expect(within(row).getByText('Failed')).toBeTruthy();
    expect(within(row).getAllByText(BOUNCE).length).toBeGreaterThan(0);
    await userEvent.click(
      within(row).getByRole('button', { name: 'Resend Booking confirmed to bounce@example.com' }),
    );
    await waitFor(() =>
      expect(callsTo(calls, 'admin.mail.resend')).toEqual([{ mailId: FAILED_ID }]),
    );
    expect(
      await within(screen.getByRole('region', { name: /Notifications/ })).findByText(
        'Queued to send again',
      ),
    ).toBeTruthy();
    await waitFor(() =>
      expect(within(rowOf('bounce@example.com')).getByText('Pending')).toBeTruthy(),
    );
    expect(callsTo(calls, 'admin.mail.list')).toHaveLength(2);
  });

  it('says why a Resend was refused', async () => {
    const message =
      'Only a message that failed or was dropped can be sent again; this one is sent or on its way.';
    renderLog({
      'admin.mail.list': () => ({
        rows: [mailRow({ id: FAILED_ID, status: 'failed', lastError: BOUNCE })],
        nextCursor: null,
      }),
      'admin.mail.resend': () => {
        throw apiError('mail_not_resendable', message, null, 'CONFLICT', 409);
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: /^Resend/ }));
    const notifications = screen.getByRole('region', { name: /Notifications/ });
    expect(await within(notifications).findByText('Not sent again')).toBeTruthy();
    expect(within(notifications).getByText(message)).toBeTruthy();
  });

  it('filters on a status through the address bar', async () => {
    const { calls } = renderLog({
      'admin.mail.list': () => ({ rows: [mailRow()], nextCursor: null }),
    });
    await screen.findByText('ada@example.com');
    expect(callsTo(calls, 'admin.mail.list')[0]).toEqual({ limit: 50 });
    await userEvent.click(screen.getByRole('button', { name: /Status$/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Failed' }));
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(routerProbe.location).toBe('/email/log?status=failed'));
    await waitFor(() =>
      expect(callsTo(calls, 'admin.mail.list').at(-1)).toEqual({ status: 'failed', limit: 50 }),
    );
  });

  it('starts filtered from a link, and says when the filter leaves nothing', async () => {
    const { calls } = renderLog(
      { 'admin.mail.list': () => ({ rows: [], nextCursor: null }) },
      '/email/log?status=failed',
    );
    expect(await screen.findByText('No messages match this filter.')).toBeTruthy();
    expect(callsTo(calls, 'admin.mail.list')[0]).toEqual({ status: 'failed', limit: 50 });
    await userEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    await waitFor(() => expect(routerProbe.location).toBe('/email/log'));
  });
});
