import type { EntityManager } from 'typeorm';
import { In, IsNull, Not } from 'typeorm';
import type { ApprovalStage, ClientReviewState } from '../../../workflows/contracts/vocabulary/client-review';
import { isFinalPublishStatus } from '../../../workflows/contracts/vocabulary/publish-status';
import type { PublishJob } from '../database/entities';
import { Approval, Asset, ClientPolicySettings, PlatformAccount, PostDecision } from '../database/entities';
import { assetChecksum } from '../util/asset-checksum';
import { stageFor } from './approval-stages';
import { agencyApprovedNow, clientReviewState, type StageFacts } from './client-review-state';

export interface ClientReviewOfJob {
  stage: ApprovalStage;
  state: ClientReviewState;
  /** the checksum of the content as it is now (what a reviewer's approval must name) */
  currentChecksum: string;
  /** the agency approved the content as it is now: the client may decide */
  clientStageOpen: boolean;
  /** the client reviewers' decisions, oldest first */
  clientDecisions: PostDecision[];
}

/**
 * Where each job stands with its client, read in a fixed number of queries whatever the number of jobs (the portal
 * lists a month of posts, the operator's approvals queue a page). Reads under the caller's scope.
 */
export async function clientReviewOfEach(
  m: EntityManager,
  jobs: readonly PublishJob[],
): Promise<Map<string, ClientReviewOfJob>> {
  const out = new Map<string, ClientReviewOfJob>();
  if (!jobs.length) return out;
  const clientIds = [...new Set(jobs.map((j) => j.clientId))];
  const jobIds = jobs.map((j) => j.id);
  // One after the other: the scope's one connection takes one query at a time.
  const settings = await m.find(ClientPolicySettings, { where: { clientId: In(clientIds) } });
  const accounts = await m.find(PlatformAccount, {
    where: { id: In([...new Set(jobs.map((j) => j.platformAccountId))]), clientId: In(clientIds) },
  });
  const assets = await m.find(Asset, {
    where: { id: In([...new Set(jobs.map((j) => j.assetId))]), clientId: In(clientIds) },
  });
  const approvals = await m.find(Approval, {
    where: { publishJobId: In(jobIds), clientId: In(clientIds), decision: 'approved' },
  });
  const decisions = await m.find(PostDecision, {
    where: { publishJobId: In(jobIds), clientId: In(clientIds), reviewerId: Not(IsNull()) },
    order: { createdAt: 'ASC' },
  });
  const settingsOf = new Map(settings.map((s) => [s.clientId, s]));
  const platformOf = new Map(accounts.map((a) => [a.id, a.platform]));
  const assetOf = new Map(assets.map((a) => [a.id, a]));
  for (const job of jobs) {
    const asset = assetOf.get(job.assetId);
    const facts: StageFacts = {
      stage: stageFor(
        settingsOf.get(job.clientId)?.approvalStages,
        'publish',
        platformOf.get(job.platformAccountId) ?? '',
      ),
      // Recomputed from the content itself, as the guard does (C-23).
      currentChecksum: asset ? assetChecksum(asset) : '',
      approvals: approvals.filter((a) => a.publishJobId === job.id),
      clientDecisions: decisions.filter((d) => d.publishJobId === job.id),
      rejected: job.status === 'rejected',
    };
    out.set(job.id, {
      stage: facts.stage,
      state: clientReviewState(facts),
      currentChecksum: facts.currentChecksum,
      clientStageOpen:
        facts.stage === 'internal_then_client' &&
        !!asset &&
        !isFinalPublishStatus(job.status) &&
        agencyApprovedNow(facts),
      clientDecisions: decisions.filter((d) => d.publishJobId === job.id),
    });
  }
  return out;
}

export async function clientReviewOf(m: EntityManager, job: PublishJob): Promise<ClientReviewOfJob> {
  return (await clientReviewOfEach(m, [job])).get(job.id)!;
}
