import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { ActorGuard, RequestWithActor } from './actor.guard';
import type { Actor } from './actor';
import { SessionOnly, TokenScope } from './token-scope.decorator';
import { TokenScopeGuard } from './token-scope.guard';

// Resolvers as a feature module would write them: one that forgot to declare a scope, and declared ones.
class SomeResolver {
  forgotten(): boolean {
    return true;
  }
  @TokenScope('publish')
  publishes(): boolean {
    return true;
  }
  @TokenScope('staff')
  staffOnly(): boolean {
    return true;
  }
  @SessionOnly()
  signsIn(): boolean {
    return true;
  }
}

/** ActorGuard as far as this guard needs it: it authenticates the token and puts the actor on the request. */
const authenticating = (actor: Actor) =>
  ({
    canActivate: (ctx: ExecutionContextHost) => {
      (ctx.getArgByIndex<{ req: RequestWithActor }>(2).req as RequestWithActor).actor = actor;
      return Promise.resolve(true);
    },
  }) as unknown as ActorGuard;

function call(handler: keyof SomeResolver, actor: Actor, opts: { operation?: string; authorization?: string } = {}) {
  const req: RequestWithActor = {
    headers: { authorization: opts.authorization ?? (actor.via === 'api-token' ? 'Bearer rzt_abc' : undefined) },
  };
  const info = { fieldName: handler, operation: { operation: opts.operation ?? 'mutation' } };
  const ctx = new ExecutionContextHost([{}, {}, { req }, info], SomeResolver, SomeResolver.prototype[handler]);
  ctx.setType('graphql');
  return new TokenScopeGuard(new Reflector(), authenticating(actor)).canActivate(ctx);
}

const token = (...scopes: Actor['scopes'] & object): Actor => ({ userId: 'u', via: 'api-token', scopes });

describe('TokenScopeGuard (C-09)', () => {
  it('[C-09] refuses an API token on a mutation that declares no scope (fail closed), even an admin token', async () => {
    await expect(call('forgotten', token('admin', 'staff'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'forgotten declares no API token scope; sign in to use it',
    });
    // Sessions are held to roles, not scopes; queries are not mutations.
    await expect(call('forgotten', { userId: 'u', via: 'session' })).resolves.toBe(true);
    await expect(call('forgotten', token('read'), { operation: 'query' })).resolves.toBe(true);
  });

  it('[C-09] holds a token to the declared scope: admin covers all but staff; session-only refuses every token', async () => {
    await expect(call('publishes', token('read'))).rejects.toMatchObject({
      message: 'this API token lacks the publish scope',
    });
    await expect(call('publishes', token('publish'))).resolves.toBe(true);
    await expect(call('publishes', token('admin'))).resolves.toBe(true);
    await expect(call('staffOnly', token('admin'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call('staffOnly', token('staff'))).resolves.toBe(true);
    await expect(call('signsIn', token('admin', 'staff'))).rejects.toMatchObject({
      message: 'an API token cannot call signsIn; sign in to use it',
    });
  });
});
