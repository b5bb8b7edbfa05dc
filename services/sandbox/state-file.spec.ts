import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from './sandbox.server';
import { api, bootSandbox, userWithToken } from './sandbox.test-helpers';
import type { SandboxPost, SandboxUser } from './sandbox.types';

describe('sandbox state file', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('persists after every change and restores everything on start', async () => {
    const stateFile = join(dir, 'nested', 'state.json');
    const first = await bootSandbox({ stateFile });
    const { user, token } = await userWithToken(first, 'persistent');
    const post = await api<SandboxPost>(first.sandbox.url, '/posts', {
      token,
      json: { text: 'survive restart' },
      headers: { 'idempotency-key': 'k1' },
    });
    await first.admin.setFlags({ ignoreIdempotencyKey: false, duplicateWebhooks: true });
    await first.admin.registerWebhook({ url: 'http://127.0.0.1:9/hook', secret: 's' });

    const onDisk = JSON.parse(readFileSync(stateFile, 'utf8')) as { version: number; posts: unknown[] };
    expect(onDisk.version).toBe(1);
    expect(onDisk.posts).toHaveLength(1);
    expect(JSON.stringify(onDisk)).not.toContain(token); // only token hashes are stored
    expect(readdirSync(join(dir, 'nested'))).toEqual(['state.json']); // no temp files left behind
    await first.sandbox.close();

    const second = await bootSandbox({ stateFile });
    try {
      expect(await second.admin.listPosts()).toEqual([post.body]);
      expect(await second.admin.listUsers()).toEqual([user]);
      expect(await second.admin.getFlags()).toEqual({
        ignoreIdempotencyKey: false,
        duplicateWebhooks: true,
        echoRequestKey: true,
      });
      expect(await second.admin.listWebhooks()).toHaveLength(1);
      // Tokens and idempotency records survive too.
      expect((await api<SandboxUser>(second.sandbox.url, '/me', { token })).body.id).toBe(user.id);
      const replay = await api<SandboxPost>(second.sandbox.url, '/posts', {
        token,
        json: { text: 'survive restart' },
        headers: { 'idempotency-key': 'k1' },
      });
      expect(replay.status).toBe(200);
      expect(replay.body.id).toBe(post.body.id);
      // The white-box store sees the same data.
      expect(second.sandbox.state.data.users.map((u) => u.username)).toEqual(['persistent']);
    } finally {
      await second.sandbox.close();
    }
  });

  it('refuses to start on a corrupt state file instead of overwriting it', async () => {
    const stateFile = join(dir, 'state.json');
    writeFileSync(stateFile, '{ not json');
    await expect(startSandbox({ port: 0, stateFile })).rejects.toThrow(/not valid JSON/);
    expect(readFileSync(stateFile, 'utf8')).toBe('{ not json');
  });
});
