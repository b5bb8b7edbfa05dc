import type { CallOptions, ConnectorCredential, EngagementOutcome, EngagementWriter } from '../connector.types';
import type { ConnectorAnswer, ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { commentItem, dmItem, sandboxCommentSchema, sandboxDmSchema } from './sandbox-engagement-wire';

const replayedOf = (a: ConnectorAnswer) => a.headers.get('idempotent-replayed') === 'true';

/** The sandbox's engagement writes, each with the Idempotency-Key. Reached through ../writer-registry.ts only (C-17). */
export function sandboxEngagementWriter(http: ConnectorHttpConfig): EngagementWriter {
  const commentWrite = async (
    cred: ConnectorCredential,
    commentId: string,
    what: 'replies' | 'like' | 'hide',
    json: unknown,
    key: string,
    opts: CallOptions,
  ): Promise<EngagementOutcome> => {
    const call = {
      method: 'POST',
      path: `/comments/${encodeURIComponent(commentId)}/${what}`,
      route: `/comments/:id/${what}`,
    } as const;
    const a = await connectorRequest(http, {
      ...call,
      token: cred.accessToken,
      json,
      headers: { 'idempotency-key': key },
      signal: opts.signal,
    });
    return {
      item: commentItem(parseAnswer(sandboxCommentSchema, a, call)),
      replayed: replayedOf(a),
      requestId: a.requestId,
    };
  };
  return {
    reply: (cred, commentId, text, key, opts = {}) => commentWrite(cred, commentId, 'replies', { text }, key, opts),
    like: (cred, commentId, key, opts = {}) => commentWrite(cred, commentId, 'like', {}, key, opts),
    hide: (cred, commentId, key, opts = {}) => commentWrite(cred, commentId, 'hide', { hidden: true }, key, opts),
    async dm(cred, recipient, text, key, opts = {}) {
      const call = { method: 'POST', path: '/dms', route: '/dms' } as const;
      const a = await connectorRequest(http, {
        ...call,
        token: cred.accessToken,
        json: { to: recipient, text },
        headers: { 'idempotency-key': key },
        signal: opts.signal,
      });
      return { item: dmItem(parseAnswer(sandboxDmSchema, a, call)), replayed: replayedOf(a), requestId: a.requestId };
    },
  };
}
