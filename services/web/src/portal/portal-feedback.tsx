import { PortalError } from './portal-api';
import { sentence } from './portal-format';

interface Words {
  title: string;
  next: string;
}

// Words for a client's reviewer, who knows nothing of roles, sessions or workflows.
const BY_STATUS: Record<number, Words> = {
  0: { title: 'No connection', next: 'Nothing was changed. Check your internet connection and try again.' },
  400: { title: 'Check what you entered', next: 'Correct it and try again.' },
  403: { title: 'Not possible', next: 'Reload the page and try again; if it happens again, ask the agency.' },
  404: {
    title: 'Not part of your review',
    next: 'This post is not (or no longer) part of what you were asked to review. Reload the page.',
  },
  409: {
    title: 'This post has changed',
    next: 'Nothing was recorded. Reload the page to see the post as it is now, then decide again.',
  },
  429: { title: 'Too many requests', next: 'Wait a minute, then try again.' },
  503: { title: 'Busy right now', next: 'Nothing was changed. Try again in a minute.' },
};

const FALLBACK: Words = {
  title: 'Something went wrong',
  next: 'Nothing was changed. Try again; if it happens again, tell the agency what you were doing and when.',
};

export function problemWords(err: unknown): Words & { detail: string } {
  if (err instanceof PortalError) {
    const w = BY_STATUS[err.status] ?? FALLBACK;
    return { ...w, detail: sentence(err.message) };
  }
  return { ...FALLBACK, detail: err instanceof Error ? sentence(err.message) : String(err) };
}

/** A failed request in words, with what to do next; announced to screen readers. */
export function ProblemBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const w = problemWords(error);
  return (
    <div className="error-box" role="alert" data-testid="portal-error">
      <p className="error-title">{w.title}</p>
      <p>{w.detail}</p>
      <p className="error-next">{w.next}</p>
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
