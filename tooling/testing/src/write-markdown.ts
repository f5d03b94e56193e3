import { writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';

/**
 * Writes a generated document (a benchmark's figures, the proof) formatted as the repository's
 * prettier settings say, so `prettier --check .` in the test command passes after any run.
 */
export async function writeMarkdown(path: string, text: string): Promise<void> {
  const options = (await resolveConfig(path)) ?? {};
  await writeFile(path, await format(text, { ...options, filepath: path }));
}
