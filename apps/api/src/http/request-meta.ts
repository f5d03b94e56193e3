import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * What procedures may know of the HTTP request behind them: the caller's address, the headers
 * the security checks read (cookie, CSRF header, Origin, Sec-Fetch-Site), and a way to set
 * response headers (Set-Cookie, Retry-After). Tests build one without HTTP.
 */
export interface RequestMeta {
  ip: string | undefined;
  cookie: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  csrfHeader: string | undefined;
  /** For the admin's list of signed-in devices. */
  userAgent: string | undefined;
  setHeader(name: string, value: string): void;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function requestMetaFrom(request: FastifyRequest, reply: FastifyReply): RequestMeta {
  const { headers } = request;
  return {
    ip: request.ip,
    cookie: first(headers.cookie),
    origin: first(headers.origin),
    secFetchSite: first(headers['sec-fetch-site']),
    csrfHeader: first(headers[CSRF_HEADER]),
    userAgent: first(headers['user-agent']),
    setHeader(name, value) {
      // Several cookies may be set in one response (a cleared one and a new one).
      if (name.toLowerCase() === 'set-cookie') {
        const existing = reply.getHeader('set-cookie');
        const list =
          existing === undefined
            ? []
            : Array.isArray(existing)
              ? existing.map(String)
              : [String(existing)];
        void reply.header('set-cookie', [...list, value]);
      } else {
        void reply.header(name, value);
      }
    },
  };
}

/** For in-process callers (tests): the given headers, and response headers kept in `sent`. */
export function syntheticRequestMeta(
  init: Partial<Omit<RequestMeta, 'setHeader'>> = {},
): RequestMeta & { sent: [string, string][] } {
  const sent: [string, string][] = [];
  return {
    ip: init.ip,
    cookie: init.cookie,
    origin: init.origin,
    secFetchSite: init.secFetchSite,
    csrfHeader: init.csrfHeader,
    userAgent: init.userAgent,
    sent,
    setHeader: (name, value) => {
      sent.push([name, value]);
    },
  };
}

/**
 * The header every state-changing admin call must carry. A cross-site form cannot set it, and a
 * cross-origin script cannot send it without a CORS preflight, which other origins fail.
 */
export const CSRF_HEADER = 'x-clinicpay-csrf';
