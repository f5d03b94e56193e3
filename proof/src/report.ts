/** What a proof part returns: checks that must all hold, and figures that are only reported. */
export type Scale = 'full' | 'ci';

export interface Check {
  /** What must hold, as a sentence: "every declined booking is cancelled". */
  name: string;
  ok: boolean;
  /** The counts behind the verdict, e.g. "0 of 412 differ". */
  detail?: string;
}

export interface PartResult {
  checks: Check[];
  /** Markdown tables or lines of figures, printed and written to docs/PROOF.md as they are. */
  figures: string[];
  /** What the run did, in a sentence or two (sizes, faults, settings). */
  setup: string;
}

export interface ProofPart {
  /** Short name used on the command line: `pnpm proof chaos`. */
  name: string;
  title: string;
  run(scale: Scale): Promise<PartResult>;
}

export function check(name: string, ok: boolean, detail?: string): Check {
  return detail === undefined ? { name, ok } : { name, ok, detail };
}

/** A markdown table from a header row and rows of cells. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function renderPart(part: ProofPart, result: PartResult, seconds: number): string {
  const checks = result.checks.map(
    (c) => `- ${c.ok ? '✔' : '✘ **FAILED**'} ${c.name}${c.detail ? ` (${c.detail})` : ''}`,
  );
  return [
    `## ${part.title}`,
    '',
    `${result.setup} Ran in ${seconds.toFixed(0)} s.`,
    '',
    ...checks,
    '',
    ...result.figures.flatMap((f) => [f, '']),
  ].join('\n');
}
