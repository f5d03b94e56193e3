import { callsTo } from '@clinicpay/react-test-harness';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appointmentDetail } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { CancelAppointmentDialog } from './cancel-appointment-dialog.js';

const partlyByPolicy = appointmentDetail({ policyRefund: { percent: 50, amount: 3000 } });

function renderDialog(role: 'manager' | 'front_desk') {
  return renderWithApi(
    <CancelAppointmentDialog
      appointment={partlyByPolicy}
      isOpen
      onOpenChange={() => undefined}
      onCancelled={() => undefined}
    />,
    {
      'admin.appointments.cancel': () => ({
        refund: null,
        appointment: { ...partlyByPolicy, status: 'cancelled' },
      }),
    },
    { role },
  );
}

describe('cancelling a paid appointment', () => {
  it("gives the front desk the booking's policy refund and nothing else", async () => {
    const view = renderDialog('front_desk');
    expect(
      await screen.findByText(
        "Under the booking's cancellation policy, $30.00 (50%) goes back to the card.",
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel and refund $30.00' }));
    await screen.findByRole('button', { name: /Cancel and refund/ });
    expect(callsTo(view.calls, 'admin.appointments.cancel')).toEqual([
      { appointmentId: partlyByPolicy.id, refund: 'policy' },
    ]);
  });

  it('lets a Manager choose the policy refund (first), all of it, or keeping it with a reason', async () => {
    const view = renderDialog('manager');
    const policy = await screen.findByRole('radio', {
      name: /Refund by the policy: \$30.00 \(50%\)/,
    });
    expect((policy as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('radio', { name: /Refund all \$60.00/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel and refund $60.00' }));
    await userEvent.click(screen.getByRole('radio', { name: /Keep the payment/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel the appointment' }));
    expect(
      await screen.findByText('Give a reason for keeping the payment, or cancel with a refund.'),
    ).toBeTruthy();
    expect(callsTo(view.calls, 'admin.appointments.cancel')).toEqual([
      { appointmentId: partlyByPolicy.id, refund: 'full' },
    ]);
  });
});
