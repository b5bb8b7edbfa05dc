import { randomUUID } from 'node:crypto';
import { createPlanningActivities } from '../../../activities/planning/planning.activities';
import { PlanEventsRepository } from '../../../services/core/plans/plan-events.repository';
import { createProviderGateway } from '../../../services/core/providers/provider-gateway';
import { clientScope } from '../../../services/core/tenancy/scope-for';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import { seedTenant } from '../../factories/tenant.factory';
import type { ProvidersWorld } from '../providers-core/providers-world';
import { openProvidersWorld } from '../providers-core/providers-world';
import type { TestGateway } from '../../harness/test-gateway';
import { startTestGateway } from '../../harness/test-gateway';

/**
 * The planner step with the real ProviderGateway (the local provider, the client's budget policy, usage rows) behind
 * the real MCP tool gateway, and the real brand context, called as the worker calls the activities: every brief is paid for by the plan's own
 * client under the planner's step, and the plan's memory holds the briefs, not the prompts.
 */
describe('the planner with the real provider gateway (local provider, Postgres, OPA wasm)', () => {
  let w: ProvidersWorld;
  let gw: TestGateway;
  beforeAll(async () => {
    w = await openProvidersWorld();
    gw = await startTestGateway({ providers: createProviderGateway({ ...w, ds: w.app }) });
  });
  afterAll(async () => {
    await gw?.close();
    await w?.close();
  });

  // More items than the default step contract's 8 calls: each brief is a step of its own, so a plan of any size drafts.
  it('drafts every item through the gateway, billed to the plan’s client under the planner step', async () => {
    const t = await seedTenant(w.owner);
    const [account] = await w.owner.query<{ id: string }[]>(
      `INSERT INTO platform_accounts (agency_id, client_id, platform, external_account_id, handle, fingerprint)
       VALUES ($1, $2, 'sandbox', $3, '@brand', 'fp') RETURNING id`,
      [t.agencyId, t.clientId, randomUUID()],
    );
    const planId = randomUUID();
    const ctx = { agencyId: t.agencyId, clientId: t.clientId, planId, workflowId: `plan-${t.clientId}-${planId}` };
    await runInTenantScope(w.app, await clientScope(w.app, t.clientId), () =>
      PlanEventsRepository.append(w.app.manager, {
        ...ctx,
        type: 'plan.requested',
        data: {
          request: {
            goals: 'Launch the spring menu',
            startDate: '2030-03-04',
            endDate: '2030-03-10',
            timezone: 'Europe/Berlin',
            targets: [
              {
                platformAccountId: account.id,
                platform: 'sandbox',
                postsPerWeek: 12,
                postingTimes: ['09:30', '17:00'],
              },
            ],
            pillars: [{ name: 'menu', weight: 1 }],
            formats: [],
            requiresApproval: false,
          },
          source: 'operator',
          createdBy: t.users.author,
          workflowId: ctx.workflowId,
        },
        actor: `user:${t.users.author}`,
      }),
    );
    const acts = createPlanningActivities({ ds: w.app, tools: gw.tools, creationTaskQueue: 'unused' });

    const drafted = await acts.draftPlan(ctx);
    expect(drafted.ok).toBe(true);
    const items = await w.owner.query<{ brief: string; status: string }[]>(
      'SELECT brief, status FROM plan_items WHERE plan_id = $1 ORDER BY position',
      [planId],
    );
    expect(items).toHaveLength(12);
    for (const i of items) {
      expect(i.status).toBe('planned');
      expect(i.brief.length).toBeGreaterThan(0);
      expect(i.brief.length).toBeLessThanOrEqual(600);
    }
    const usage = await w.owner.query<{ client_id: string; step_id: string; step_kind: string }[]>(
      'SELECT client_id, step_id, step_kind FROM ai_usage WHERE step_id LIKE $1',
      [`plan:${planId}/%`],
    );
    expect(usage).toHaveLength(12);
    expect(new Set(usage.map((u) => `${u.client_id}/${u.step_kind}`))).toEqual(new Set([`${t.clientId}/planner`]));
    // A retry of the step finds every item drafted: nothing is asked (or paid for) twice.
    expect(await acts.draftPlan(ctx)).toEqual(drafted);
    expect(
      (
        await w.owner.query<{ n: number }[]>('SELECT count(*)::int AS n FROM ai_usage WHERE step_id LIKE $1', [
          `plan:${planId}/%`,
        ])
      )[0].n,
    ).toBe(12);
  });
});
