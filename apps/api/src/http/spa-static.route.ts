import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import send from '@fastify/send';
import fastifyStatic, { type FastifyStaticOptions } from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.js';
import { pageContentSecurityPolicy } from './page-csp.js';

/**
 * The built SPAs, from the API's own origin as production runs them: the patient app
 * at `/`, the admin at `/admin/`, through @fastify/static (types, ETags, 304s, path checks) with
 * the `.br`/`.gz` copies the build writes beside each file. A folder without an index.html is
 * skipped, so the API starts without builds (development, tests) and serves no page.
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
const PAGE = /\.html(?:\.br|\.gz)?$/;

// The type browsers and the web standards give scripts; mime 3 still says application/javascript.
send.mime.define({ 'text/javascript': ['js', 'mjs'] }, true);

interface SpaMount {
  name: 'patient' | 'admin';
  dir: string;
  /** The URL prefix, with its trailing slash. */
  base: string;
}

export async function registerSpaStaticRoutes(
  server: FastifyInstance,
  deps: Pick<AppDeps, 'config' | 'logger'>,
): Promise<void> {
  const csp = pageContentSecurityPolicy({ stripeJsUrl: deps.config.stripeJsUrl });
  const mounts = builtMounts(deps, [
    { name: 'patient', dir: deps.config.spa.patientDir, base: '/' },
    { name: 'admin', dir: deps.config.spa.adminDir, base: '/admin/' },
  ]);
  if (mounts.length === 0) return;
  await server.register(async (scope) => {
    // `no-cache` in a request (fetch() adds it beside a validator of the script's own) asks caches
    // on the way to revalidate: the origin still answers 304, where @fastify/send would resend.
    scope.addHook('onRequest', (request, _reply, done) => {
      if (request.headers['if-none-match']) delete request.raw.headers['cache-control'];
      done();
    });
    for (const [index, mount] of mounts.entries()) {
      await scope.register(fastifyStatic, staticOptions(mount, csp, index === 0));
    }
    scope.setNotFoundHandler((request, reply) => {
      const mount = pageMount(mounts, request);
      return mount ? reply.sendFile('index.html', mount.dir) : notFound(request, reply);
    });
  });
}

function staticOptions(mount: SpaMount, csp: string, decorateReply: boolean): FastifyStaticOptions {
  const assets = join(mount.dir, 'assets') + sep;
  return {
    root: mount.dir,
    // Without the trailing slash, so `/admin` redirects to `/admin/` (query kept).
    prefix: mount.base === '/' ? '/' : mount.base.slice(0, -1),
    redirect: mount.base !== '/',
    preCompressed: true,
    dotfiles: 'deny',
    cacheControl: false,
    // One reply.sendFile for both mounts: the fallback names the root.
    decorateReply,
    setHeaders(reply, file) {
      if (PAGE.test(file))
        void reply.headers({ 'cache-control': REVALIDATE, 'content-security-policy': csp });
      else void reply.header('cache-control', file.startsWith(assets) ? HASHED_ASSET : REVALIDATE);
    },
  };
}

function builtMounts(deps: Pick<AppDeps, 'logger'>, mounts: SpaMount[]): SpaMount[] {
  return mounts.filter((mount) => {
    const built = existsSync(join(mount.dir, 'index.html'));
    deps.logger.info(
      { dir: mount.dir },
      built
        ? `serving the ${mount.name} SPA at ${mount.base}`
        : `no ${mount.name} SPA build found; ${mount.base} serves no page`,
    );
    return built;
  });
}

/** The app whose page a request asks for, or none: other methods, files, the API's prefixes. */
function pageMount(mounts: SpaMount[], request: FastifyRequest): SpaMount | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const url = request.url.split('?')[0]!;
  const mount = mounts
    .filter((m) => url.startsWith(m.base))
    .sort((a, b) => b.base.length - a.base.length)[0];
  if (!mount) return undefined;
  const path = url.slice(mount.base.length);
  const first = path.split('/')[0] ?? '';
  if (mount.base === '/' && API_PREFIXES.has(first)) return undefined;
  const last = path.split('/').at(-1) ?? '';
  return path.startsWith('assets/') || last.includes('.') ? undefined : mount;
}

/** Fastify's own 404, the answer these paths had before any SPA was served. */
function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.code(404).send({
    message: `Route ${request.method}:${request.url} not found`,
    error: 'Not Found',
    statusCode: 404,
  });
}
