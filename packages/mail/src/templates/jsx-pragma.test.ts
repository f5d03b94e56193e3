import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PRAGMA = '/** @jsxRuntime automatic @jsxImportSource react */';
const SRC = join(import.meta.dirname, '..');

/** The .tsx files an app loads (tests run under this package's own config). */
const shipped = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
  (file) => file.endsWith('.tsx') && !file.endsWith('.test.tsx'),
);

describe('JSX pragma', () => {
  it('finds the templates', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(12);
  });

  it.each(shipped)('%s compiles to the automatic runtime whatever tsconfig imports it', (file) => {
    expect(readFileSync(join(SRC, file), 'utf8').split('\n')[0]).toBe(PRAGMA);
  });
});
