import { SetMetadata } from '@nestjs/common';
import type { ApiTokenScope } from '../../core/database/entities';

export const TOKEN_SCOPE_KEY = 'raize:token-scope';

/** What a mutation declares for API tokens: the scope a token must carry, or that no token may call it. */
export type TokenScopeRule = { scope: ApiTokenScope } | { sessionOnly: true };

/**
 * The scope an API token needs to call this mutation (C-09). Every mutation declares one, or `SessionOnly`;
 * TokenScopeGuard refuses tokens on a mutation that declares nothing, so a new mutation is closed to scripts
 * until someone decides what it needs. Sessions are held to roles only (AccessService), not to scopes.
 */
export const TokenScope = (scope: ApiTokenScope): MethodDecorator => SetMetadata(TOKEN_SCOPE_KEY, { scope });

/** No API token may call this mutation, whatever its scopes (sign-in, token creation, second-factor enrolment). */
export const SessionOnly = (): MethodDecorator => SetMetadata(TOKEN_SCOPE_KEY, { sessionOnly: true });
