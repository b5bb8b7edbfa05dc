import type { ZodType } from 'zod';
import { z } from 'zod';
import { ConnectorError } from '../connector.errors';
import type { ConnectorCall, ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { statusError } from '../http/http-errors';
import { envelope, tiktokErrorSchema } from './tiktok-wire';

export interface TikTokAnswer<T> {
  data: T;
  requestId?: string;
}

const anyEnvelope = z.object({ error: tiktokErrorSchema });

/**
 * One v2 call: a non-2xx answer is mapped by the platform's mapError; a 2xx whose envelope says anything but `ok`
 * is an error too (the reference shows the code in every answer), mapped the same way.
 */
export async function tiktokCall<T>(
  http: ConnectorHttpConfig,
  call: ConnectorCall,
  data: ZodType<T>,
): Promise<TikTokAnswer<T>> {
  const answer = await connectorRequest(http, call);
  const env = anyEnvelope.safeParse(answer.body);
  if (env.success && env.data.error.code !== 'ok' && http.mapError) {
    const shape = { method: call.method, route: call.route };
    throw http.mapError({
      call: shape,
      status: answer.status,
      body: answer.body,
      headers: answer.headers,
      requestId: answer.requestId,
      generic: statusError(shape, 400, answer.headers, answer.requestId),
    });
  }
  const parsed = parseAnswer(envelope(data), answer, { method: call.method, route: call.route });
  return { data: parsed.data as T, requestId: answer.requestId ?? parsed.error.log_id };
}

/**
 * TikTok reads are POSTs (video/list, video/query, creator_info, status/fetch). The shared layer treats a POST
 * without an answer as a write whose outcome is unknown; a read changed nothing, so it is safe to retry.
 */
export async function tiktokRead<T>(
  http: ConnectorHttpConfig,
  call: ConnectorCall,
  data: ZodType<T>,
): Promise<TikTokAnswer<T>> {
  try {
    return await tiktokCall(http, call, data);
  } catch (err) {
    throw asReadFailure(err, call);
  }
}

export function asReadFailure(err: unknown, call: Pick<ConnectorCall, 'method' | 'route'>): unknown {
  if (!(err instanceof ConnectorError) || err.kind !== 'outcome_unknown') return err;
  return new ConnectorError('transient', `${call.method} ${call.route} got no usable answer (a read: safe to retry)`, {
    ...err.details,
  });
}
