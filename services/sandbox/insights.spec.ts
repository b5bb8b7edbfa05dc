import { api, bootSandbox, userWithToken, type TestSandbox } from './sandbox.test-helpers';
import type { AccountInsights, PostInsights } from './insights.service';
import type { SandboxErrorBody, SandboxPost } from './sandbox.types';

describe('sandbox insights API', () => {
  let t: TestSandbox;
  // The sandbox's clock, moved by the spec: figures grow with time.
  let clock = Date.parse('2026-03-02T10:00:00Z');

  beforeAll(async () => {
    t = await bootSandbox({ now: () => clock });
  });
  afterAll(() => t.sandbox.close());

  it("derives a post's figures from its comments, their likes and its age, and grows them with time", async () => {
    await t.admin.reset();
    const brand = await userWithToken(t, 'brand');
    const fan = await userWithToken(t, 'fan');
    const post = (await api<SandboxPost>(t.sandbox.url, '/posts', { token: brand.token, json: { text: 'hi' } })).body;
    const comment = await t.admin.createComment({ postId: post.id, authorId: fan.user.id, text: 'nice' });
    await api(t.sandbox.url, `/comments/${comment.id}/like`, { method: 'POST', token: brand.token });
    clock += 60_000;
    const first = await api<{ data: PostInsights }>(t.sandbox.url, `/posts/${post.id}/insights`, {
      token: brand.token,
    });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ postId: post.id, views: 3, reach: 1, likes: 1, comments: 1, shares: null });
    clock += 10 * 60_000;
    const later = await api<{ data: PostInsights }>(t.sandbox.url, `/posts/${post.id}/insights`, {
      token: brand.token,
    });
    expect(later.body.data.views).toBe(33);
    expect(later.body.data.reach).toBe(19);
  });

  it("answers another account's post like a missing one", async () => {
    await t.admin.reset();
    const brand = await userWithToken(t, 'brand');
    const other = await userWithToken(t, 'other');
    const post = (await api<SandboxPost>(t.sandbox.url, '/posts', { token: brand.token, json: { text: 'hi' } })).body;
    const res = await api<SandboxErrorBody>(t.sandbox.url, `/posts/${post.id}/insights`, { token: other.token });
    expect(res.status).toBe(404);
  });

  it("gives the account's followers and one UTC day's views and engagements, and refuses a day to come", async () => {
    await t.admin.reset();
    clock = Date.parse('2026-03-02T10:00:00Z');
    const brand = await userWithToken(t, 'brand');
    const fan = await userWithToken(t, 'fan');
    const post = (await api<SandboxPost>(t.sandbox.url, '/posts', { token: brand.token, json: { text: 'hi' } })).body;
    await t.admin.createComment({ postId: post.id, authorId: fan.user.id, text: 'first' });
    // Half an hour: within the access token's lifetime.
    clock += 30 * 60_000;
    const today = await api<{ data: AccountInsights }>(t.sandbox.url, '/me/insights?day=2026-03-02', {
      token: brand.token,
    });
    expect(today.body.data).toMatchObject({ day: '2026-03-02', followers: 1, views: 90, reach: 54, engagements: 1 });
    const before = await api<{ data: AccountInsights }>(t.sandbox.url, '/me/insights?day=2026-03-01', {
      token: brand.token,
    });
    expect(before.body.data).toMatchObject({ views: 0, engagements: 0, followers: 1 });
    const future = await api<SandboxErrorBody>(t.sandbox.url, '/me/insights?day=2026-03-03', { token: brand.token });
    expect(future.status).toBe(400);
  });
});
