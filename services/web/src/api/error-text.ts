import { ApiError } from './api-client';

export interface ErrorText {
  title: string;
  detail: string;
  next: string;
}

const NEXT: Record<string, { title: string; next: string }> = {
  NOT_FOUND: {
    title: 'Not found',
    next: 'It may have been removed, or it belongs to a client you have no role on. Go back to the list and pick it again.',
  },
  FORBIDDEN: {
    title: 'Not allowed',
    next: 'Your role does not allow this. Ask an Admin of the agency if you need it.',
  },
  UNAUTHENTICATED: { title: 'Signed out', next: 'Your session ended. Sign in again to continue.' },
  BAD_USER_INPUT: { title: 'Check the form', next: 'Correct the fields named above and try again.' },
  CONFLICT: {
    title: 'Already changed',
    next: 'Someone or something changed this first. The page shows the current state; decide again from there.',
  },
  RATE_LIMITED: { title: 'Too many requests', next: 'Wait a minute, then try again.' },
  ACCOUNT_LOCKED: { title: 'Account locked', next: 'Wait 15 minutes or ask an Admin to unlock your account.' },
  CSRF_REQUIRED: { title: 'Session check failed', next: 'Reload the page; if it happens again, sign out and sign in.' },
  UNAVAILABLE: {
    title: 'A service is down',
    next: 'Nothing was changed. Try again in a moment; if it persists, tell the engineer on call.',
  },
  NETWORK: { title: 'No connection to Raize', next: 'Nothing was changed. Check your connection and try again.' },
  QUERY_TOO_COMPLEX: {
    title: 'Request too large',
    next: 'This is a bug in the app: report it with what you were doing.',
  },
};

/** Per-screen words for a code, where the general advice would mislead (a wrong password is not an expired session). */
export type ErrorAdvice = Partial<Record<string, { title: string; next: string }>>;

/** An API error in words, with what the operator can do next. */
export function errorText(err: unknown, advice: ErrorAdvice = {}): ErrorText {
  if (err instanceof ApiError) {
    const known = advice[err.code] ??
      NEXT[err.code] ?? {
        title: 'Something went wrong',
        next: 'Nothing was changed. Try again; if it happens again, report it with the time.',
      };
    return { title: known.title, detail: capitalise(err.message), next: known.next };
  }
  return {
    title: 'Something went wrong',
    detail: err instanceof Error ? err.message : String(err),
    next: 'Reload the page and try again.',
  };
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.') : s;
}
