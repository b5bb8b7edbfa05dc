import type { AiCallResult, AiCallScope, ProviderGateway } from '../../providers/provider-gateway.port';
import type { ProviderCallContext, TextRequest } from '../../providers/provider.types';
import { createLocalTextProvider } from '../../providers/local';

/**
 * TEST DOUBLES of the ProviderGateway port (labelled as such) for the router's and the drafter's specs: one answers
 * each text call with what a script returns (invalid JSON, a compromised model's payload, an outage), the other runs
 * the real local provider as the gateway would for a client on it. Both record the requests they saw. The gateway
 * itself (keys, budgets, breakers) has its own suite.
 */
export type Script = (req: TextRequest) => string | { wait: 'budget_exhausted' | 'no_provider' } | Error;

export function scriptedGateway(script: Script) {
  const requests: TextRequest[] = [];
  const refuse = (): Promise<AiCallResult> =>
    Promise.resolve({ ok: false, wait: { code: 'no_provider', message: 'text only' } });
  const gateway: ProviderGateway = {
    text(_scope: AiCallScope, req: TextRequest): Promise<AiCallResult> {
      requests.push(req);
      const answer = script(req);
      if (answer instanceof Error) return Promise.reject(answer);
      if (typeof answer !== 'string')
        return Promise.resolve({ ok: false, wait: { code: answer.wait, message: 'scripted' } });
      return Promise.resolve({
        ok: true,
        provider: 'openai',
        model: 'scripted',
        usage: { inputTokens: 1, outputTokens: 1, costMicros: 0 },
        text: answer,
      });
    },
    image: refuse,
    video: refuse,
    avatar: refuse,
  };
  return { gateway, requests };
}

export function localProviderGateway(): ProviderGateway {
  const local = createLocalTextProvider();
  const ctx = {
    agencyId: 'a',
    clientId: 'c',
    credential: { provider: 'local', apiKey: '', credentialRefId: 'local', scope: 'local' },
    timeoutMs: 1000,
  } as ProviderCallContext;
  return scriptedGatewayFrom(async (req) => (await local.generateText(ctx, req)).text);
}

function scriptedGatewayFrom(answer: (req: TextRequest) => Promise<string>): ProviderGateway {
  const refuse = (): Promise<AiCallResult> =>
    Promise.resolve({ ok: false, wait: { code: 'no_provider', message: 'text only' } });
  return {
    async text(_scope, req) {
      return {
        ok: true,
        provider: 'local',
        model: 'local-template-v1',
        usage: { costMicros: 0 },
        text: await answer(req),
      };
    },
    image: refuse,
    video: refuse,
    avatar: refuse,
  };
}

export const TEST_SCOPE: AiCallScope = {
  agencyId: '00000000-0000-4000-8000-000000000001',
  clientId: '00000000-0000-4000-8000-000000000002',
  stepId: 'route:test',
  stepKind: 'router',
  depth: 0,
};
