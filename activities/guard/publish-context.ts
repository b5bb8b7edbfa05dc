import { EntityManager, In } from 'typeorm';
import { Approval, Asset, Client, ClientPolicySettings, PlatformAccount, PublishJob } from '../../services/core/database/entities';
import { GuardedPublishInput } from '../../workflows/contracts/publish-activities.contract';
import { tenantRefused } from './guard.errors';

export interface PublishContext {
  job: PublishJob;
  client: Client;
  account: PlatformAccount;
  asset: Asset;
  settings: ClientPolicySettings | null;
  approvals: Approval[];
}

/**
 * Step 1 of the guard (C-05): the workflow's input is only a claim. Every object is loaded by id AND the
 * client it claims to belong to, and the stored job must say the same thing as the input.
 */
export async function loadPublishContext(m: EntityManager, input: GuardedPublishInput): Promise<PublishContext> {
  const job = await m.findOne(PublishJob, { where: { id: input.jobId, clientId: input.clientId } });
  if (!job) throw tenantRefused('the publish job does not exist for this client');
  const p = job.payload;
  const claims: [string, string, string][] = [
    ['agency', input.agencyId, job.agencyId],
    ['platform account', input.platformAccountId, job.platformAccountId],
    ['asset', input.assetId, job.assetId],
    ['idempotency key', input.idempotencyKey, job.idempotencyKey],
    ['payload client', input.clientId, p.clientId],
    ['payload account', input.platformAccountId, p.platformAccountId],
    ['payload asset', input.assetId, p.assetId],
  ];
  const mismatch = claims.find(([, a, b]) => a !== b);
  if (mismatch) throw tenantRefused(`the ${mismatch[0]} in the request does not match the stored job`);

  // One connection, one transaction: awaited in turn (pg queues them anyway and warns on overlap).
  const client = await m.findOne(Client, { where: { id: input.clientId, agencyId: input.agencyId } });
  const account = await m.findOne(PlatformAccount, { where: { id: input.platformAccountId, clientId: input.clientId, agencyId: input.agencyId } });
  const asset = await m.findOne(Asset, { where: { id: input.assetId, clientId: input.clientId, agencyId: input.agencyId } });
  const settings = await m.findOne(ClientPolicySettings, { where: { clientId: input.clientId } });
  if (!client || !account || !asset) throw tenantRefused('the client, account or asset does not belong to this tenant');
  const approvals = input.approvalIds.length
    ? await m.find(Approval, { where: { id: In(input.approvalIds), publishJobId: job.id, clientId: input.clientId, decision: 'approved' } })
    : [];
  return { job, client, account, asset, settings, approvals };
}
