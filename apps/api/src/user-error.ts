import { DatabaseUnavailableError } from '@clinicpay/db';
import { InvalidConfigError } from './env.js';
import { ProductionNotReadyError } from './security/production-guards.js';
import { SecretBoxError } from './security/secret-box.js';

/** A mistake in what an operator asked for (a CLI argument, say), explained in its message. */
export class OperatorError extends Error {
  readonly code = 'operator_error' as const;
  constructor(message: string) {
    super(message);
    this.name = 'OperatorError';
  }
}

/** Errors an operator can fix from the message alone: printed as sentences, without a stack. */
export function isUserFacing(error: unknown): error is Error {
  return (
    error instanceof InvalidConfigError ||
    error instanceof OperatorError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof SecretBoxError ||
    error instanceof ProductionNotReadyError
  );
}

export function exitWithUserError(error: unknown): never {
  const errno = error as NodeJS.ErrnoException & { port?: number };
  if (errno?.code === 'EADDRINUSE') {
    console.error(
      `Port ${errno.port ?? ''} is already in use: stop the program using it, or choose another port (PORT=…).`,
    );
  } else if (isUserFacing(error)) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
}
