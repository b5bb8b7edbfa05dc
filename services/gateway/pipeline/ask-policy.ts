import type { PolicyEngine } from '../../core/policy/policy-engine';
import type { GatewayRefusal } from '../../../workflows/contracts/vocabulary/gateway';
import type { GatewayPolicyInput } from './policy-input';

export const GATEWAY_POLICY_ENTRYPOINT = 'raize/gateway/decision';

// When several rules deny, the caller is told the most fundamental one.
const PRIORITY: GatewayRefusal[] = [
  'policy_error',
  'tool_not_allowed',
  'client_not_allowed',
  'scripts_disabled',
  'tenant_disabled',
];

export type GatewayPolicyVerdict = { allow: true } | { allow: false; code: GatewayRefusal; message: string };

/**
 * Asks OPA. The engine never throws and denies on any doubt; an engine error or timeout, or a reason code the gateway
 * does not know, is `policy_error`: the gateway fails closed and does not say what the engine said.
 */
export function askGatewayPolicy(policy: PolicyEngine, input: GatewayPolicyInput): GatewayPolicyVerdict {
  const decision = policy.decideAt(GATEWAY_POLICY_ENTRYPOINT, input);
  if (decision.allow) return { allow: true };
  const codes = new Set(decision.reasons.map((r) => r.code));
  const known = PRIORITY.find((c) => codes.has(c));
  const engineFailed = codes.has('engine_error') || codes.has('engine_timeout');
  if (engineFailed || !known || known === 'policy_error')
    return { allow: false, code: 'policy_error', message: 'the gateway policy could not decide; nothing is allowed' };
  const message = decision.reasons
    .filter((r) => r.code === known)
    .map((r) => r.message)
    .join('; ');
  return { allow: false, code: known, message };
}
