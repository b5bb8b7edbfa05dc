import { z } from 'zod';
import type { ArtifactStore } from '../../services/core/artifacts/artifact-store.port';
import { ARTIFACT_KINDS } from '../../services/core/artifacts/artifact-store.port';
import type { ToolClient } from '../../services/core/gateway/tool-client.port';
import type { AiCallResult, AiCallScope, ProviderGateway } from '../../services/core/providers/provider-gateway.port';
import { AI_WAIT_CODES } from '../../services/core/providers/provider-gateway.port';
import { PROVIDER_IDS } from '../../services/core/providers/provider.types';
import type { ToolName } from '../../workflows/contracts/vocabulary/gateway';
import { agentIdentity } from './agent-tools';

// The gateway is another process: what it sends back is checked before an episode acts on it.
const aiCallResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    provider: z.enum(PROVIDER_IDS),
    model: z.string(),
    usage: z.object({ costMicros: z.number() }).passthrough(),
    text: z.string().optional(),
    artifact: z
      .object({
        key: z.string().min(1),
        agencyId: z.string(),
        clientId: z.string(),
        kind: z.enum(ARTIFACT_KINDS),
        checksum: z.string(),
        size: z.number(),
        contentType: z.string(),
      })
      .optional(),
  }),
  z.object({
    ok: z.literal(false),
    wait: z.object({
      code: z.enum(AI_WAIT_CODES),
      message: z.string(),
      retryAt: z.string().optional(),
    }),
  }),
]);

export interface ToolProvidersOptions {
  tools: ToolClient;
  /** renders that are not agent tools (video, avatar): the provider gateway, as before issue #16 */
  renders: Pick<ProviderGateway, 'video' | 'avatar'>;
  /** to read back a result the gateway kept in the artifact store because it was large (C-39) */
  artifacts?: Pick<ArtifactStore, 'get'>;
  /** the workflow the calls are for when they run outside an activity (a test) */
  workflowId?: string;
}

/**
 * The ProviderGateway port over the MCP tool gateway (issue #16): text and image go out as `text_generate` and
 * `image_generate` with the step's id, under a token naming the step's role and task class, so the gateway's
 * allowlist, budget and audit apply; the answer is the provider gateway's own AiCallResult. A refusal by the gateway
 * comes back as a `refused` wait, which every episode already parks on (or, for the router and drafter, hands to a
 * human); a transport failure throws, and the activity's retry policy decides.
 */
export function toolProviders(o: ToolProvidersOptions): ProviderGateway {
  async function generate(tool: ToolName, scope: AiCallScope, req: object): Promise<AiCallResult> {
    // Episodes' steps only: an assistant reaches the gateway with its operator's token, never through a worker.
    if (scope.stepKind === 'assistant') throw new Error('an assistant step does not run in a worker');
    const who = agentIdentity(scope, scope.stepKind, o.workflowId);
    const r = await o.tools.call<unknown>(who, tool, { ...req, stepId: scope.stepId });
    if (!r.ok) return refusedWait(tool, r.code, r.message);
    let raw = r.result;
    if (raw === null && r.artifactKey && o.artifacts)
      raw = JSON.parse((await o.artifacts.get({ key: r.artifactKey, clientId: scope.clientId })).toString('utf8'));
    const parsed = aiCallResultSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`the tool gateway's ${tool} answer is not a provider result`);
    return parsed.data as AiCallResult;
  }
  return {
    text: (scope, req) => generate('text_generate', scope, req),
    image: (scope, req) => generate('image_generate', scope, req),
    video: (scope, req) => o.renders.video(scope, req),
    avatar: (scope, req) => o.renders.avatar(scope, req),
  };
}

function refusedWait(tool: ToolName, code: string, message: string): AiCallResult {
  return {
    ok: false,
    wait: { code: 'refused', message: `the tool gateway refused ${tool} (${code}): ${message}`.slice(0, 500) },
  };
}

const NO_RENDER: AiCallResult = {
  ok: false,
  wait: { code: 'no_provider', message: 'this step renders no video or avatar clips' },
};

/** For steps that render no clips (the planner, the router and drafter). */
export const noRenders: Pick<ProviderGateway, 'video' | 'avatar'> = {
  video: async () => NO_RENDER,
  avatar: async () => NO_RENDER,
};
