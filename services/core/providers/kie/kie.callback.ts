import { ProviderError } from '../provider.types';
import { isPolicyMessage } from './kie.codes';
import { kieCallbackBody } from './kie.wire';

/** What a Kie callback says about a task, normalised for the ingest that will wake the waiting poller. */
export type KieCallbackEvent =
  | { jobId: string; outcome: 'done'; resultUrls: string[] }
  | { jobId: string; outcome: 'failed'; code: number; refused: boolean };

/**
 * Parses the body Kie POSTs to `callBackUrl` (https://docs.kie.ai/veo3-api/generate-veo-3-video-callbacks): code 200
 * success with `data.info.resultUrls`; 400 content policy or input error, 422 fallback failed, 500 internal, 501
 * generation failed. A malformed body is a bad_request ProviderError. The callback is a hint, not proof: the poller
 * still reads record-info (the documented source of truth) before it trusts a result.
 */
export function parseKieCallback(body: unknown): KieCallbackEvent {
  const parsed = kieCallbackBody.safeParse(body);
  if (!parsed.success) throw new ProviderError('kie', 'bad_request', 'kie callback body is not the documented shape');
  const { code, msg, data } = parsed.data;
  if (code === 200) {
    const resultUrls = data.info?.resultUrls ?? [];
    if (resultUrls.length === 0)
      throw new ProviderError('kie', 'bad_request', 'kie success callback has no result URL');
    return { jobId: data.taskId, outcome: 'done', resultUrls };
  }
  return { jobId: data.taskId, outcome: 'failed', code, refused: isPolicyMessage(msg) };
}
