import { createHash } from 'node:crypto';
import type { RenderJob, RenderStatus } from '../provider.types';

/** Rendered clips waiting for their poll; the start and the poll run in the same activity, so memory suffices. */
const MAX_PENDING = 16;

/**
 * The local renders' side of the start/poll contract: a start renders synchronously and parks the clip here under a
 * job id (its checksum); the poll takes it out and answers done, at zero cost.
 */
export function localRenderJobs(model: string) {
  const done = new Map<string, { bytes: Buffer; seconds: number }>();
  return {
    park(bytes: Buffer, seconds: number): RenderJob {
      const jobId = `local-${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}`;
      if (done.size >= MAX_PENDING) done.delete(done.keys().next().value as string);
      done.set(jobId, { bytes, seconds });
      return { provider: 'local', jobId };
    },
    take(job: RenderJob): RenderStatus {
      const clip = done.get(job.jobId);
      if (!clip)
        return {
          state: 'failed',
          reason: 'the local render is gone (another process?); start it again',
          refused: false,
        };
      done.delete(job.jobId);
      return {
        state: 'done',
        media: { bytes: clip.bytes, contentType: 'video/mp4' },
        model,
        usage: { videoSeconds: clip.seconds, costMicros: 0 },
      };
    },
  };
}
