import { Context } from '@temporalio/activity';
import { Asset, CreationDecision } from '../../services/core/database/entities';
import type { AssetKind } from '../../services/core/database/entities';
import type { AiCallResult, AiCallScope } from '../../services/core/providers/provider-gateway.port';
import { PlanEventsRepository } from '../../services/core/plans/plan-events.repository';
import { AiSettingsRepository } from '../../services/core/providers/settings/ai-settings.repository';
import { assetChecksum } from '../../services/core/util/asset-checksum';
import { platformLimits } from '../../services/core/creation/platform-limits';
import type { GenerateItemInput, GenerateItemResult } from '../../workflows/contracts/creation.contract';
import type { PlanItem } from '../../services/core/database/entities';
import type { CreationBrandContext, CreationDeps } from './creation.deps';
import { loadItem, workflowActor } from './creation-item';
import { ASSET_KIND_OF_FORMAT } from './asset-kind';
import { avatarScript } from './avatar-script';
import { presenterFor } from './avatar-presenter';
import { agentIdentity, gatewayRefusal } from '../lanes/agent-tools';
import { brandViaTools } from '../lanes/brand-tools';
import { toolProviders } from '../lanes/tool-providers';

const HEARTBEAT_MS = 10_000;
const MAX_CAPTION_TOKENS = 400;
const MAX_FEEDBACK_CHARS = 1000;
// What a model sees of the knowledge base: summaries only, a few of them (the contract's rule).
const MAX_SUMMARIES = 3;

const ASPECT_SIZE: Record<string, { width: number; height: number; video: '9:16' | '16:9' | '1:1' }> = {
  '1:1': { width: 1080, height: 1080, video: '1:1' },
  '4:5': { width: 1080, height: 1350, video: '9:16' },
  '9:16': { width: 1080, height: 1920, video: '9:16' },
  '16:9': { width: 1920, height: 1080, video: '16:9' },
};

/**
 * The creator step: a caption, then an image, a clip or a presenter clip (avatar) for media formats, stored as one new
 * asset. The brand, the knowledge summaries, the caption and the image come through the MCP tool gateway as the
 * creator (issue #16); video and avatar renders stay on the provider gateway (polled renders, not agent tools).
 */
