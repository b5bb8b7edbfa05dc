import { randomUUID } from 'node:crypto';
import type { ActivityCaller, AssistantCaller } from '../../core/gateway/caller';
import { PolicyEngine } from '../../core/policy/policy-engine';
import { askGatewayPolicy } from './ask-policy';
import { buildPolicyInput } from './policy-input';

const activity: ActivityCaller = {
  kind: 'activity',
  agencyId: randomUUID(),
  clientId: randomUUID(),
  taskClass: 'engagement',
  role: 'drafter',
  workflowId: 'engagement-1',
  tokenId: randomUUID(),
};
const assistant: AssistantCaller = {
  kind: 'assistant',
  taskClass: 'assistant',
  userId: randomUUID(),
  tokenId: randomUUID(),
  agencyIds: [randomUUID()],
  clientRoles: {},
  scopes: ['read', 'publish'],
  staff: false,
};
const settings = { toolPermissions: { kb_search: false, web_fetch: true, junk: undefined }, scriptsEnabled: false };

describe('gateway policy input', () => {
  it('carries the activity role, no scopes, and the tenant map without undefined entries', () => {
    expect(buildPolicyInput(activity, 'drafter', { name: 'reply_propose', class: 'draft' }, settings)).toEqual({
      caller: { kind: 'activity', task_class: 'engagement', role: 'drafter', scopes: [] },
      tool: { name: 'reply_propose', class: 'draft' },
      tenant: { tool_permissions: { kb_search: false, web_fetch: true }, scripts_enabled: false },
    });
  });

  it("carries an assistant's role on the client and its token's scopes", () => {
    const input = buildPolicyInput(assistant, 'Reviewer', { name: 'posts_list', class: 'read' }, settings);
    expect(input.caller).toEqual({
      kind: 'assistant',
      task_class: 'assistant',
      role: 'Reviewer',
      scopes: ['read', 'publish'],
    });
  });
});

describe('asking the gateway policy', () => {
  const input = buildPolicyInput(activity, 'drafter', { name: 'post_schedule', class: 'operate' }, settings);
  const answering = (result: unknown) => PolicyEngine.fromEvaluator(() => [{ result }]);

  it('allows only what the policy allows', () => {
    expect(askGatewayPolicy(answering({ allow: true, reasons: [], needs_approval: false }), input)).toEqual({
      allow: true,
    });
  });

  it('reports the most fundamental refusal', () => {
    const d = askGatewayPolicy(
      answering({
        allow: false,
        reasons: [
          { code: 'tenant_disabled', message: 'off' },
          { code: 'tool_not_allowed', message: 'not yours' },
        ],
        needs_approval: false,
      }),
      input,
    );
    expect(d).toEqual({ allow: false, code: 'tool_not_allowed', message: 'not yours' });
  });

  it('fails closed as policy_error on an engine error, an unknown code or a malformed answer', () => {
    const throwing = PolicyEngine.fromEvaluator(() => {
      throw new Error('wasm trap');
    });
    for (const engine of [
      throwing,
      answering({ allow: false, reasons: [{ code: 'mystery', message: 'x' }], needs_approval: false }),
      answering({ allow: 'yes' }),
    ])
      expect(askGatewayPolicy(engine, input)).toMatchObject({ allow: false, code: 'policy_error' });
  });
});
