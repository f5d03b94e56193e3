import { Readable } from 'node:stream';
import { ExportTransactionsInput } from '@clinicpay/contracts';
import type { FastifyInstance } from 'fastify';
import type { JsonObject } from '@clinicpay/db';
import { AppError } from '../errors/app-error.js';
import { authenticateAdmin } from '../security/admin-auth.js';
import { assertPermitted } from '../security/permissions.js';
import { audit } from '../services/audit/record-audit.js';
import { transactionsCsv } from '../services/transactions/transactions-csv.js';
import type { AppDeps } from '../deps.js';
import { createContextInner } from '../context.js';
import { requestMetaFrom } from './request-meta.js';

/**
 * GET /exports/transactions.csv?input=<the list's filters as JSON>. A plain download, not tRPC, so
 * the browser streams it to disk; the admin session cookie authorises it as it does procedures.
 */
export function registerTransactionsCsvRoute(server: FastifyInstance, deps: AppDeps): void {
  server.get('/exports/transactions.csv', async (request, reply) => {
    const ctx = createContextInner(deps, request.ip, requestMetaFrom(request, reply));
    let admin;
    try {
      ({ admin } = await authenticateAdmin(ctx));
      assertPermitted(admin, 'transactions.export');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return reply.code(error.code === 'not_permitted' ? 403 : 401).send({ error: error.message });
    }
    const parsed = ExportTransactionsInput.safeParse(
      parseInput((request.query as { input?: unknown }).input),
    );
    if (!parsed.success) {
      const fieldErrors = parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      }));
      return reply
        .code(400)
        .send({ error: fieldErrors.map((f) => f.message).join(' '), fieldErrors });
    }
    await audit(ctx, admin, 'transactions.exported', null, {
      filters: JSON.parse(JSON.stringify(parsed.data)) as JsonObject,
    });
    const day = ctx.clock.now().toISOString().slice(0, 10);
    return (
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="transactions-${day}.csv"`)
        // One batch waits at most: the next is only produced when the socket has taken this one.
        .send(Readable.from(transactionsCsv(deps.db, parsed.data), { highWaterMark: 1 }))
    );
  });
}

function parseInput(raw: unknown): unknown {
  if (typeof raw !== 'string' || raw === '') return {};
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
