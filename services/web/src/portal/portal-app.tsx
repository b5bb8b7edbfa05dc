import { type FormEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { PortalError, portalApi, takeTokenFromFragment, type PortalMe } from './portal-api';
import { ProblemBox } from './portal-feedback';
import { sentence } from './portal-format';
import { ReviewScreen } from './review-screen';

type Phase =
  | { kind: 'opening' }
  | { kind: 'code'; token: string; emailHint: string }
  | { kind: 'ready'; me: PortalMe }
  /** the portal session is gone (expired, revoked link, disabled reviewer): the link has to be opened again */
  | { kind: 'expired' }
  /** the link itself does not work: unknown, expired or revoked, all said the same way */
  | { kind: 'refused'; message: string }
  | { kind: 'signed-out' }
  | { kind: 'failed'; error: unknown; token: string | null };

/**
 * The portal's door: a link's token (from the fragment) is exchanged for a portal session, after a one-time code
 * when the link asks for one; without a token the session cookie of an earlier visit is used. Then the review.
 */
export function PortalApp({ initialToken }: { initialToken: string | null }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' });
  const started = useRef(false);

  const enter = useCallback(async (token: string | null) => {
    setPhase({ kind: 'opening' });
    try {
      if (token) {
        const opened = await portalApi.open(token);
        if (opened.needsCode) return setPhase({ kind: 'code', token, emailHint: opened.emailHint });
      }
      setPhase({ kind: 'ready', me: await portalApi.me() });
    } catch (err) {
      setPhase(failure(err, token, true));
    }
  }, []);

  useEffect(() => {
    // Once: opening a link twice would make two sessions (StrictMode runs effects twice in development).
    if (started.current) return;
    started.current = true;
    void enter(initialToken);
  }, [enter, initialToken]);

  useEffect(() => {
    // Another review link pasted into this tab changes only the fragment: the page does not reload by itself.
    const onHash = () => {
      const token = takeTokenFromFragment();
      if (token) void enter(token);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [enter]);

  const expired = useCallback(() => setPhase({ kind: 'expired' }), []);

  switch (phase.kind) {
    case 'opening':
      return (
        <Door title="Opening your review">
          <p className="loading" role="status" aria-live="polite">
            <span className="spinner" aria-hidden="true" /> Opening your review…
          </p>
        </Door>
      );
    case 'code':
      return (
        <CodeForm
          token={phase.token}
          emailHint={phase.emailHint}
          onOpened={(me) => setPhase({ kind: 'ready', me })}
          onFailed={(err) => setPhase(failure(err, phase.token, false))}
        />
      );
    case 'ready':
      return <ReviewScreen me={phase.me} onExpired={expired} onSignedOut={() => setPhase({ kind: 'signed-out' })} />;
    case 'expired':
      return (
        <Door title="This review page has expired" testId="portal-expired">
          <p>For your security a review page stays open for a limited time, and only while its link works.</p>
          <p>
            <strong>Open your review link again</strong> (from the email or message the agency sent you). If it does not
            work any more, ask the agency for a new one.
          </p>
        </Door>
      );
    case 'refused':
      return (
        <Door title="This review link does not work" testId="portal-refused">
          <p>{sentence(phase.message)}</p>
          <p>Links expire after some time and the agency can withdraw them. Ask the agency to send you a new one.</p>
        </Door>
      );
    case 'signed-out':
      return (
        <Door title="You have left the review">
          <p>Nothing more can be done on this page. Open your review link again to come back.</p>
        </Door>
      );
    case 'failed':
      return (
        <Door title="The review could not open">
          <ProblemBox error={phase.error} onRetry={() => void enter(phase.token)} />
        </Door>
      );
  }
}

/** What a failed open, code or first read means for the page. */
function failure(err: unknown, token: string | null, opening: boolean): Phase {
  if (err instanceof PortalError) {
    if (err.status === 401) return { kind: 'expired' };
    // The link's own answer (unknown, expired, revoked, or not a link at all): one page, in the API's words.
    if (opening && token && (err.status === 403 || err.status === 400))
      return { kind: 'refused', message: err.message };
  }
  return { kind: 'failed', error: err, token };
}

/** A page of the door (opening, code, expired, refused): no navigation, one heading. */
function Door({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — review`;
    h1.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <main id="main" className="portal-door" data-testid={testId}>
      <div className="portal-door-card">
        <h1 ref={h1} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </div>
    </main>
  );
}

function CodeForm({
  token,
  emailHint,
  onOpened,
  onFailed,
}: {
  token: string;
  emailHint: string;
  onOpened: (me: PortalMe) => void;
  onFailed: (err: unknown) => void;
}) {
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sentAgain, setSentAgain] = useState(false);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      await portalApi.code(token, code.trim());
      onOpened(await portalApi.me());
    } catch (err) {
      // A wrong or spent code is said on the form; anything else (the link died meanwhile) leaves it.
      if (err instanceof PortalError && [400, 403, 429].includes(err.status)) setError(err);
      else onFailed(err);
    } finally {
      setPending(false);
    }
  };

  const again = async () => {
    setError(null);
    setSentAgain(false);
    try {
      await portalApi.open(token);
      setSentAgain(true);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Door title="Enter your code">
      <p>
        We sent a six-digit code to <strong>{emailHint}</strong>. It works for 10 minutes.
      </p>
      <form onSubmit={(e) => void submit(e)} className="portal-code-form" autoComplete="off">
        <label className="field narrow" htmlFor={id}>
          <span>Code from the email</span>
          <input
            id={id}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            maxLength={7}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        <div className="actions">
          <button type="submit" className="button primary" disabled={pending}>
            {pending ? 'Checking…' : 'Open the review'}
          </button>
          <button type="button" className="button link" onClick={() => void again()}>
            Send me a new code
          </button>
        </div>
      </form>
      {sentAgain && (
        <p className="notice notice-info" role="status">
          If a code was not sent a moment ago, a new one is on its way.
        </p>
      )}
      <ProblemBox error={error} />
    </Door>
  );
}
