import { platformDescriptor } from '../../../services/core/connectors/platform-registry';
import type { TestSandbox } from '../../../services/sandbox/sandbox.test-helpers';
import { api, bootSandbox, userWithToken } from '../../../services/sandbox/sandbox.test-helpers';
import type { SandboxPost } from '../../../services/sandbox/sandbox.types';

describe('sandbox metrics through the connector (GET /me/insights, GET /posts/:id/insights)', () => {
  let t: TestSandbox;
  let clock = Date.parse('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    t = await bootSandbox({ now: () => clock });
  });
  afterAll(() => t.sandbox.close());

  const metrics = () => platformDescriptor('sandbox').createReader({ baseUrl: t.sandbox.url }).metrics!;

  it('reads the account day and a post: no shares on the sandbox (null), figures that grow with time', async () => {
    await t.admin.reset();
    const brand = await userWithToken(t, 'brand');
    const fan = await userWithToken(t, 'fan');
    const cred = { accessToken: brand.token };
    const post = (await api<SandboxPost>(t.sandbox.url, '/posts', { token: brand.token, json: { text: 'hi' } })).body;
    await t.admin.createComment({ postId: post.id, authorId: fan.user.id, text: 'love it' });
    clock += 20 * 60_000;
    const first = await metrics().post(cred, post.id);
    expect(first).toEqual({ impressions: 60, reach: 36, likes: 0, comments: 1, shares: null, engagement: 1 });
    clock += 10 * 60_000;
    expect((await metrics().post(cred, post.id))!.impressions).toBe(90);
    expect(await metrics().account(cred, { day: '2026-03-02' })).toEqual({
      followers: 1,
      impressions: 90,
      reach: 54,
      engagement: 1,
    });
    expect(await metrics().post(cred, 'sbx_p_missing')).toBeNull();
  });
});
