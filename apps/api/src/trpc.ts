import { initTRPC, TRPCError } from '@trpc/server';
import { SlotTakenError } from '@clinicpay/db';
import { APP_ERRORS, AppError, type AppErrorCode } from './errors/app-error.js';
import type { Database, Kysely } from '@clinicpay/db';
import type { Clock } from './clock.js';
import type { Config } from './env.js';
import type { Logger } from './logger.js';
import type { SecretBox } from './security/secret-box.js';
import type { StripeGatewayFactory } from './services/payments/gateway-factory.js';

/** What every procedure can use. Built once per server; nothing here is per-request yet. */
export interface AppDeps {
  db: Kysely<Database>;
  config: Config;
  clock: Clock;
  logger: Logger;
  secretBox: SecretBox;
  stripeGatewayFor: StripeGatewayFactory;
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
    const appCode: AppErrorCode | null = error.cause instanceof AppError ? error.cause.code : null;
    const zodIssues = error.code === 'BAD_REQUEST' && !appCode ? inputIssues(error.cause) : null;
    return {
      ...shape,
      message: internal
        ? 'Something went wrong on our side. Please try again in a moment.'
        : zodIssues
          ? zodIssues.map((i) => i.message).join(' ')
          : shape.message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, appCode, fieldErrors: zodIssues },
    };
  },
});

/** Zod's issues as `{ path, message }`, so forms can show each on its field. */
function inputIssues(cause: unknown): { path: string; message: string }[] | null {
  const issues = (cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)?.issues;
  if (!Array.isArray(issues)) return null;
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Translates our typed errors into tRPC's, once, for every procedure. */
const errorMapper = t.middleware(async ({ next }) => {
  const result = await next();
  // In tRPC v11 `next()` does not throw: a failure arrives as a result that is not ok.
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      result.error = new TRPCError({ code: APP_ERRORS[cause.code], message: cause.message, cause });
    } else if (cause instanceof SlotTakenError) {
      const slotTaken = new AppError('slot_taken', 'This time was just taken; please pick another.', { cause });
      result.error = new TRPCError({ code: APP_ERRORS.slot_taken, message: slotTaken.message, cause: slotTaken });
    }
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(errorMapper);
export const createCallerFactory = t.createCallerFactory;
