import { randomBytes, randomUUID } from 'node:crypto';
import { createCreationActivities } from '../../../activities/creation/creation.activities';
import { brandContextFor } from '../../../activities/creation/creation-lane';
import { Asset, PlatformAccount } from '../../../services/core/database/entities';
import { PlanEventsRepository } from '../../../services/core/plans/plan-events.repository';
import { createHeyGenAvatarProvider } from '../../../services/core/providers/heygen';
import { createProviderGateway } from '../../../services/core/providers/provider-gateway';
import {
  createProviderRegistry,
  localAdapters,
  mergeAdapters,
} from '../../../services/core/providers/provider-registry';
import type { AvatarPresenter } from '../../../services/core/providers/settings/avatar-presenter';
import { startHeyGenEmulator } from '../../../services/emulators/providers/heygen.emulator';
import type { HeyGenEmulator } from '../../../services/emulators/providers/heygen.emulator';
import { creationItemWorkflowId } from '../../../workflows/contracts/creation.contract';
import type { GenerateItemInput } from '../../../workflows/contracts/creation.contract';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import { asOperator, openProvidersWorld, setAiSettings, type ProvidersWorld } from '../providers-core/providers-world';
import type { TestGateway } from '../../harness/test-gateway';
import { startTestGateway } from '../../harness/test-gateway';

// The creator step of an avatar item for a client who chose HeyGen: the real activity (scoped to the client), the real
// provider gateway with the HeyGen adapter pointed at the HeyGen emulator, Postgres under row-level security, the
// artifact store and the budget policy. What HeyGen is asked for is read from the emulator's record of the request.

// The one key the emulator accepts; each client stores it as its own.
const KEY = `hg-${randomBytes(16).toString('hex')}`;
const PRESENTER: AvatarPresenter = { avatarId: 'Daisy-inskirt-20220818', voiceId: '2d5b0e6cf36f460aa7fc47e3eee4ba54' };

