import type { AiCallResult, ProviderGateway } from '../../../services/core/providers/provider-gateway.port';

/**
 * TEST DOUBLE of the ProviderGateway port (labelled as such): every call takes `delayMs`, as a model call does, and
 * then answers that no provider is set, so the planner and creator steps hold their lane's activity slot for that
 * long and their episodes park for a human (no timers left behind). The gateway itself has its own suite.
 */
export function slowModelGateway(delayMs: number) {
  let calls = 0;
  const call = async (): Promise<AiCallResult> => {
    calls += 1;
    await new Promise((r) => setTimeout(r, delayMs));
    return { ok: false, wait: { code: 'no_provider', message: 'lanes-under-load test double: no model behind it' } };
  };
  const gateway: ProviderGateway = { text: call, image: call, video: call, avatar: call };
  return { gateway, calls: () => calls };
}
