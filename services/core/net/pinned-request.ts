import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FetchBlockedError, FetchNetworkError } from './fetch-blocked.error';
import type { ResolvedAddress } from './guarded-fetch.options';

export interface Hop {
  status: number;
  headers: Record<string, string>;
  /** the Location header of a redirect, whose body is not read */
  location?: string;
  body: Buffer;
  remoteAddress: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * A lookup that always answers the address the guard checked, whatever name it is asked for: the socket goes
 * to that address while the Host header, TLS SNI and certificate check keep using the name (no second DNS
 * resolution, so no rebinding between check and connect). Node asks with `all: true` when it races address
 * families (autoSelectFamily), and expects a list then.
 */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    const cb = callback as (err: Error | null, address: string | ResolvedAddress[], family?: number) => void;
    if (options.all) cb(null, [{ address: pinned.address, family: pinned.family }]);
    else cb(null, pinned.address, pinned.family);
  };
}

/**
 * One request (a GET, or a POST with a body) to `target` on a socket pinned to `pinned`; a redirect's body is
 * skipped, any other is read capped.
 */
export function pinnedGet(
  target: URL,
  pinned: ResolvedAddress,
  o: { headers: Record<string, string>; maxBytes: number; signal: AbortSignal; method?: 'GET' | 'POST'; body?: Buffer },
): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request({
      host,
      port: target.port || undefined,
      path: `${target.pathname}${target.search}`,
      method: o.method ?? 'GET',
      headers: {
        'user-agent': 'RaizeFetcher/1.0',
        accept: '*/*',
        'accept-encoding': 'gzip, deflate, br',
        ...o.headers,
        ...(o.body !== undefined ? { 'content-length': String(o.body.length) } : {}),
        connection: 'close',
      },
      lookup: pinnedLookup(pinned),
      // A fresh agent per hop: a pooled keep-alive socket could be one opened to another address.
      agent: false,
    });
    const onAbort = () => req.destroy(o.signal.reason instanceof Error ? o.signal.reason : new Error('aborted'));
    if (o.signal.aborted) {
      onAbort();
      return;
    }
    o.signal.addEventListener('abort', onAbort, { once: true });
    const done = () => o.signal.removeEventListener('abort', onAbort);

    req.on('error', (err: NodeJS.ErrnoException) => {
      done();
      if (err instanceof FetchBlockedError || o.signal.aborted) return reject(o.signal.aborted ? o.signal.reason : err);
      reject(new FetchNetworkError(err.code ?? 'ECONNECTION', pinned.address));
    });
    req.on('response', (res: IncomingMessage) => {
      const headers = flatten(res.headers);
      const status = res.statusCode ?? 0;
      const remoteAddress = res.socket?.remoteAddress ?? pinned.address;
      if (REDIRECTS.has(status) && headers.location) {
        res.resume();
        req.destroy();
        done();
        return resolve({ status, headers, location: headers.location, body: Buffer.alloc(0), remoteAddress });
      }
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > o.maxBytes) {
        req.destroy();
        done();
        return reject(new FetchBlockedError('too_large', target.hostname));
      }
      readCapped(decoded(res, headers['content-encoding']), o.maxBytes, target.hostname, pinned.address).then(
        (body) => {
          done();
          resolve({ status, headers, body, remoteAddress });
        },
        (err: unknown) => {
          req.destroy();
          done();
          reject(o.signal.aborted ? o.signal.reason : err);
        },
      );
    });
    req.end(o.body);
  });
}

/**
 * Decompressed as it streams, so the cap counts what we hold in memory (a small gzip can inflate to gigabytes).
 * `pipeline` carries a socket torn down mid-body (abort, reset) to the end stream as an error.
 */
function decoded(res: IncomingMessage, encoding: string | undefined): Readable {
  const ignore = () => undefined; // errors reach the returned stream, which readCapped listens to
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return pipeline(res, createGunzip(), ignore);
    case 'deflate':
      return pipeline(res, createInflate(), ignore);
    case 'br':
      return pipeline(res, createBrotliDecompress(), ignore);
    default:
      return res;
  }
}

function readCapped(stream: Readable, maxBytes: number, host: string, address: string): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stream.destroy();
        reject(new FetchBlockedError('too_large', host));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', (err: NodeJS.ErrnoException) => reject(new FetchNetworkError(err.code ?? 'EBODY', address)));
    stream.on('close', () => {
      if (!stream.readableEnded && size <= maxBytes) reject(new FetchNetworkError('ECONNRESET', address));
    });
  });
}

function flatten(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
