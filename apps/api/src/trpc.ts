import type { Permission } from '@clinicpay/contracts';
import { initTRPC, TRPCError } from '@trpc/server';
import { DatabaseBusyError, SlotTakenError } from '@clinicpay/db';
import { APP_ERRORS, AppError, type AppErrorCode } from './errors/app-error.js';
import type { Context } from './context.js';
import { assertNotForged, authenticateAdmin } from './security/admin-auth.js';
import { assertPermitted } from './security/permissions.js';
import { assertRecentlyConfirmed, assertTwoFactorInPlace } from './security/reconfirmation.js';
import { enforceRateLimit } from './security/rate-limited-procedures.js';

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
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        appCode,
        fieldErrors:
          zodIssues ?? (error.cause instanceof AppError ? error.cause.fieldErrors : null),
      },
    };
  },
});

/** Zod's issues as `{ path, message }`, so forms can show each on its field. */
function inputIssues(cause: unknown): { path: string; message: string }[] | null {
  const issues = (cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)
    ?.issues;
  if (!Array.isArray(issues)) return null;
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

const SERVER_BUSY = 'We are very busy right now. Please try again in a moment.';
const BUSY_RETRY_AFTER_SECONDS = 5;

/** Translates our typed errors into tRPC's, once, for every procedure. */
const errorMapper = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  // In tRPC v11 `next()` does not throw: a failure arrives as a result that is not ok.
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      if (cause.retryAfterSeconds !== null)
        ctx.request.setHeader('retry-after', String(cause.retryAfterSeconds));
      result.error = new TRPCError({ code: APP_ERRORS[cause.code], message: cause.message, cause });
    } else if (cause instanceof DatabaseBusyError) {
      const busy = new AppError('server_busy', SERVER_BUSY, {
        cause,
        retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
      });
      ctx.request.setHeader('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
      result.error = new TRPCError({
        code: APP_ERRORS.server_busy,
        message: busy.message,
        cause: busy,
      });
    } else if (cause instanceof SlotTakenError) {
      const slotTaken = new AppError(
        'slot_taken',
        'This time was just taken; please pick another.',
        { cause },
      );
      result.error = new TRPCError({
        code: APP_ERRORS.slot_taken,
        message: slotTaken.message,
        cause: slotTaken,
      });
    }
  }
  return result;
});

/** The per-address limits of security/rate-limited-procedures.ts (booking, sign-in). */
const rateLimiter = t.middleware(async ({ ctx, path, next }) => {
  await enforceRateLimit(ctx, path);
  return next();
});

/**
 * Admin access is decided here and nowhere else: a state-changing call must pass the CSRF check,
 * and every call needs a live session. Runs before input parsing, so a caller without a session
 * learns nothing about a procedure's inputs.
 */
const requireAdmin = t.middleware(async ({ ctx, type, next }) => {
  if (type === 'mutation') assertNotForged(ctx);
  const { admin, tokenHash, facts } = await authenticateAdmin(ctx);
  return next({ ctx: { admin, sessionTokenHash: tokenHash, session: facts } });
});

/**
 * Whatever an admin changed, the catalogue cache of this replica checks the catalogue's version
 * before its next answer, so the admin's own next page load shows the change. After failures
 * too: a use-case may have committed part of its work before failing.
 */
const catalogueChangedHere = t.middleware(async ({ ctx, type, next }) => {
  const result = await next();
  if (type === 'mutation') ctx.catalogueCache.changedHere();
  return result;
});

/** Public, but only for state-changing calls that must not be forged (sign-in). */
const notForged = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation') assertNotForged(ctx);
  return next();
});

export const router = t.router;
export const publicProcedure = t.procedure.use(errorMapper).use(rateLimiter);
/** Any signed-in admin, whatever their role: only for the admin's own session (auth.me). */
export const signedInProcedure = publicProcedure.use(catalogueChangedHere).use(requireAdmin);

/**
 * An admin procedure and the permission it needs (contracts' ROLE_PERMISSIONS): every admin
 * procedure names one, and a role without it is refused with a sentence saying what is missing.
 * Checked before the input is parsed, like the session.
 */
export const adminProcedure = (permission: Permission) =>
  signedInProcedure.use(({ ctx, next }) => {
    assertTwoFactorInPlace(ctx);
    assertPermitted(ctx.admin, permission);
    return next();
  });

/**
 * An admin procedure that can redirect or send money, or let people in: Stripe keys, the team,
 * refunds. Beyond the permission, the admin confirmed it is them within RECONFIRM_MINUTES
 * (security/reconfirmation.ts).
 */
export const confirmedProcedure = (permission: Permission) =>
  adminProcedure(permission).use(({ ctx, next }) => {
    assertRecentlyConfirmed(ctx);
    return next();
  });

/** A signed-in admin's own risky change (turning two-factor sign-in off), re-confirmed likewise. */
export const confirmedSignedInProcedure = signedInProcedure.use(({ ctx, next }) => {
  assertRecentlyConfirmed(ctx);
  return next();
});
export const unforgedPublicProcedure = publicProcedure.use(notForged);
export const createCallerFactory = t.createCallerFactory;
