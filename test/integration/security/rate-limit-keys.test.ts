import { randomBytes } from 'node:crypto';
import { SESSION_COOKIE } from '../../../services/api/auth/request-info';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

type Answer = { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };

async function post(stack: TestStack, headers: Record<string, string>, query: string, variables?: unknown) {
  const res = await fetch(`${stack.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Answer;
}

const code = (a: Answer) => a.errors?.[0]?.extensions?.code;

describe('rate-limit buckets are keyed on what the server verified (C-10)', () => {
  afterAll(() => {
    // The budgets below are this file's; later stacks get the defaults.
    delete process.env.RAIZE_RATE_LIMIT_IP_PER_MINUTE;
    delete process.env.RAIZE_RATE_LIMIT_PER_MINUTE;
  });

  describe('before authentication: the address', () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startTestStack({
        env: { RAIZE_RATE_LIMIT_IP_PER_MINUTE: '20', RAIZE_RATE_LIMIT_PER_MINUTE: '1000' },
      });
    });
    afterAll(() => stack.close());

    it('[C-10] rotating made-up session cookies and tokens still runs into the per-IP budget', async () => {
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 22; i++) {
        const garbage = randomBytes(18).toString('base64url');
        const headers: Record<string, string> =
          i % 2 ? { cookie: `${SESSION_COOKIE}=rzs_${garbage}` } : { authorization: `Bearer rzt_${garbage}` };
        codes.push(code(await post(stack, headers, '{ whoami { id } }')));
      }
      expect(codes.slice(0, 20).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
      expect(codes.slice(20)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    });
  });

  describe('after authentication: the operator', () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startTestStack({
        env: { RAIZE_RATE_LIMIT_IP_PER_MINUTE: '1000', RAIZE_RATE_LIMIT_PER_MINUTE: '6' },
      });
    });
    afterAll(() => stack.close());

    const tokenOf = async (userId: string) => {
      const r = await stack.gql<{ createApiToken: { token: string } }>(
        userId,
        'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }',
        { i: { name: 'script', scopes: ['read'], expiresInDays: 1 } },
      );
      if (!r.data) throw new Error(JSON.stringify(r.errors));
      return r.data.createApiToken.token;
    };

    it('[C-10] two API tokens of one operator share one budget; another operator from the same address has their own', async () => {
      const t = await seedTenant(stack.ds);
      // Minting counts against each operator's budget too: the author spends 2, the analyst 1.
      const first = await tokenOf(t.users.author);
      const second = await tokenOf(t.users.author);
      const other = await tokenOf(t.users.analyst);
      const whoami = (token: string) => post(stack, { authorization: `Bearer ${token}` }, '{ whoami { id } }');
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 4; i++) codes.push(code(await whoami(first)));
      expect(codes).toEqual([undefined, undefined, undefined, undefined]);
      expect(code(await whoami(second))).toBe('RATE_LIMITED');
      expect((await whoami(other)).data?.whoami).toEqual({ id: t.users.analyst });
    });
  });
});
