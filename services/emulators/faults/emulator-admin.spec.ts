import { EmulatorServer } from '../emulator-server';
import { EmulatorAdminClient, EmulatorAdminError } from './emulator-admin.client';

const TOKEN = 'emulator-admin-spec-token';

/** A one-route "platform": POST /things applies a write (counted) and answers 201. */
async function thingsEmulator() {
  const applied: number[] = [];
  const server = await EmulatorServer.start({
    name: 'things',
    errorBody: (status, message) => ({ error: { status, message } }),
    routes: [
      {
        method: 'POST',
        path: '/things',
        handle: () => {
          applied.push(Date.now());
          return { status: 201, json: { id: `t${applied.length}` } };
        },
      },
    ],
  });
  return { server, applied };
}

describe('emulator fault controls at run time (/_emulator/*)', () => {
  let e: Awaited<ReturnType<typeof thingsEmulator>>;
  let admin: EmulatorAdminClient;
  beforeEach(async () => {
    e = await thingsEmulator();
    e.server.enableAdmin(TOKEN);
    admin = new EmulatorAdminClient(e.server.url, TOKEN);
  });
  afterEach(() => e.server.close());

  const post = () => fetch(`${e.server.url}/things`, { method: 'POST' });

  it('refuses a missing or wrong token, and a bad fault set with a clear message, not a stack', async () => {
    await expect(new EmulatorAdminClient(e.server.url, 'x'.repeat(25)).listFaults()).rejects.toMatchObject({
      status: 401,
    });
    const bad = await fetch(`${e.server.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'x-emulator-admin': TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ faults: [{ fault: { kind: 'status', status: 200 } }] }),
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_faults');
    expect(body.error.message).toMatch(/^faults\.0\.fault\.status: /);
    expect(body.error.message).not.toMatch(/at .*\.ts/);
    await expect(admin.setFaults([{ fault: { kind: 'slow', applyAfterMs: -1 } }])).rejects.toBeInstanceOf(
      EmulatorAdminError,
    );
  });

  it('a storm set through the route answers 503 with Retry-After until it ends; the log shows each answer', async () => {
    await admin.setFaults([
      {
        fault: { kind: 'status', status: 503, headers: { 'retry-after': '2' } },
        forMs: 300,
        match: { path: '/things' },
      },
    ]);
    const during = await post();
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBe('2');
    expect(await admin.listFaults()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 350));
    expect((await post()).status).toBe(201);
    expect(e.applied).toHaveLength(1);
    const log = await admin.listRequests();
    expect(log.map((r) => [r.status, r.fault])).toEqual([
      [503, 'status'],
      [201, null],
    ]);
    // Admin calls are not part of what the "platform" received.
    expect(log.every((r) => r.path === '/things')).toBe(true);
  });

  it('afterApply: the write is applied, then the 502 answers (the outcome is unknown to the client)', async () => {
    await admin.setFaults([{ fault: { kind: 'status', status: 502, afterApply: true }, times: 1 }]);
    expect((await post()).status).toBe(502);
    expect(e.applied).toHaveLength(1);
    expect(await admin.listFaults()).toEqual([]);
  });

  it('slow: the client gives up, the write still lands afterwards, and no answer is logged', async () => {
    await admin.setFaults([{ fault: { kind: 'slow', applyAfterMs: 300 }, times: 1 }]);
    const started = Date.now();
    await expect(
      fetch(`${e.server.url}/things`, { method: 'POST', signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    expect(e.applied).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 400));
    expect(e.applied).toHaveLength(1);
    expect(e.applied[0]! - started).toBeGreaterThanOrEqual(290);
    expect((await admin.listRequests())[0]).toMatchObject({ status: null, fault: 'slow' });
  });

  it('without enableAdmin the admin paths are unknown routes of the vendor', async () => {
    const plain = await thingsEmulator();
    try {
      const res = await fetch(`${plain.server.url}/_emulator/faults`, { headers: { 'x-emulator-admin': TOKEN } });
      expect(res.status).toBe(404);
    } finally {
      await plain.server.close();
    }
  });
});
