import type { EntityManager } from 'typeorm';
import { loadBrandContext } from '../../services/core/knowledge/brand-context';
import { AiSettingsRepository } from '../../services/core/providers/settings/ai-settings.repository';
import type { LaneDeps } from '../lanes/lane.deps';
import type { CreationBrandContext, CreationDeps } from './creation.deps';
import { createCreationActivities } from './creation.activities';

/** The brand kit and knowledge summaries as the creator and the content check read them. */
export async function brandContextFor(m: EntityManager, clientId: string): Promise<CreationBrandContext> {
  const { brandKit: k, kbSummaries } = await loadBrandContext(m, clientId, { limit: 3 });
  return {
    name: k.name,
    voice: k.voice || undefined,
    headline: k.headline || undefined,
    colours: k.colours,
    hashtags: k.hashtags,
    doWords: k.doWords,
    dontWords: k.dontWords,
    bannedClaims: k.bannedClaims,
    summaries: kbSummaries.map((s) => s.summary),
  };
}

/** The creation lane's activities (services/worker/lane-workers.ts registers them), on the worker's shared deps. */
export function creationLaneActivities(deps: LaneDeps, opts: Pick<CreationDeps, 'maxOutageMs'> = {}) {
  const settings = new AiSettingsRepository();
  return createCreationActivities({
    ds: deps.ds,
    audit: deps.audit,
    policy: deps.policy,
    artifacts: deps.artifacts,
    tools: deps.tools,
    gateway: deps.providers,
    temporal: () => Promise.resolve(deps.temporal),
    publishTaskQueue: deps.taskQueues.publish,
    publishOptions: deps.publishOptions,
    brandContext: brandContextFor,
    maxRevisions: async (m, clientId) => (await settings.effective(m, clientId)).contract.maxRevisions,
    ...opts,
  });
}
