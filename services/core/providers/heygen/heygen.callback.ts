import { ProviderError } from '../provider.types';
import { isHeyGenRefusal } from './heygen.errors';
import { heygenCallbackBody } from './heygen.wire';

/** What a HeyGen webhook says about a render, normalised for the ingest that will wake the waiting poller. */
export type HeyGenCallbackEvent =
  | { jobId: string; outcome: 'done'; url: string; callbackId?: string }
  | { jobId: string; outcome: 'failed'; refused: boolean; callbackId?: string };

/**
 * Parses an `avatar_video.success` / `avatar_video.fail` webhook body
 * (https://docs.heygen.com/docs/using-heygens-webhook-events). A malformed body or another event type is a
 * bad_request ProviderError. A hint, not proof: the poller still reads video_status.get before it trusts a result.
 */
export function parseHeyGenCallback(body: unknown): HeyGenCallbackEvent {
  const parsed = heygenCallbackBody.safeParse(body);
  if (!parsed.success)
    throw new ProviderError('heygen', 'bad_request', 'heygen webhook body is not an avatar_video event');
  const event = parsed.data;
  const callbackId = event.event_data.callback_id ?? undefined;
  if (event.event_type === 'avatar_video.success') {
    return {
      jobId: event.event_data.video_id,
      outcome: 'done',
      url: event.event_data.url,
      ...(callbackId && { callbackId }),
    };
  }
  return {
    jobId: event.event_data.video_id,
    outcome: 'failed',
    refused: isHeyGenRefusal(undefined, event.event_data.msg),
    ...(callbackId && { callbackId }),
  };
}
