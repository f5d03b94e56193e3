// The set-up the patient browser tests share: one patient stack for the file, and the pages its
// tests open, all closed after the file's tests whether they passed or not.
import { lateBound } from '@clinicpay/testing';
import { afterAll, beforeAll } from 'vitest';
import { openPatient, WIDTHS, type PatientPage } from './booking-page.js';
import { startPatientStack, type PatientStack } from './patient-stack.js';

export interface PatientSuite extends PatientStack {
  /** Opens the SPA, or `path` in it, in a fresh browser context that is closed after the file. */
  openPatient(options?: { width?: number; path?: string }): Promise<PatientPage>;
}

export function usePatientStack(options: { env?: Record<string, string> } = {}): PatientSuite {
  let started: PatientSuite | undefined;
  const open: PatientPage[] = [];
  beforeAll(async () => {
    const stack = await startPatientStack(options);
    started = {
      ...stack,
      async openPatient({ width = WIDTHS.desktop, path = '' } = {}) {
        const p = await openPatient(stack.browser, `${stack.spaUrl}${path}`, width);
        open.push(p);
        return p;
      },
    };
  });
  afterAll(async () => {
    for (const p of open) await p.close().catch(() => undefined);
    await started?.stop();
  });
  return lateBound(() => started, 'The patient stack');
}
