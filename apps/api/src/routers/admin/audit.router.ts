import { ListAuditInput } from '@clinicpay/contracts';
import { listAudit } from '../../services/audit/audit-log.service.js';
import { adminProcedure, router } from '../../trpc.js';

/** Who changed what and when (settings, gateways, refunds, cancellations, catalogue). */
export const auditRouter = router({
  list: adminProcedure('audit.view')
    .input(ListAuditInput)
    .query(({ ctx, input }) => listAudit(ctx, input)),
});
