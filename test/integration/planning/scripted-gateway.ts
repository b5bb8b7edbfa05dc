import type {
  AiCallResult,
  AiCallScope,
  ProviderGateway,
} from '../../../services/core/providers/provider-gateway.port';
import type { TextRequest } from '../../../services/core/providers/provider.types';

/**
 * TEST DOUBLE of the ProviderGateway port (labelled as such): answers the planner's text calls with a short
 * deterministic brief, and records which client each call was made for. The gateway itself (keys, budgets,
 * breakers) is tested by its own suite; here it stands in so the planning episode runs offline and exactly.
 */
export function scriptedGateway() {
  const calls: { scope: AiCallScope; prompt: string }[] = [];
  const refuse = async (): Promise<AiCallResult> => ({
    ok: false,
    wait: { code: 'no_provider', message: 'text only' },
  });
  const gateway: ProviderGateway = {
    async text(scope: AiCallScope, req: TextRequest): Promise<AiCallResult> {
      calls.push({ scope, prompt: req.prompt });
      const pillar = /Content pillar: (.*)/.exec(req.prompt)?.[1] ?? 'the brand';
      return {
        ok: true,
        provider: 'local',
        model: 'scripted',
        usage: { inputTokens: 10, outputTokens: 10, costMicros: 0 },
        text: `Show one everyday moment about ${pillar}; end with a question to the audience.`,
      };
    },
    image: refuse,
    video: refuse,
    avatar: refuse,
  };
  return { gateway, calls };
}
