import type { AppDeps } from './deps.js';
import { syntheticRequestMeta, type RequestMeta } from './http/request-meta.js';
import type { SessionFacts, SignedInAdmin } from './security/admin-sessions.js';

/** What every procedure sees: the app's dependencies and the HTTP request it came in on. */
export interface Context extends AppDeps {
  /** The caller's address, for rate limits and audit entries. */
  ip: string | undefined;
  /** The HTTP request's cookie and origin headers, and response headers (sessions, CSRF, 429s). */
  request: RequestMeta;
}

/** What `adminProcedure` adds: the admin whose session cookie was checked. */
export interface AdminContext extends Context {
  admin: SignedInAdmin;
  sessionTokenHash: string;
  /** When the password was last typed in this session, and the clinic's two-factor rule. */
  session: SessionFacts;
}

/** The context without HTTP: tests call procedures through `createCaller(createContextInner(deps))`. */
export function createContextInner(deps: AppDeps, ip?: string, request?: RequestMeta): Context {
  return { ...deps, ip: request?.ip ?? ip, request: request ?? syntheticRequestMeta({ ip }) };
}
