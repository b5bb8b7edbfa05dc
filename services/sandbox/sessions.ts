// Browser sessions: made by the login form or by the admin API (a runner's storage state), revoked by logout or by
// the admin API (the login-wall case). Only the session id's hash is stored; the id itself lives in the cookie.
import { SESSION_COOKIE } from './auth';
import { randomToken, sha256Hex } from './secrets';
import type { SandboxDeps } from './deps';
import type { SandboxSessionCookie } from './sandbox.types';

export const SESSION_TTL_SECONDS = 7 * 24 * 3600;

export interface StartedSession {
  sessionId: string;
  expiresAt: number; // epoch ms
}

export function startSession(deps: SandboxDeps, userId: string, ttlSeconds = SESSION_TTL_SECONDS): StartedSession {
  const sessionId = randomToken();
  const expiresAt = deps.store.now() + ttlSeconds * 1000;
  deps.store.mutate((state) => {
    const now = deps.store.now();
    state.sessions = state.sessions.filter((s) => s.expiresAt > now);
    state.sessions.push({ sessionHash: sha256Hex(sessionId), userId, expiresAt });
  });
  return { sessionId, expiresAt };
}

export function endSession(deps: SandboxDeps, sessionId: string): void {
  const hash = sha256Hex(sessionId);
  deps.store.mutate((state) => {
    state.sessions = state.sessions.filter((s) => s.sessionHash !== hash);
  });
}

/** Ends every session of the user; returns how many were open. */
export function revokeUserSessions(deps: SandboxDeps, userId: string): number {
  return deps.store.mutate((state) => {
    const before = state.sessions.length;
    state.sessions = state.sessions.filter((s) => s.userId !== userId);
    return before - state.sessions.length;
  });
}

const isHttps = (deps: SandboxDeps) => deps.publicUrl().startsWith('https:');

export function sessionSetCookie(deps: SandboxDeps, value: string, maxAgeSeconds: number): string {
  const secure = isHttps(deps) ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

/** The same cookie as sessionSetCookie, in the shape of a Playwright storage-state cookie. */
export function sessionCookieObject(deps: SandboxDeps, session: StartedSession): SandboxSessionCookie {
  return {
    name: SESSION_COOKIE,
    value: session.sessionId,
    domain: new URL(deps.publicUrl()).hostname,
    path: '/',
    httpOnly: true,
    secure: isHttps(deps),
    sameSite: 'Lax',
    expires: Math.floor(session.expiresAt / 1000),
  };
}
