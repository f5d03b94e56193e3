import { initTRPC } from '@trpc/server';
import type { Database, Kysely } from '@clinicpay/db';
import type { Clock } from './clock.js';
import type { Config } from './env.js';
import type { Logger } from './logger.js';
import type { SecretBox } from './security/secret-box.js';

/** What every procedure can use. Built once per server; nothing here is per-request yet. */
export interface AppDeps {
  db: Kysely<Database>;
  config: Config;
  clock: Clock;
  logger: Logger;
  secretBox: SecretBox;
}

export interface Context extends AppDeps {
  /** The caller's address, for rate limits and audit entries. */
  ip: string | undefined;
}

/** The context without HTTP: tests call procedures through `createCaller(createContextInner(deps))`. */
export function createContextInner(deps: AppDeps, ip?: string): Context {
  return { ...deps, ip };
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    // Callers get the sentence, never a stack trace or a driver's message.
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: internal ? 'Something went wrong on our side. Please try again in a moment.' : shape.message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path },
    };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
