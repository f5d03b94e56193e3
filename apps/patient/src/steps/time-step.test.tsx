import { datesBetween } from '@clinicpay/contracts';
import { pending } from '@clinicpay/react-test-harness';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AvailabilityInput } from '@clinicpay/contracts';
import { CLINIC, SERVICES } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { harness } from '../test/step-harness.js';
import { initialWizardState, type WizardState } from '../wizard/wizard-state.js';
import { TimeStep } from './time-step.js';

const base: WizardState = {
  ...initialWizardState,
  step: 'time',
  serviceId: SERVICES[0]!.id,
  doctorId: 'any',
};

// 9:00 and 9:30 in New York (UTC-5 in early March) on the 4th; nothing before; 10:00 on the 12th.
const FREE: Record<string, string[]> = {
  '2030-03-04': ['2030-03-04T14:00:00.000Z', '2030-03-04T14:30:00.000Z'],
  '2030-03-12': ['2030-03-12T14:00:00.000Z'],
};

function availability(free: Record<string, string[]>) {
  return (input: unknown) => {
    const { from, to } = input as AvailabilityInput;
    return {
      timeZone: CLINIC.timeZone,
      days: datesBetween(from, to).map((date) => ({
        date,
        slots: (free[date] ?? []).map((startsAt) => ({
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
          doctorIds: ['d1'],
        })),
      })),
    };
  };
}

function renderStep(state: WizardState, handlers: Parameters<typeof renderWithApi>[1]) {
  const { element, actions } = harness(TimeStep, state);
  return { ...renderWithApi(element, { 'catalogue.clinic': () => CLINIC, ...handlers }), actions };
}

describe('TimeStep', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2030-03-01T15:00:00Z'), toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("says the times are the clinic's, and asks for this month from today", async () => {
    const { calls } = renderStep(base, { 'catalogue.availability': pending });
    expect(await screen.findByText(/Times are in the clinic’s time zone/)).toBeTruthy();
    expect(screen.getByText('Eastern Time')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Loading free times…');
    await waitFor(() =>
      expect(calls.find((c) => c.path === 'catalogue.availability')?.input).toEqual({
        serviceId: SERVICES[0]!.id,
        doctorId: 'any',
        from: '2030-03-01',
        to: '2030-03-31',
      }),
    );
  });

  it('marks free days, opens on the first one and lists its times in the clinic zone', async () => {
    const { actions } = renderStep(base, { 'catalogue.availability': availability(FREE) });
    const times = await screen.findByRole('region', { name: 'Free times on Monday, March 4' });
    expect([...times.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      '9:00 AM',
      '9:30 AM',
    ]);
    expect(actions[0]).toEqual({ type: 'chooseDate', date: '2030-03-04' });
    // Days without free times are unavailable; the free ones are not.
    const grid = screen.getByRole('grid');
    const cell = (day: string) =>
      [...grid.querySelectorAll('[role="button"], td [aria-disabled]')].find(
        (el) => el.textContent === day,
      );
    expect(cell('5')?.getAttribute('aria-disabled')).toBe('true');
    expect(cell('12')?.getAttribute('aria-disabled')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: '9:30 AM' }));
    expect(actions.at(-1)).toEqual({
      type: 'chooseSlot',
      slot: { startsAt: '2030-03-04T14:30:00.000Z', endsAt: '2030-03-04T15:00:00.000Z' },
    });
  });

  it('opens with the message when the chosen time was just taken', async () => {
    renderStep(
      { ...base, notice: 'This time was just taken; please pick another.' },
      { 'catalogue.availability': availability(FREE) },
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This time was just taken; please pick another.',
    );
  });

  it('offers the next month when this one has no free time', async () => {
    const { calls } = renderStep(base, { 'catalogue.availability': availability({}) });
    expect(await screen.findByText('No free times in March.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show the next month' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.path === 'catalogue.availability').at(-1)?.input).toMatchObject({
        from: '2030-04-01',
        to: '2030-04-30',
      }),
    );
  });

  it('shows an error that says what to do', async () => {
    renderStep(base, {
      'catalogue.availability': () => {
        throw new Error('offline');
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      "We couldn't load the free times.",
    );
  });
});
