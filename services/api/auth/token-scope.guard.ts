import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError, AppErrorCode } from '../errors/app-error';
import { ActorGuard, API_TOKEN_BEARER, requestOf } from './actor.guard';
import { header } from './request-info';
import { tokenCarries } from './permissions';
import { TOKEN_SCOPE_KEY, TokenScopeRule } from './token-scope.decorator';

interface MutationInfo {
  fieldName: string;
  operation: { operation: string };
}

/**
 * Every GraphQL mutation called with an API token is held to the scope it declares (C-09), before any resolver,
 * pipe or service runs. Fail closed: a mutation that declares nothing is refused to tokens, so the check does
 * not depend on each service remembering to ask AccessService. Runs for every resolver (global guard), including
 * mutations without ActorGuard such as signIn, where a token is refused rather than ignored.
 */
@Injectable()
export class TokenScopeGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly actors: ActorGuard,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType<string>() !== 'graphql') return true;
    const info = GqlExecutionContext.create(ctx).getInfo<MutationInfo>();
    if (info.operation.operation !== 'mutation') return true;
    const req = requestOf(ctx);
    if (!API_TOKEN_BEARER.test(header(req, 'authorization') ?? '')) return true;
    // Who the token belongs to and what it carries; ActorGuard keeps the answer on the request for the resolver.
    await this.actors.canActivate(ctx);
    const actor = req.actor;
    if (actor?.via !== 'api-token') throw new AppError(AppErrorCode.Unauthenticated, 'sign in first');
    const rule = this.reflector.get<TokenScopeRule | undefined>(TOKEN_SCOPE_KEY, ctx.getHandler());
    if (!rule)
      throw new AppError(AppErrorCode.Forbidden, `${info.fieldName} declares no API token scope; sign in to use it`);
    if ('sessionOnly' in rule)
      throw new AppError(AppErrorCode.Forbidden, `an API token cannot call ${info.fieldName}; sign in to use it`);
    if (!tokenCarries(actor.scopes, rule.scope))
      throw new AppError(AppErrorCode.Forbidden, `this API token lacks the ${rule.scope} scope`);
    return true;
  }
}
