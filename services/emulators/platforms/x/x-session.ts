import type { EmulatorReply, EmulatorRequest } from '../../emulator-server';
import type { TokenBook } from '../kit/token-book';
import type { XEmulatorState } from './x-emulator-state';
import { transactionId } from './x-emulator-state';
import { forbidden, problem, unauthorized } from './x-problems';

export interface XCaller {
  accountId: string;
  scope: string[];
}

/**
 * Who calls, and whether they may: a user access token (`Authorization: Bearer`), the scopes the endpoint needs
 * (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code#scopes: a token without them gets a
 * bare 403), and the account's 15-minute window for the endpoint. Runs the handler with the rate headers X sends.
 */
export function guarded(
  tokens: TokenBook,
  state: XEmulatorState,
  route: string,
  scopes: string[],
  handler: (req: EmulatorRequest, caller: XCaller) => EmulatorReply | Promise<EmulatorReply>,
): (req: EmulatorRequest) => Promise<EmulatorReply> {
  return async (req) => {
    const auth = req.headers.authorization;
    const found = tokens.resolve(auth?.startsWith('Bearer ') ? auth.slice(7) : undefined);
    if (typeof found === 'string') return unauthorized();
    if (!scopes.every((s) => found.scope.includes(s))) return forbidden();
    const window = state.spend(found.accountId, route);
    const headers = { ...window.headers, 'x-transaction-id': transactionId() };
    if (!window.ok) return { ...problem(429, 'Too Many Requests'), headers: { ...headers } };
    const reply = await handler(req, { accountId: found.accountId, scope: found.scope });
    return { ...reply, headers: { ...headers, ...reply.headers } };
  };
}
