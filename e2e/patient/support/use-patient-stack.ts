// The set-up the patient browser tests share: one patient stack for the file, and the pages its
// tests open, all closed after the file's tests whether they passed or not.
import { afterAll, beforeAll } from 'vitest';
import { openPatient, WIDTHS, type PatientPage } from './booking-page.js';
import { startPatientStack, type PatientStack } from './patient-stack.js';

export interface PatientSuite extends PatientStack {
  /** Opens the SPA, or `path` in it, in a fresh browser context that is closed after the file. */
  openPatient(options?: { width?: number; path?: string }): Promise<PatientPage>;
}

export function usePatientStack(): PatientSuite {
  let started: PatientStack | undefined;
  const open: PatientPage[] = [];
  beforeAll(async () => {
    started = await startPatientStack();
  });
  afterAll(async () => {
    for (const p of open) await p.close().catch(() => undefined);
    await started?.stop();
  });
  const running = () => {
    if (!started) throw new Error('The patient stack is used before it started');
    return started;
  };
  return {
    get api() {
      return running().api;
    },
    get stripe() {
      return running().stripe;
    },
    get browser() {
      return running().browser;
    },
    get spaUrl() {
      return running().spaUrl;
    },
    urlOf: (name) => running().urlOf(name),
    advance: (seconds) => running().advance(seconds),
    stop: () => running().stop(),
    async openPatient({ width = WIDTHS.desktop, path = '' } = {}) {
      const p = await openPatient(running().browser, `${running().spaUrl}${path}`, width);
      open.push(p);
      return p;
    },
  };
}
