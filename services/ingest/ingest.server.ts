import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { NewInboundEvent } from '../core/engagement/inbound-event.bounds';
import { boundInboundEvent, InboundEventRefused } from '../core/engagement/inbound-event.bounds';
import { isPlatformId } from '../../workflows/contracts/vocabulary/platform-id';
import type { IngestConfig, IngestSource } from './ingest-config';
import type { IngestSecrets } from './ingest-secrets';
import { BodyRefused, readBody } from './http/read-body';
import { sendError, sendJson, sendText } from './http/respond';
import type { IngestLimiter } from './limit/ingest-limiter';
import { normaliseMeta } from './normalise/meta.normaliser';
import type { Normalised } from './normalise/normalised';
import { MalformedPayload, parseJson } from './normalise/normalised';
import { normaliseSandbox } from './normalise/sandbox.normaliser';
import { normaliseStandard } from './normalise/standard.normaliser';
import { metaChallenge, verifyMeta } from './verify/meta.verifier';
import { verifySandbox } from './verify/sandbox.verifier';
import { verifyStandard } from './verify/standard-webhooks.verifier';
import type { Verdict } from './verify/verdict';

export interface IngestLog {
  debug(fields: Record<string, unknown>, msg: string): void;
  warn(fields: Record<string, unknown>, msg: string): void;
}

