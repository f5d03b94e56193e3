import { CSRF_HEADER, type RequestMeta } from '../http/request-meta.js';

/**
 * Why a state-changing call must be refused as a possible cross-site request forgery, or null.
 *
 * 1. The custom header must be there: a form on another site cannot add headers, and a script
 *    there cannot either without a CORS preflight, which only the configured origins pass.
 * 2. The browser's own word on where the call comes from: `Sec-Fetch-Site: same-origin` is set by
 *    the browser and cannot be forged by a page. Anything else (a SPA on its own origin, or an
 *    older browser) must name an allowed Origin. Callers that send neither (curl, server jobs)
 *    hold no victim's cookie, so they are not a forgery risk.
 */
export function csrfProblem(
  request: Pick<RequestMeta, 'csrfHeader' | 'origin' | 'secFetchSite'>,
  allowedOrigins: readonly string[],
): string | null {
  if (request.csrfHeader !== '1') return `missing the ${CSRF_HEADER} header`;
  if (request.secFetchSite === 'same-origin') return null;
  if (request.origin !== undefined) {
    return allowedOrigins.includes(request.origin)
      ? null
      : `origin ${request.origin} is not allowed`;
  }
  if (request.secFetchSite !== undefined && request.secFetchSite !== 'none') {
    return `a ${request.secFetchSite} request without an Origin`;
  }
  return null;
}

export const CSRF_REFUSED_MESSAGE =
  'This request was refused because it did not come from the Clinicpay admin. Reload the admin page and try again.';
