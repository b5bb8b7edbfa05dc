import type { ReactNode } from 'react';
import { type ErrorAdvice, errorText } from '../api/error-text';

/** An API error in words, with what to do next; announced to screen readers. */
export function ErrorBox({ error, onRetry, advice }: { error: unknown; onRetry?: () => void; advice?: ErrorAdvice }) {
  if (!error) return null;
  const t = errorText(error, advice);
  return (
    <div className="error-box" role="alert" data-testid="error">
      <p className="error-title">{t.title}</p>
      <p>{t.detail}</p>
      <p className="error-next">{t.next}</p>
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty" data-testid="empty">
      <p className="empty-title">{title}</p>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}

export function Notice({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'success' | 'warning' }) {
  return (
    <div className={`notice notice-${tone}`} role="status">
      {children}
    </div>
  );
}
