import { apiError, callsTo, type Handlers } from '@clinicpay/react-test-harness';
import { ToastArea } from '@clinicpay/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLINIC, mailSettings } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { toasts } from '../toasts.js';
import { EmailPage } from './email-page.js';

const MAIL_OFF =
  'E-mail is off: set SMTP_URL (and MAIL_FROM) on the API and restart it, then send the test again.';

function renderPage(handlers: Handlers = {}) {
  return renderWithApi(
    <>
      <EmailPage />
      <ToastArea queue={toasts} />
    </>,
    {
      'admin.mail.settings': () => mailSettings(),
      'admin.mail.list': () => ({ rows: [], nextCursor: null }),
      ...handlers,
    },
    { path: '/email', route: '/email' },
  );
}

/** The text an input is described by (hint and error), as a screen reader reads it. */
const describedBy = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

const settingsForm = () => screen.getByRole('form', { name: 'Settings' });
const notifications = () => screen.getByRole('region', { name: /Notifications/ });

describe('the E-mail page', () => {
  // One toast queue for the app: a toast of one test must not answer for the next.
  afterEach(() => toasts.clear());

  it('says e-mail is off, and what to set, when the API has no SMTP_URL', async () => {
    renderPage({ 'admin.mail.settings': () => mailSettings({ sending: 'off' }) });
    const notice = (await screen.findByText('E-mail is off: SMTP_URL is not set on the API.'))
      .parentElement!;
    expect(notice.textContent).toContain('dropped when its moment passes');
    expect(notice.textContent).toContain('MAIL_FROM');
    expect(notice.textContent).toContain('restart the API');
  });

  it('says nothing of it while e-mail is on', async () => {
    renderPage();
    await screen.findByRole('form', { name: 'Settings' });
    expect(screen.queryByText(/E-mail is off/)).toBeNull();
    expect(screen.queryByText(/could not be sent/)).toBeNull();
  });

  it('shows what an empty field falls back to: the default sender and the contact e-mail', async () => {
    renderPage();
    const address = await screen.findByLabelText<HTMLInputElement>('Sender address');
    expect(address.placeholder).toBe('bookings@riverside-clinic.example');
    expect(describedBy(address)).toContain('Empty: bookings@riverside-clinic.example');
    expect(describedBy(screen.getByLabelText('Sender name'))).toContain(
      'Empty: “Riverside Family Clinic”',
    );
    expect(describedBy(screen.getByLabelText('Clinic notices go to'))).toContain(
      `Empty: the clinic's contact e-mail, ${CLINIC.contactEmail}.`,
    );
  });

  it('saves reminders off and the notice addresses as a list, with a toast', async () => {
    const { calls } = renderPage({
      'admin.mail.saveSettings': () =>
        mailSettings({
          senderName: 'Riverside Front Desk',
          remindersOn: false,
          noticeEmails: ['manager@riverside-clinic.example', 'owner@riverside-clinic.example'],
        }),
    });
    await userEvent.type(await screen.findByLabelText('Sender name'), 'Riverside Front Desk');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Send reminders' }));
    expect(screen.getByLabelText('Hours before the appointment').hasAttribute('disabled')).toBe(
      true,
    );
    await userEvent.type(
      screen.getByLabelText('Clinic notices go to'),
      'manager@riverside-clinic.example\n owner@riverside-clinic.example, ',
    );
    await userEvent.click(within(settingsForm()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsTo(calls, 'admin.mail.saveSettings')).toHaveLength(1));
    expect(callsTo(calls, 'admin.mail.saveSettings')[0]).toEqual({
      senderName: 'Riverside Front Desk',
      senderAddress: '',
      remindersOn: false,
      reminderHoursBefore: 24,
      noticeEmails: ['manager@riverside-clinic.example', 'owner@riverside-clinic.example'],
    });
    expect(await within(notifications()).findByText('E-mail settings saved')).toBeTruthy();
    expect(within(notifications()).getByText('Reminders are off.')).toBeTruthy();
  });

  it('sends the hours typed while reminders are on', async () => {
    const { calls } = renderPage({
      'admin.mail.saveSettings': () => mailSettings({ reminderHoursBefore: 12 }),
    });
    const hours = await screen.findByLabelText('Hours before the appointment');
    await userEvent.clear(hours);
    await userEvent.type(hours, '12');
    await userEvent.click(within(settingsForm()).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(callsTo(calls, 'admin.mail.saveSettings')[0]).toMatchObject({
        remindersOn: true,
        reminderHoursBefore: 12,
      }),
    );
  });

  it('refuses hours outside 1–168 and a wrong notice address on their fields, without calling the API', async () => {
    const save = vi.fn();
    renderPage({ 'admin.mail.saveSettings': save });
    const hours = await screen.findByLabelText('Hours before the appointment');
    await userEvent.clear(hours);
    await userEvent.type(hours, '200');
    await userEvent.type(screen.getByLabelText('Clinic notices go to'), 'front-desk');
    await userEvent.click(within(settingsForm()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(hours.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(hours)).toContain('Enter a number of hours between 1 and 168 (a week).');
    expect(describedBy(screen.getByLabelText('Clinic notices go to'))).toContain(
      'Check “front-desk”. Enter each address for clinic notices with an @',
    );
    expect(document.activeElement).toBe(hours);
    expect(save).not.toHaveBeenCalled();
  });

  it('puts the API’s refusal of one notice address on the addresses field', async () => {
    const message =
      'This address cannot receive clinic notices: example.invalid has no mail server.';
    renderPage({
      'admin.mail.saveSettings': () => {
        throw apiError('invalid_input', message, [{ path: 'noticeEmails.1', message }]);
      },
    });
    const notices = await screen.findByLabelText('Clinic notices go to');
    await userEvent.type(notices, 'manager@riverside-clinic.example\nowner@example.invalid');
    await userEvent.click(within(settingsForm()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(describedBy(notices)).toContain(message));
    expect(notices.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(notices);
    expect(screen.queryByText('Nothing was saved.')).toBeNull();
  });

  it('queues a test e-mail to the contact e-mail, with a toast', async () => {
    const { calls } = renderPage({ 'admin.mail.sendTest': () => ({ queued: true }) });
    const to = await screen.findByLabelText<HTMLInputElement>('Send the test to');
    expect(to.value).toBe(CLINIC.contactEmail);
    await userEvent.click(screen.getByRole('button', { name: 'Send a test e-mail' }));
    await waitFor(() =>
      expect(callsTo(calls, 'admin.mail.sendTest')).toEqual([{ to: CLINIC.contactEmail }]),
    );
    expect(
      await within(notifications()).findByText(`Test e-mail queued for ${CLINIC.contactEmail}`),
    ).toBeTruthy();
  });

  it('shows the API’s sentence when a test e-mail cannot go because e-mail is off', async () => {
    renderPage({
      'admin.mail.settings': () => mailSettings({ sending: 'off' }),
      'admin.mail.sendTest': () => {
        throw apiError('mail_off', MAIL_OFF, null, 'PRECONDITION_FAILED', 412);
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Send a test e-mail' }));
    const form = screen.getByRole('form', { name: 'Send a test e-mail' });
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('The test e-mail was not sent.');
    expect(alert.textContent).toContain(MAIL_OFF);
  });

  it('links to the failed messages in the log when some could not be sent', async () => {
    renderPage({ 'admin.mail.settings': () => mailSettings({ failedCount: 2 }) });
    expect(await screen.findByText(/2 messages could not be sent/)).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'See them in the e-mail log' }).getAttribute('href'),
    ).toBe('/email/log?status=failed');
  });
});
