import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The types a Vite build emits; anything else is sent as bytes, and `nosniff` keeps it that way. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside `root`, or null when the path could leave it or names a hidden
 * file: every segment is decoded and checked, so `..`, `%2e%2e`, an encoded slash or backslash,
 * and NUL never reach the file system.
 */
export function fileInside(root: string, relativeUrlPath: string): string | null {
  const segments: string[] = [];
  for (const raw of relativeUrlPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const file = join(root, ...segments);
  return file.startsWith(root + sep) ? file : null;
}

/** A regular file's size and modification time, or null (missing, a folder, unreadable). */
export async function regularFile(path: string): Promise<{ size: number; mtimeMs: number } | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

/**
 * Sends a file with its type, length and a validator, answering 304 when the browser's copy is
 * current (pages are `no-cache`: revalidated on every load, downloaded only when they changed).
 */
export function sendFile(
  request: FastifyRequest,
  reply: FastifyReply,
  path: string,
  file: { size: number; mtimeMs: number },
  headers: Record<string, string>,
): FastifyReply {
  const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
  void reply.headers(headers).header('etag', etag);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply
    .type(contentTypeOf(path))
    .header('content-length', String(file.size))
    .send(request.method === 'HEAD' ? undefined : createReadStream(path));
}
