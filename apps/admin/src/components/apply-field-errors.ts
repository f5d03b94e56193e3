import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { fieldErrorsOf } from '../api-errors.js';

/**
 * Puts the API's refusals on their fields (paths as zod names them, e.g. `price.amount`), focusing
 * the first. `rename` maps an API path to the form's when they differ. Returns how many landed.
 */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  known: readonly string[],
  rename: (path: string) => string = (path) => path,
): number {
  let landed = 0;
  for (const [path, message] of Object.entries(fieldErrorsOf(error))) {
    const field = rename(path);
    if (!known.includes(field)) continue;
    setError(field as Path<T>, { type: 'server', message }, { shouldFocus: landed === 0 });
    landed++;
  }
  return landed;
}
