import type { AppConfig } from '../../../core/config/app-config';
import type { FailedEpisode } from '../../../core/diagnostics/failed-episodes';
import { traceUrl } from '../../../core/telemetry/trace-links';
import { temporalRunUrl } from '../../../core/temporal/temporal-web-links';
import type { FailedEpisodeModel } from './models/failed-episode.model';

/**
 * An episode as the reader may see it. Messages (decrypted failures, reason texts that quote a platform's answer),
 * trace ids and links are for platform staff only: Temporal Web and the trace UI show every tenant (C-04, C-14), and
 * a failure message may quote what a platform said about a client. Everyone else gets codes and types.
 */
export function toFailedEpisodeModel(
  e: FailedEpisode,
  o: { staff: boolean; config: Pick<AppConfig, 'temporal' | 'observability'> },
): FailedEpisodeModel {
  const reasons = e.raize?.reasons ?? [];
  const messages = [...new Set([e.failureMessage, ...reasons.map((r) => r.message)].filter((m): m is string => !!m))];
  return {
    id: e.workflowId ?? `${e.raize?.subjectType}:${e.raize?.subjectId}`,
    workflowId: e.workflowId,
    runId: e.runId,
    workflowType: e.workflowType,
    episodeKind: e.episodeKind,
    temporalStatus: e.temporalStatus,
    raizeStatus: e.raize?.status ?? null,
    agencyId: e.agencyId,
    clientId: e.clientId,
    subjectType: e.raize?.subjectType ?? null,
    subjectId: e.raize?.subjectId ?? null,
    postId: e.raize?.subjectType === 'publish_job' ? e.raize.subjectId : null,
    reasonCodes: [...new Set(reasons.map((r) => r.code))],
    failureType: e.failureType,
    message: o.staff && messages.length ? messages.join(' · ') : null,
    at: e.at,
    traceId: o.staff ? e.traceId : null,
    traceUrl: o.staff ? traceUrl(o.config.observability, e.traceId) : null,
    temporalUrl: o.staff && e.workflowId ? temporalRunUrl(o.config.temporal, e.workflowId, e.runId) : null,
    canRetry: o.staff && !!e.runId && !!e.temporalStatus && e.temporalStatus !== 'RUNNING',
  };
}