export function createGenerateActivity(deps: CreationDeps) {
  const settings = new AiSettingsRepository();
  return async function generateItemAsset(input: GenerateItemInput): Promise<GenerateItemResult> {
    const { item, feedback, presenter } = await deps.ds.transaction(async (m) => {
      const { item } = await loadItem(m, input);
      // The feedback is read from the recorded decision: the workflow only carries its id.
      const d = input.feedbackRef
        ? await m.findOne(CreationDecision, {
            where: { id: input.feedbackRef, itemId: item.id, clientId: input.clientId, kind: 'request_changes' },
          })
        : null;
      // Read as the gateway reads the provider choice, so the presenter matches the provider that will render.
      const presenter = item.format === 'avatar' ? presenterFor(await settings.effective(m, input.clientId)) : null;
      return { item, feedback: d?.note ?? null, presenter };
    });
    // Parked before the caption is written: a paid caption for a clip that cannot be rendered is money thrown away.
    if (presenter && !presenter.ok) return { kind: 'wait', wait: presenter.wait };
    const who = agentIdentity(input, 'creator', input.workflowId);
    let brand: CreationBrandContext;
    try {
      brand = await brandViaTools(deps.tools, who, { summaries: MAX_SUMMARIES });
    } catch (err) {
      // Refused by the gateway (not allowed, disabled for the tenant, over budget): the item parks for a human.
      const refused = gatewayRefusal(err);
      if (refused) return { kind: 'wait', wait: { code: 'refused', message: refused.message } };
      throw err;
    }
    const ai = toolProviders({
      tools: deps.tools,
      renders: deps.gateway,
      artifacts: deps.artifacts,
      workflowId: input.workflowId,
    });

    const scope: AiCallScope = {
      agencyId: input.agencyId,
      clientId: input.clientId,
      stepId: `item:${input.itemId}`,
      stepKind: 'creator',
      depth: 0,
    };
    const beat = setInterval(() => heartbeat(), HEARTBEAT_MS);
    try {
      const text = await ai.text(scope, {
        system: systemPrompt(brand),
        prompt: captionPrompt(item, brand, feedback, input.round),
        maxOutputTokens: MAX_CAPTION_TOKENS,
        hints: {
          format: item.format,
          pillar: item.pillar,
          platform: item.platform,
          topic: item.brief,
          ...(brand.name
            ? {
                brand: {
                  name: brand.name,
                  voice: brand.voice,
                  hashtags: brand.hashtags,
                  doWords: brand.doWords,
                  dontWords: [...(brand.dontWords ?? []), ...(brand.bannedTerms ?? [])],
                },
              }
            : {}),
        },
      });
      if (!text.ok) return { kind: 'wait', wait: text.wait };
      const caption = (
        text.text ?? (text.artifact ? (await deps.artifacts.get(text.artifact)).toString('utf8') : '')
      ).trim();

      let media: AiCallResult | undefined;
      const size = ASPECT_SIZE[platformLimits(item.platform).mediaAspect] ?? ASPECT_SIZE['1:1'];
      const look = brand.name
        ? { name: brand.name, colours: brand.colours ?? [], headline: brand.headline ?? item.brief.slice(0, 80) }
        : undefined;
      if (item.format === 'image')
        media = await ai.image(scope, {
          prompt: `${item.brief}\nPillar: ${item.pillar}`,
          width: size.width,
          height: size.height,
          ...(look ? { brand: look } : {}),
        });
      else if (item.format === 'video')
        media = await ai.video(scope, {
          prompt: `${item.brief}\nPillar: ${item.pillar}`,
          durationSeconds: 4,
          aspect: size.video,
          ...(look ? { brand: look } : {}),
        });
      else if (item.format === 'avatar')
        // The presenter reads what the post says, so the clip and its caption never disagree.
        media = await ai.avatar(scope, {
          script: avatarScript(caption, item.brief),
          aspect: size.video,
          ...presenter?.ids,
          ...(look ? { brand: { name: look.name, colours: look.colours } } : {}),
        });
      if (media && !media.ok) return { kind: 'wait', wait: media.wait };
      const artifact = media?.ok ? media.artifact : undefined;

      const kind: AssetKind = artifact ? ASSET_KIND_OF_FORMAT[item.format] : 'text';
      const content = {
        text: caption,
        mediaKey: artifact?.key ?? null,
        mediaContentType: artifact?.contentType ?? null,
      };
      const checksum = assetChecksum(content);
      const assetId = await deps.ds.transaction(async (m) => {
        const asset = await m.save(
          Asset,
          m.create(Asset, {
            agencyId: input.agencyId,
            clientId: input.clientId,
            kind,
            ...content,
            checksum,
            authorId: null,
            authorKind: 'ai',
          }),
        );
        await deps.audit.append(
          {
            agencyId: input.agencyId,
            clientId: input.clientId,
            actor: workflowActor(input),
            action: 'asset.created',
            subjectType: 'asset',
            subjectId: asset.id,
            data: { checksum, itemId: input.itemId, round: input.round, media: artifact ? artifact.kind : null },
          },
          m,
        );
        await PlanEventsRepository.append(m, {
          planId: input.planId,
          clientId: input.clientId,
          agencyId: input.agencyId,
          type: 'item.asset_generated',
          data: { itemId: input.itemId, assetId: asset.id, checksum },
          actor: workflowActor(input),
        });
        return asset.id;
      });
      return { kind: 'generated', assetId, checksum };
    } finally {
      clearInterval(beat);
    }
  };
}

function heartbeat(): void {
  try {
    Context.current().heartbeat();
  } catch {
    // outside an activity (a direct call in a test): nothing to beat for
  }
}

function systemPrompt(brand: CreationBrandContext): string {
  const lines = [
    `You write social media posts for ${brand.name ?? 'a brand'}.`,
    brand.voice ? `Voice: ${brand.voice}.` : '',
    brand.doWords?.length ? `Words the brand likes: ${brand.doWords.slice(0, 20).join(', ')}.` : '',
    brand.dontWords?.length || brand.bannedTerms?.length
      ? `Never use: ${[...(brand.dontWords ?? []), ...(brand.bannedTerms ?? [])].slice(0, 40).join(', ')}.`
      : '',
    brand.bannedClaims?.length ? `Never claim: ${brand.bannedClaims.slice(0, 20).join('; ')}.` : '',
    'Answer with the post text only.',
  ];
  return lines.filter(Boolean).join('\n');
}

function captionPrompt(item: PlanItem, brand: CreationBrandContext, feedback: string | null, round: number): string {
  const limits = platformLimits(item.platform);
  const lines = [
    `Platform: ${item.platform} (at most ${limits.maxChars} characters, at most ${limits.maxHashtags} hashtags${
      limits.linksAllowed ? '' : ', no links'
    }).`,
    `Format: ${item.format}. Pillar: ${item.pillar}.`,
    `Brief: ${item.brief}`,
    ...(brand.summaries ?? []).slice(0, MAX_SUMMARIES).map((s) => `Background: ${s.slice(0, 500)}`),
    brand.hashtags?.length ? `Hashtags to prefer: ${brand.hashtags.slice(0, 10).join(' ')}` : '',
    feedback ? `Revision ${round}. The reviewer asked for changes: ${feedback.slice(0, MAX_FEEDBACK_CHARS)}` : '',
  ];
  return lines.filter(Boolean).join('\n');
}
