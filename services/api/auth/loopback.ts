import type { HttpRequestLike } from './request-info';
import { header } from './request-info';

const LOOPBACK_PEER = /^(127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/;
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/**
 * Whether a request comes straight from this machine (C-15): the socket's peer address, never `req.ip`
 * (which `trust proxy` takes from X-Forwarded-For, a header anyone can write), and no proxy header at all,
 * since a reverse proxy on this machine connects from loopback on behalf of anyone.
 */
export function comesFromLoopback(req: HttpRequestLike): boolean {
  return (
    LOOPBACK_PEER.test(req.socket?.remoteAddress ?? '') && PROXY_HEADERS.every((h) => header(req, h) === undefined)
  );
}