export interface IngestHandlerDeps {
  config: Pick<IngestConfig, 'maxBodyBytes' | 'toleranceSeconds' | 'sources'>;
  secrets: IngestSecrets;
  /** resolves once the events are durably stored (the group committer) */
  store: (events: NewInboundEvent[]) => Promise<void>;
  now?: () => number;
  log: IngestLog;
  /** per-source and per-address budgets (C-33); without one nothing is rate limited */
  limiter?: IngestLimiter;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

/** One delivery: verified over the raw bytes, then parsed, normalised and stored before the 2xx. */
interface Delivery {
  source: IngestSource;
  verify: (body: Buffer, nowMs: number) => Verdict;
  normalise: (payload: unknown, nowMs: number) => Normalised;
}

/**
 * The ingest's request handler on node:http (no framework: the hot path is read, HMAC, one insert). Order matters:
 * the rate limits before a byte is read (429, C-33), size before anything else (413, C-33), signature before parsing
 * (401, C-31), shape (400), then the durable store (C-34) and only then 200. A replay answers 200 too: the platform
 * must stop retrying, and the row is stored once.
 */
export function createIngestHandler(deps: IngestHandlerDeps): RequestListener {
  const now = deps.now ?? Date.now;
  const { secrets, config } = deps;
  const opts = () => ({ nowMs: now(), toleranceSeconds: config.toleranceSeconds });
  const enabled = new Set(config.sources);

  const sandbox = (req: IncomingMessage): Delivery => ({
    source: 'sandbox',
    verify: (body) =>
      verifySandbox(
        secrets.sandbox,
        body,
        {
          signature: header(req, 'x-sandbox-signature'),
          timestamp: header(req, 'x-sandbox-timestamp'),
          delivery: header(req, 'x-sandbox-delivery'),
        },
        opts(),
      ),
    normalise: (payload) => normaliseSandbox(payload, header(req, 'x-sandbox-delivery') ?? ''),
  });
  const meta = (req: IncomingMessage): Delivery => ({
    source: 'meta',
    verify: (body) => verifyMeta(secrets.metaAppSecrets, body, header(req, 'x-hub-signature-256')),
    normalise: (payload, nowMs) => normaliseMeta(payload, new Date(nowMs)),
  });
  const standard = (req: IncomingMessage, platform: string): Delivery => ({
    source: 'standard',
    verify: (body) =>
      verifyStandard(
        secrets.standard,
        body,
        {
          id: header(req, 'webhook-id'),
          timestamp: header(req, 'webhook-timestamp'),
          signature: header(req, 'webhook-signature'),
        },
        opts(),
      ),
    normalise: (payload) =>
      normaliseStandard(
        payload,
        platform,
        header(req, 'webhook-id') ?? '',
        new Date(Number(header(req, 'webhook-timestamp')) * 1000),
      ),
  });

  async function deliver(req: IncomingMessage, res: ServerResponse, d: Delivery, sender: string): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req, config.maxBodyBytes);
    } catch (err) {
      if (!(err instanceof BodyRefused)) throw err;
      refuseAndDrain(req, res, err.status, err.code);
      return;
    }
    const verdict = d.verify(body, now());
    if (!verdict.ok) {
      deps.log.debug({ 'raize.platform': d.source, 'raize.outcome': verdict.reason }, 'webhook refused');
      // Our own missing secret is not the sender's failure: it keeps its 401 not_configured, which says what to fix.
      if (verdict.reason !== 'not_configured') deps.limiter?.failedVerification(sender);
      return sendError(res, 401, verdict.reason);
    }
    let events: NewInboundEvent[];
    let ignored: number;
    try {
      const n = d.normalise(parseJson(body), now());
      events = n.events.map(boundInboundEvent);
      ignored = n.ignored;
    } catch (err) {
      if (err instanceof MalformedPayload || err instanceof InboundEventRefused)
        return sendJson(res, 400, { error: 'malformed', detail: err.message });
      throw err;
    }
    try {
      await deps.store(events);
    } catch (err) {
      // Not stored, so not acknowledged: the platform retries, and the dedupe makes the retry safe.
      deps.log.warn({ 'raize.platform': d.source, 'error.kind': (err as Error).name }, 'inbound events not stored');
      return sendError(res, 503, 'unavailable');
    }
    sendJson(res, 200, { ok: true, events: events.length, ignored });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://ingest.invalid');
    const path = url.pathname;
    if (path === '/healthz') return sendJson(res, 200, { ok: true });
    const standardMatch = /^\/webhooks\/standard\/([a-z]+)$/.exec(path);
    const platform = standardMatch && isPlatformId(standardMatch[1]!) ? standardMatch[1]! : null;
    const source: IngestSource | null =
      path === '/webhooks/sandbox' ? 'sandbox' : path === '/webhooks/meta' ? 'meta' : platform ? 'standard' : null;
    if (!source || !enabled.has(source)) return refuseAndDrain(req, res, 404, 'not_found');
    // Before the body is read or anything verified: an over-limit request costs a header parse, no more. The
    // platforms retry a 429 after Retry-After, and nothing was acknowledged, so nothing is lost.
    const sender = deps.limiter?.senderOf(req) ?? '';
    const admission = deps.limiter?.admit(source, sender);
    if (admission && !admission.ok)
      return refuseAndDrain(req, res, 429, 'rate_limited', { 'retry-after': String(admission.retryAfterSeconds) });
    if (source === 'meta' && req.method === 'GET') {
      const challenge = metaChallenge(secrets.metaVerifyToken, url.searchParams);
      return challenge === null ? sendError(res, 403, 'verification_refused') : sendText(res, 200, challenge);
    }
    if (req.method !== 'POST') return refuseAndDrain(req, res, 405, 'method_not_allowed');
    const delivery = source === 'sandbox' ? sandbox(req) : source === 'meta' ? meta(req) : standard(req, platform!);
    return deliver(req, res, delivery, sender);
  }

  return (req, res) => {
    route(req, res).catch((err: Error) => {
      deps.log.warn({ 'error.kind': err.name }, 'ingest request failed');
      sendError(res, 500, 'internal');
    });
  };
}

/**
 * Answers now, then reads and drops whatever the sender still sends (so it sees the answer instead of a reset), but
 * not for ever: the connection is cut after a few seconds.
 */
function refuseAndDrain(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  headers?: Record<string, string>,
): void {
  sendError(res, status, code, headers);
  if (req.readableEnded) return;
  req.resume();
  const cut = setTimeout(() => req.socket.destroy(), 5000);
  cut.unref();
  req.once('end', () => clearTimeout(cut));
  req.once('close', () => clearTimeout(cut));
}
