// Looks for every form of every secret in a body of text; reports what was found where.
import { formsOf, type Secret } from './fresh-secrets.js';

export interface Find {
  secret: string;
  form: string;
  where: string;
}

export interface ScanTally {
  finds: Find[];
  bytes: number;
  items: number;
}

export function newTally(): ScanTally {
  return { finds: [], bytes: 0, items: 0 };
}

export function scanText(
  tally: ScanTally,
  secrets: Secret[],
  text: string,
  where: string,
  options: { skip?: (secret: Secret) => boolean } = {},
): void {
  tally.bytes += Buffer.byteLength(text);
  tally.items += 1;
  for (const secret of secrets) {
    if (options.skip?.(secret)) continue;
    for (const { form, needle } of formsOf(secret)) {
      if (text.includes(needle)) tally.finds.push({ secret: secret.name, form, where });
    }
  }
}

export function describeFinds(finds: Find[]): string {
  if (finds.length === 0) return 'nothing found';
  const shown = finds.slice(0, 5).map((f) => `${f.secret} (${f.form}) in ${f.where}`);
  return `${finds.length} found: ${shown.join('; ')}${finds.length > 5 ? '; …' : ''}`;
}
