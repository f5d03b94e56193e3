import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.js';
import { pageContentSecurityPolicy } from './page-csp.js';
import { fileInside, regularFile, sendFile } from './static-file.js';

/**
 * The built SPAs, from the API's own origin as production runs them (DESIGN.md): the patient app
 * at `/`, the admin at `/admin/`. A folder without an index.html is skipped, so the API starts
 * without builds (development, tests) and serves no page.
 *
 * Unknown paths under an app get its index.html (its router draws the page), except paths that
 * look like files (`/assets/…`, `x.js`): a missing asset stays a 404, not a page parsed as script.
 * The API's own prefixes keep their answers, 404 included.
 */
const API_PREFIXES = new Set(['trpc', 'webhooks', 'healthz', 'exports', 'admin']);

// Vite names every file under assets/ by its content hash: a changed file is a new URL.
const HASHED_ASSET = 'public, max-age=31536000, immutable';
// Pages name the current assets, so the browser asks again on every load (a 304 when unchanged).
const REVALIDATE = 'no-cache';

interface SpaMount {
  name: 'patient' | 'admin';
  dir: string;
  /** The URL prefix, with its trailing slash. */
  base: string;
}

export function registerSpaStaticRoutes(
  server: FastifyInstance,
  deps: Pick<AppDeps, 'config' | 'logger'>,
): void {
  const csp = pageContentSecurityPolicy({ stripeJsUrl: deps.config.stripeJsUrl });
  const mounts: SpaMount[] = [
    { name: 'patient', dir: deps.config.spa.patientDir, base: '/' },
    { name: 'admin', dir: deps.config.spa.adminDir, base: '/admin/' },
  ];
  for (const mount of mounts) {
    if (!existsSync(join(mount.dir, 'index.html'))) {
      deps.logger.info(
        { dir: mount.dir },
        `no ${mount.name} SPA build found; ${mount.base} serves no page`,
      );
      continue;
    }
    deps.logger.info({ dir: mount.dir }, `serving the ${mount.name} SPA at ${mount.base}`);
    const handler = (request: FastifyRequest, reply: FastifyReply) =>
      serveSpa(mount, csp, request, reply);
    server.get(mount.base, handler);
    server.get(`${mount.base}*`, handler);
    if (mount.base !== '/') {
      const bare = mount.base.slice(0, -1);
      // The app's router and its relative links expect the trailing slash.
      server.get(bare, (request, reply) =>
        reply.redirect(`${mount.base}${queryOf(request.url)}`, 301),
      );
    }
  }
}

async function serveSpa(
  mount: SpaMount,
  csp: string,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const path = request.url.split('?')[0]!.slice(mount.base.length);
  const firstSegment = path.split('/')[0] ?? '';
  if (mount.base === '/' && API_PREFIXES.has(firstSegment)) return notFound(reply);

  const root = mount.dir;
  const requested = path === '' ? join(root, 'index.html') : fileInside(root, path);
  if (requested === null) return notFound(reply);
  const file = await regularFile(requested);
  if (file) return sendFile(request, reply, requested, file, headersFor(requested, path, csp));

  if (looksLikeAFile(path)) return notFound(reply);
  const index = join(root, 'index.html');
  const indexFile = await regularFile(index);
  if (!indexFile) return notFound(reply);
  return sendFile(request, reply, index, indexFile, headersFor(index, 'index.html', csp));
}

function headersFor(file: string, urlPath: string, csp: string): Record<string, string> {
  if (file.endsWith('.html'))
    return { 'cache-control': REVALIDATE, 'content-security-policy': csp };
  return { 'cache-control': urlPath.startsWith('assets/') ? HASHED_ASSET : REVALIDATE };
}

function looksLikeAFile(path: string): boolean {
  const last = path.split('/').at(-1) ?? '';
  return path.startsWith('assets/') || last.includes('.');
}

/** Fastify's own 404, the answer these paths had before any SPA was served. */
function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}

function queryOf(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at);
}
