import { pending } from '@clinicpay/react-test-harness';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SERVICES } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { prefetchSteps } from '../wizard/lazy-steps.js';
import { initialWizardState } from '../wizard/wizard-state.js';
import { ServiceStep } from './service-step.js';

vi.mock('../wizard/lazy-steps.js', () => ({ prefetchSteps: vi.fn() }));

describe('ServiceStep', () => {
  it('shows a loading region while the services load', () => {
    renderWithApi(<ServiceStep state={initialWizardState} dispatch={vi.fn()} />, {
      'catalogue.services': pending,
    });
    expect(screen.getByRole('status').textContent).toBe('Loading services…');
  });

  it("asks for the later steps' code once the list can be used, not while it loads", async () => {
    vi.mocked(prefetchSteps).mockClear();
    let answer: (services: typeof SERVICES) => void = () => undefined;
    renderWithApi(<ServiceStep state={initialWizardState} dispatch={vi.fn()} />, {
      'catalogue.services': () => new Promise((resolve) => (answer = resolve)),
    });
    await screen.findByRole('status');
    expect(prefetchSteps).not.toHaveBeenCalled();
    answer(SERVICES);
    await screen.findByRole('button', { name: /General consultation/ });
    expect(prefetchSteps).toHaveBeenCalledTimes(1);
  });

  it('lists each service with its duration and formatted price, and chooses one', async () => {
    const dispatch = vi.fn();
    renderWithApi(<ServiceStep state={initialWizardState} dispatch={dispatch} />, {
      'catalogue.services': () => SERVICES,
    });
    const consultation = await screen.findByRole('button', { name: /General consultation/ });
    expect(consultation.textContent).toContain('30 min');
    expect(consultation.textContent).toContain('$60.00');
    expect(screen.getByRole('button', { name: /Follow-up call/ }).textContent).toContain('Free');
    await userEvent.click(consultation);
    expect(dispatch).toHaveBeenCalledWith({ type: 'chooseService', serviceId: SERVICES[0]!.id });
  });

  it('marks the service chosen earlier', async () => {
    renderWithApi(
      <ServiceStep
        state={{ ...initialWizardState, serviceId: SERVICES[0]!.id }}
        dispatch={vi.fn()}
      />,
      {
        'catalogue.services': () => SERVICES,
      },
    );
    expect(
      (await screen.findByRole('button', { name: /General consultation/ })).getAttribute(
        'aria-current',
      ),
    ).toBe('true');
    expect(
      screen.getByRole('button', { name: /Follow-up call/ }).getAttribute('aria-current'),
    ).toBeNull();
  });

  it('says what to do when there is nothing to book', async () => {
    renderWithApi(<ServiceStep state={initialWizardState} dispatch={vi.fn()} />, {
      'catalogue.services': () => [],
    });
    expect(
      await screen.findByText('No services are open for online booking right now.'),
    ).toBeTruthy();
    expect(screen.getByText(/call the clinic/)).toBeTruthy();
  });

  it('offers a retry after an error, and recovers', async () => {
    let fail = true;
    renderWithApi(<ServiceStep state={initialWizardState} dispatch={vi.fn()} />, {
      'catalogue.services': () => {
        if (fail) throw new Error('offline');
        return SERVICES;
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("We couldn't load the services.");
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /General consultation/ })).toBeTruthy(),
    );
  });
});
