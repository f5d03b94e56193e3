import type { Check } from '../report.js';
import type { Row } from './row.js';

/** What one benchmark adds to the part: its rows, the checks that it really ran, and its setup. */
export interface Section {
  rows: Row[];
  checks: Check[];
  setup: string;
}

/** "n of m" for a check's detail. */
export const counted = (done: number, asked: number) =>
  `${done.toLocaleString('en-US')} of ${asked.toLocaleString('en-US')}`;
