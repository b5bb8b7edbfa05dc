import type { RealPlatformId } from '../../../services/core/config/platform-config';
import type { AssistantResult } from './assistant-episode';
import { runAssistantEpisode } from './assistant-episode';
import type { ClientReviewResult } from './client-review-episode';
import { runClientReviewEpisode } from './client-review-episode';
import type { CreationResult } from './creation-episode';
import { runCreationEpisode } from './creation-episode';
import type { EngagementResult } from './engagement-episode';
import { runEngagementEpisode } from './engagement-episode';
import type { LocalStack } from './local-stack';
import type { PlatformEpisodeResult } from './platform-episode';
import { runPlatformEpisode } from './platform-episode';
import type { Progress } from './progress';
import type { EpisodeResult } from './publish-episode';
import { runPublishEpisode } from './publish-episode';

export type EpisodeName = 'publish' | 'engagement' | 'platform' | 'creation' | 'assistant' | 'client-review';

/** What the caller does around each episode: the demo prints, the cluster kill test also kills something. */
export interface EpisodeHooks {
  before?(name: EpisodeName, detail?: string): void | Promise<void>;
  publish?(r: EpisodeResult): void;
  engagement?(r: EngagementResult): void;
  platform?(r: PlatformEpisodeResult): void;
  creation?(r: CreationResult): void;
  assistant?(r: AssistantResult): void;
  clientReview?(r: ClientReviewResult): void;
}

export interface AllEpisodesOptions {
  timeoutSeconds: number;
  lane: 'api' | 'browser';
  platforms: readonly RealPlatformId[];
}

export interface AllEpisodesResult {
  publish: EpisodeResult;
  engagement: EngagementResult;
  platforms: PlatformEpisodeResult[];
  creation: CreationResult;
  assistant: AssistantResult;
  clientReview: ClientReviewResult;
}

/**
 * Every episode that exists, end to end, in the order a user meets them (the demo's main job, and what the cluster
 * kill test runs on the production topology). Each step throws when its episode does not end as it must; a service
 * that dies on its own fails it at once (stack.failed).
 */
export async function runAllEpisodes(
  stack: LocalStack,
  progress: Progress,
  o: AllEpisodesOptions,
  hooks: EpisodeHooks = {},
): Promise<AllEpisodesResult> {
  const step = <T>(run: Promise<T>) => Promise.race([run, stack.failed]);
  const timeoutMs = o.timeoutSeconds * 1000;
  await hooks.before?.('publish');
  const publish = await step(
    runPublishEpisode(stack, progress, { verifyTimeoutMs: timeoutMs, leadSeconds: 5, lane: o.lane }),
  );
  hooks.publish?.(publish);
  if (!publish.chain.ok) throw new Error('the audit chain did not verify');
  await hooks.before?.('engagement');
  const engagement = await step(runEngagementEpisode(stack, progress, publish, { timeoutMs }));
  hooks.engagement?.(engagement);
  const platforms: PlatformEpisodeResult[] = [];
  for (const platform of o.platforms) {
    await hooks.before?.('platform', platform);
    const r = await step(
      runPlatformEpisode(stack, progress, publish, platform, { verifyTimeoutMs: timeoutMs, leadSeconds: 5 }),
    );
    platforms.push(r);
    hooks.platform?.(r);
  }
  await hooks.before?.('creation');
  const creation = await step(
    runCreationEpisode(stack, progress, publish, {
      stepTimeoutMs: timeoutMs,
      verifyTimeoutMs: timeoutMs + 240_000,
      leadMinutes: 1,
    }),
  );
  hooks.creation?.(creation);
  const missingMedia = creation.items.filter((i) => i.media && i.onPlatformMedia === 0);
  if (missingMedia.length) throw new Error(`${missingMedia.length} post(s) reached the platform without their media`);
  await hooks.before?.('assistant');
  const assistant = await step(runAssistantEpisode(stack, progress, publish, { timeoutMs }));
  hooks.assistant?.(assistant);
  await hooks.before?.('client-review');
  const clientReview = await step(runClientReviewEpisode(stack, progress, publish, { timeoutMs }));
  hooks.clientReview?.(clientReview);
  return { publish, engagement, platforms, creation, assistant, clientReview };
}
