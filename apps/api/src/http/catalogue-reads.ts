import { DoctorsForServiceInput } from '@clinicpay/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.js';
import { type CachedAnswer } from '../services/catalogue/catalogue-cache.js';
import { cachedCatalogueReads } from '../services/catalogue/public-catalogue.service.js';

type CachedRead = keyof typeof cachedCatalogueReads;

/** One cached read a GET asks for, with catalogue.doctors' service. */
type Read =
  | { path: 'catalogue.clinic' | 'catalogue.services' }
  | { path: 'catalogue.doctors'; serviceId: string };

/** What a GET of /trpc/… asks for, when every call in it is a cached public catalogue read. */
export interface CatalogueCall {
  batch: boolean;
  reads: Read[];
}

const isCachedRead = (path: string): path is CachedRead =>
  Object.hasOwn(cachedCatalogueReads, path);

/**
 * The reads in a tRPC GET URL as tRPC's links send them (`/trpc/a,b?batch=1&input={"0":…}`, or
 * one unbatched call), or null when anything else is asked or an input is not valid: tRPC then
 * answers, with its own errors.
 */
export function parseCatalogueCall(url: string): CatalogueCall | null {
  const rest = url.slice('/trpc/'.length);
  const mark = rest.indexOf('?');
  const pathPart = mark === -1 ? rest : rest.slice(0, mark);
  const query = mark === -1 ? '' : rest.slice(mark + 1);
  const paths = pathPart.split(/,|%2c/i);
  if (!paths.every(isCachedRead)) return null;
  const params = new URLSearchParams(query);
  const batch = params.get('batch') === '1';
  if (!batch && paths.length > 1) return null;
  const rawInput = params.get('input');
  let input: unknown;
  try {
    input = rawInput === null ? undefined : JSON.parse(rawInput);
  } catch {
    return null;
  }
  // A batch's inputs are an object by index; anything else is tRPC's to refuse.
  if (
    batch &&
    input !== undefined &&
    (typeof input !== 'object' || input === null || Array.isArray(input))
  )
    return null;
  const reads: Read[] = [];
  for (const [index, path] of paths.entries()) {
    if (path !== 'catalogue.doctors') {
      reads.push({ path });
      continue;
    }
    const own = batch ? (input as Record<string, unknown> | undefined)?.[index] : input;
    const parsed = DoctorsForServiceInput.safeParse(own);
    if (!parsed.success) return null;
    reads.push({ path, serviceId: parsed.data.serviceId });
  }
  return { batch, reads };
}

function answerOf(deps: AppDeps, read: Read): CachedAnswer | Promise<CachedAnswer> {
  return read.path === 'catalogue.doctors'
    ? cachedCatalogueReads[read.path](deps, read.serviceId)
    : cachedCatalogueReads[read.path](deps);
}

/** True when the request's If-None-Match names this ETag (weak comparison, as RFC 9110 says). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Answers GETs of the public catalogue reads (clinic, services, doctors: what every patient page
 * load asks) from the catalogue cache before tRPC runs, in tRPC's own wire format, with an ETag
 * and a 304 when the browser's copy is current (`no-cache`: it asks every time, nothing is
 * downloaded again). Profiling showed tRPC's request handling costing more than the cached reads
 * themselves. Anything else (another procedure in the batch, an invalid input, a streaming link,
 * a read that fails) goes on to tRPC, which answers or formats the error as always.
 */
export function registerCatalogueReads(server: FastifyInstance, deps: AppDeps): void {
  const callOf = memoizedParser();
  // Callback style: a kept answer is sent without a promise or a turn of the event loop.
  server.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET' || !request.url.startsWith('/trpc/catalogue.')) return done();
    const call = streamed(request) ? null : callOf(request.url);
    if (!call) return done();
    const answers = call.reads.map((read) => answerOf(deps, read));
    if (answers.every((a): a is CachedAnswer => !(a instanceof Promise))) {
      send(request, reply, call, answers);
      return;
    }
    Promise.all(answers.map((a) => Promise.resolve(a))).then(
      (computed) => send(request, reply, call, computed),
      () => done(), // tRPC runs the read again and answers with its error shape.
    );
  });
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  call: CatalogueCall,
  answers: CachedAnswer[],
): void {
  const etag = call.batch ? batchEtag(answers) : answers[0]!.etag;
  void reply.header('etag', etag).header('cache-control', 'no-cache');
  if (etagMatches(request.headers['if-none-match'], etag)) {
    void reply.code(304).send();
    return;
  }
  const body = call.batch ? `[${answers.map((a) => a.envelope).join(',')}]` : answers[0]!.envelope;
  void reply.header('content-type', 'application/json').send(body);
}

/** A batch's ETag, from its parts' (no hashing per request): `"b.<tag>.<tag>"`. */
const batchEtag = (answers: CachedAnswer[]) =>
  `"b.${answers.map((a) => a.etag.slice(1, -1)).join('.')}"`;

/** The same few URLs come again and again (one per read and service): each parsed once. */
function memoizedParser(maxUrls = 1000): (url: string) => CatalogueCall | null {
  const parsed = new Map<string, CatalogueCall | null>();
  return (url) => {
    let call = parsed.get(url);
    if (call === undefined) {
      call = parseCatalogueCall(url);
      if (parsed.size < maxUrls) parsed.set(url, call);
    }
    return call;
  };
}

/** tRPC's streaming link asks for JSON lines: tRPC answers it. */
const streamed = (request: FastifyRequest) => request.headers['trpc-accept'] !== undefined;