describe('the creator asks HeyGen for the client’s presenter (issue #11)', () => {
  let w: ProvidersWorld;
  let heygen: HeyGenEmulator;
  let gw: TestGateway;

  beforeAll(async () => {
    w = await openProvidersWorld();
    heygen = await startHeyGenEmulator({ keys: [KEY], pollsUntilDone: 1 });
    // The caption goes through the MCP tool gateway (issue #16); the avatar render stays on the provider gateway.
    gw = await startTestGateway({ providers: providers() });
  });
  afterAll(async () => {
    await gw?.close();
    await heygen?.close();
    await w?.close();
  });

  const providers = () =>
    createProviderGateway({
      ...w,
      ds: w.app,
      registry: createProviderRegistry(
        mergeAdapters(localAdapters(), { avatar: { heygen: createHeyGenAvatarProvider() } }),
      ),
      baseUrls: { heygen: heygen.url },
      pollIntervalMs: 10,
    });
  beforeEach(() => heygen.server.reset());

  const activities = () =>
    createCreationActivities({
      ds: w.app,
      audit: w.audit,
      policy: w.policy,
      artifacts: w.artifacts,
      tools: gw.tools,
      gateway: providers(),
      temporal: () => Promise.reject(new Error('the creator step starts no workflow')),
      publishTaskQueue: 'unused',
      publishOptions: {},
      brandContext: brandContextFor,
      maxRevisions: () => Promise.resolve(3),
    });

  /** A client with HeyGen chosen for avatars, its HeyGen key and a budget; the presenter only when given. */
  async function heygenClient(presenter: AvatarPresenter | null): Promise<SeededTenant> {
    const t = await seedTenant(w.owner);
    await asOperator(w.app, t.users.admin, () =>
      w.keys.setKey({
        agencyId: t.agencyId,
        clientId: t.clientId,
        provider: 'heygen',
        apiKey: KEY,
        actorId: t.users.admin,
      }),
    );
    await setAiSettings(
      w,
      { adminId: t.users.admin, agencyId: t.agencyId, clientId: t.clientId },
      { monthlyBudgetMicros: 5_000_000, preferred: { avatar: 'heygen' }, ...(presenter ? { presenter } : {}) },
    );
    return t;
  }

  /** One avatar item planned on a (set-up) sandbox account, as the planning episode records it. */
  async function avatarItem(t: SeededTenant): Promise<GenerateItemInput> {
    const account = await w.owner.getRepository(PlatformAccount).save({
      agencyId: t.agencyId,
      clientId: t.clientId,
      platform: 'sandbox',
      externalAccountId: randomUUID(),
      handle: `@brand_${randomUUID().slice(0, 6)}`,
      fingerprint: randomBytes(16).toString('hex'),
      lane: 'api',
      allowedLanes: ['api'],
      status: 'connected',
      statusReason: null,
      credentialRefId: null,
      connectedAt: new Date(),
      updatedAt: new Date(),
    });
    const planId = randomUUID();
    const itemId = randomUUID();
    const slot = new Date(Date.now() + 3 * 86_400_000);
    const day = slot.toISOString().slice(0, 10);
    await w.owner.transaction(async (m) => {
      const base = { planId, clientId: t.clientId, agencyId: t.agencyId, actor: `user:${t.users.author}` };
      await PlanEventsRepository.append(m, {
        ...base,
        type: 'plan.requested',
        data: {
          request: {
            goals: 'Launch the spring range',
            targets: [{ platformAccountId: account.id, platform: 'sandbox', postsPerWeek: 1, postingTimes: ['09:30'] }],
            pillars: [{ name: 'Launch', weight: 1 }],
            formats: [],
            requiresApproval: false,
            startDate: day,
            endDate: day,
            timezone: 'Europe/Berlin',
          },
          source: 'operator',
          createdBy: t.users.author,
          workflowId: null,
        },
      });
      await PlanEventsRepository.append(m, {
        ...base,
        type: 'item.planned',
        data: {
          itemId,
          position: 0,
          platformAccountId: account.id,
          platform: 'sandbox',
          format: 'avatar',
          pillar: 'Launch',
          slotAt: slot.toISOString(),
          localDate: day,
          localTime: '09:30',
          timezone: 'Europe/Berlin',
          brief: 'Our spring range is here: light jackets in three colours',
        },
      });
    });
    const workflowId = creationItemWorkflowId(t.clientId, itemId);
    return { agencyId: t.agencyId, clientId: t.clientId, planId, itemId, workflowId, round: 0 };
  }

  const usage = (clientId: string) =>
    w.owner.query<{ kind: string; provider: string }[]>(
      'SELECT kind, provider FROM ai_usage WHERE client_id = $1 ORDER BY created_at',
      [clientId],
    );

  it('renders the avatar at HeyGen with the stored avatar id and voice id in the request body', async () => {
    const t = await heygenClient(PRESENTER);
    const input = await avatarItem(t);
    const r = await activities().generateItemAsset(input);
    if (r.kind !== 'generated') throw new Error(`expected an asset, got ${JSON.stringify(r)}`);

    const generate = heygen.server.requests.filter((q) => q.path === '/v2/video/generate');
    expect(generate).toHaveLength(1);
    expect(generate[0].json).toMatchObject({
      video_inputs: [
        {
          character: { type: 'avatar', avatar_id: PRESENTER.avatarId },
          voice: { type: 'text', voice_id: PRESENTER.voiceId },
        },
      ],
    });
    // The clip stored is the one HeyGen rendered: the emulator's file for the job it answered.
    const [job] = [...heygen.jobs.values()];
    expect(job.outcome).toBe('completed');
    const asset = await w.owner.getRepository(Asset).findOneByOrFail({ id: r.assetId });
    expect(asset).toMatchObject({ kind: 'video', mediaContentType: 'video/mp4', authorKind: 'ai' });
    expect(await usage(t.clientId)).toEqual([
      { kind: 'text', provider: 'local' },
      { kind: 'avatar', provider: 'heygen' },
    ]);
  });

  it('parks an item of a client without a presenter with a reason that says what to set, asking HeyGen nothing', async () => {
    const t = await heygenClient(null);
    const input = await avatarItem(t);
    const r = await activities().generateItemAsset(input);
    expect(r).toEqual({
      kind: 'wait',
      wait: { code: 'no_provider', message: expect.stringMatching(/no presenter is set/) as unknown as string },
    });
    if (r.kind === 'wait') expect(r.wait.message).toMatch(/heygen avatar id and voice id under AI providers/);
    expect(heygen.server.requests).toHaveLength(0);
    // Parked before the caption: nothing was spent on an item that cannot be rendered.
    expect(await usage(t.clientId)).toEqual([]);
    expect(await w.owner.getRepository(Asset).countBy({ clientId: t.clientId })).toBe(0);
  });
});
