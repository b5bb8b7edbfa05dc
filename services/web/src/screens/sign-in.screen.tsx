import { type FormEvent, useEffect, useRef, useState } from 'react';
import { rememberCsrfToken } from '../api/api-client';
import { CompleteSecondFactorMutation, SignInMutation } from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useSession } from '../auth/session';
import { ErrorBox, Notice } from '../ui/feedback';

/** Email and password, then the six-digit code when the operator has TOTP on. */
export function SignInScreen() {
  const { refresh, notice } = useSession();
  const signIn = useMutation(SignInMutation);
  const second = useMutation(CompleteSecondFactorMutation);
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Sign in — Raize';
  }, []);
  useEffect(() => {
    if (step === 'code') codeRef.current?.focus();
  }, [step]);

  const submitPassword = async (e: FormEvent) => {
    e.preventDefault();
    const r = await signIn.run({ input: { email, password } });
    if (!r) return;
    rememberCsrfToken(r.signIn.csrfToken);
    setPassword('');
    if (r.signIn.needsSecondFactor) setStep('code');
    else await refresh();
  };
  const submitCode = async (e: FormEvent) => {
    e.preventDefault();
    const r = await second.run({ input: { code: code.trim() } });
    if (!r) return;
    // The finished sign-in is a new session with a new CSRF token (C-06).
    rememberCsrfToken(r.completeSecondFactor.csrfToken);
    await refresh();
  };

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <p className="brand brand-large" aria-hidden="true">
          Raize
        </p>
        <h1>Sign in to Raize</h1>
        {notice && <Notice tone="warning">{notice}</Notice>}
        {step === 'password' ? (
          <form onSubmit={submitPassword} aria-describedby="sign-in-help">
            <label className="field">
              <span>Email</span>
              <input
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </label>
            <label className="field">
              <span>Password</span>
              <input
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            <ErrorBox
              error={signIn.error}
              advice={{
                UNAUTHENTICATED: {
                  title: 'Not signed in',
                  next: 'Check your email and password and try again. After five failed attempts the account locks for 15 minutes.',
                },
              }}
            />
            <button type="submit" className="button primary wide" disabled={signIn.pending}>
              {signIn.pending ? 'Signing in…' : 'Sign in'}
            </button>
            <p id="sign-in-help" className="hint">
              No account yet? An Admin of your agency creates operators (<code>npm run admin:create</code> on a fresh
              install).
            </p>
          </form>
        ) : (
          <form onSubmit={submitCode}>
            <p>Your account has a second factor. Enter the six-digit code from your authenticator app.</p>
            <label className="field">
              <span>Authentication code</span>
              <input
                ref={codeRef}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </label>
            <ErrorBox
              error={second.error}
              advice={{
                UNAUTHENTICATED: {
                  title: 'Code not accepted',
                  next: 'Enter the code your app shows now (it changes every 30 seconds, and each code works once); check the time on your device if it keeps failing.',
                },
              }}
            />
            <button type="submit" className="button primary wide" disabled={second.pending}>
              {second.pending ? 'Checking…' : 'Verify and continue'}
            </button>
            <button
              type="button"
              className="button link"
              onClick={() => {
                setStep('password');
                setCode('');
              }}
            >
              Use another account
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
