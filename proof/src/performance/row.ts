// One line of the performance table: a figure measured R times, beside its baseline measured in
// the same run, their ratio, and the target where one exists.
import { table } from '../report.js';

export interface Row {
  what: string;
  unit: '/s' | 'ms' | 's' | 'MB';
  /** One value per run. */
  values: number[];
  baseline?: { what: string; values: number[] };
  /** A target on the figure's median or on the ratio, in words, and whether it was met. */
  target?: { text: string; met: (figure: number, ratio: number | undefined) => boolean };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** figure ÷ baseline, by medians; undefined for a row without a baseline. */
export function ratioOf(row: Row): number | undefined {
  return row.baseline ? median(row.values) / median(row.baseline.values) : undefined;
}

export function targetVerdict(row: Row): 'met' | 'missed' | undefined {
  if (!row.target) return undefined;
  return row.target.met(median(row.values), ratioOf(row)) ? 'met' : 'missed';
}

function amount(value: number, unit: Row['unit']): string {
  const digits = unit === '/s' || value >= 100 ? 0 : unit === 's' || value >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return unit === '/s' ? `${text}/s` : `${text} ${unit}`;
}

function spread(values: number[], unit: Row['unit']): string {
  const figure = amount(median(values), unit);
  if (values.length < 2) return figure;
  return `${figure} (${amount(Math.min(...values), unit)}–${amount(Math.max(...values), unit)})`;
}

export function renderRows(rows: Row[]): string {
  return table(
    [
      'what',
      'figure: median (min–max)',
      'baseline in the same run: median',
      'ratio',
      'target',
      'met?',
    ],
    rows.map((row) => {
      const ratio = ratioOf(row);
      const verdict = targetVerdict(row);
      return [
        row.what,
        spread(row.values, row.unit),
        row.baseline
          ? `${row.baseline.what}: ${amount(median(row.baseline.values), row.unit)}`
          : '—',
        ratio === undefined ? '—' : ratio.toFixed(2),
        row.target?.text ?? 'none set',
        verdict === undefined ? '—' : verdict === 'met' ? 'met' : '**MISSED**',
      ];
    }),
  );
}
