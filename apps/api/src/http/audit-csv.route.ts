import { Readable } from 'node:stream';
import { AuditFiltersInput } from '@clinicpay/contracts';
import type { FastifyInstance } from 'fastify';
import { createContextInner } from '../context.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors/app-error.js';
import { authenticateAdmin } from '../security/admin-auth.js';
import { assertPermitted } from '../security/permissions.js';
import { auditCsv } from '../services/audit/audit-csv.js';
import { requestMetaFrom } from './request-meta.js';

/** GET /exports/audit.csv?input=<the page's filters as JSON>: a download, cookie-authorised. */
export function registerAuditCsvRoute(server: FastifyInstance, deps: AppDeps): void {
  server.get('/exports/audit.csv', async (request, reply) => {
    const ctx = createContextInner(deps, request.ip, requestMetaFrom(request, reply));
    try {
      const { admin } = await authenticateAdmin(ctx);
      assertPermitted(admin, 'audit.view');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return reply.code(error.code === 'not_permitted' ? 403 : 401).send({ error: error.message });
    }
    const raw = (request.query as { input?: unknown }).input;
    let input: unknown = {};
    try {
      if (typeof raw === 'string' && raw !== '') input = JSON.parse(raw);
    } catch {
      input = null;
    }
    const parsed = AuditFiltersInput.safeParse(input);
    if (!parsed.success)
      return reply.code(400).send({ error: parsed.error.issues.map((i) => i.message).join(' ') });
    const day = ctx.clock.now().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-log-${day}.csv"`)
      .send(Readable.from(auditCsv(deps.db, parsed.data), { highWaterMark: 1 }));
  });
}
