import type { EmulatorReply, EmulatorRequest } from '../../emulator-server';
import type { TokenBook } from '../kit/token-book';
import { accessDenied, tokenProblem } from './linkedin-problems';

/** The member a bearer token acts for, and what the consent granted. */
export interface Session {
  member: string;
  scope: string[];
}

export function sessionOf(req: EmulatorRequest, tokens: TokenBook): Session | EmulatorReply {
  const auth = req.headers.authorization ?? '';
  if (!auth.startsWith('Bearer ') || auth.length <= 7) return tokenProblem('empty');
  const found = tokens.resolve(auth.slice(7));
  if (typeof found === 'string') return tokenProblem(found);
  return { member: found.accountId, scope: found.scope };
}

export const isReply = (x: Session | EmulatorReply): x is EmulatorReply => 'status' in x;

/** ACCESS_DENIED unless the consent granted one of `scopes`; names the permission LinkedIn would. */
export function requireScope(s: Session, scopes: string[], resource: string): EmulatorReply | undefined {
  return scopes.some((x) => s.scope.includes(x)) ? undefined : accessDenied(resource);
}
