import { createHash, randomBytes } from 'node:crypto';
import type { EmulatorClock } from './emulator-clock';
import type { EmulatorReply, EmulatorRequest } from '../../emulator-server';

/**
 * The platform's consent dialog and authorization codes, shared by the platform emulators: a page that lists the
 * emulated accounts (the operator picks one, as on the real dialog), a redirect back with `code` and `state`, and
 * codes that are single use, short-lived, bound to the client, the redirect URI and the PKCE challenge (S256).
 */
export interface RegisteredApp {
  clientId: string;
  clientSecret: string;
  /** exact redirect URIs the app registered; '*' accepts any (tests that do not care) */
  redirectUris: string[] | '*';
}

export interface ConsentAccount {
  id: string;
  label: string;
}

interface CodeRecord {
  accountId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge?: string;
  scope: string[];
  expiresAt: number;
  used: boolean;
}

export type RedeemProblem = 'invalid_grant' | 'invalid_client' | 'pkce_mismatch';

/** Codes live 10 minutes, as most of the six platforms document (Meta and LinkedIn say 10 minutes; X 30 seconds). */
const CODE_TTL_MS = 10 * 60 * 1000;

export class ConsentDesk {
  private readonly codes = new Map<string, CodeRecord>();

  constructor(
    private readonly app: RegisteredApp,
    private readonly clock: EmulatorClock,
  ) {}

  /** What the real dialog checks before it shows anything: the client and its redirect URI (never an open redirect). */
  validate(query: URLSearchParams): { ok: true } | { ok: false; message: string } {
    if (query.get('client_id') !== this.app.clientId) return { ok: false, message: 'unknown client_id' };
    const redirect = query.get('redirect_uri') ?? '';
    if (this.app.redirectUris !== '*' && !this.app.redirectUris.includes(redirect))
      return { ok: false, message: 'redirect_uri is not registered for this app' };
    if (!redirect) return { ok: false, message: 'redirect_uri is required' };
    return { ok: true };
  }

  /** The dialog: one button per account; the form posts back to the same path with the original query. */
  page(platformName: string, req: EmulatorRequest, accounts: ConsentAccount[]): EmulatorReply {
    const v = this.validate(req.query);
    if (!v.ok) return html(400, `<h1>${esc(platformName)}</h1><p>${esc(v.message)}</p>`);
    const scope = req.query.get('scope') ?? '';
    const buttons = accounts
      .map(
        (a) =>
          `<button type="submit" name="account" value="${esc(a.id)}" data-account="${esc(a.id)}">Continue as ${esc(a.label)}</button>`,
      )
      .join('\n');
    return html(
      200,
      `<h1>${esc(platformName)} (emulator)</h1><p>Raize asks for: ${esc(scope)}</p>` +
        `<form method="post" action="${esc(req.path)}?${esc(req.query.toString())}">${buttons}` +
        `<button type="submit" name="deny" value="1">Cancel</button></form>`,
    );
  }

  /** The dialog's answer: a redirect with a code (or `error=access_denied`). */
  answer(req: EmulatorRequest, accountIds: string[]): EmulatorReply {
    const v = this.validate(req.query);
    if (!v.ok) return html(400, `<p>${esc(v.message)}</p>`);
    const form = new URLSearchParams(req.rawBody);
    const redirect = new URL(req.query.get('redirect_uri')!);
    const state = req.query.get('state');
    if (state) redirect.searchParams.set('state', state);
    const account = form.get('account');
    if (form.get('deny') || !account || !accountIds.includes(account)) {
      redirect.searchParams.set('error', 'access_denied');
      return { status: 302, headers: { location: redirect.toString() } };
    }
    redirect.searchParams.set('code', this.issueCode(account, req.query));
    return { status: 302, headers: { location: redirect.toString() } };
  }

  /** A code as the dialog would issue it, for tests that skip the browser. */
  issueCode(accountId: string, query: URLSearchParams): string {
    const code = randomBytes(18).toString('base64url');
    this.codes.set(code, {
      accountId,
      clientId: query.get('client_id') ?? '',
      redirectUri: query.get('redirect_uri') ?? '',
      codeChallenge: query.get('code_challenge') ?? undefined,
      scope: (query.get('scope') ?? '').split(/[\s,]+/).filter(Boolean),
      expiresAt: this.clock.now() + CODE_TTL_MS,
      used: false,
    });
    return code;
  }

  /** Token endpoint side: the code, once, for the same client, redirect URI and PKCE verifier. */
  redeem(p: {
    code: string;
    clientId: string;
    clientSecret?: string;
    redirectUri?: string;
    codeVerifier?: string;
    /** the platform requires the secret (confidential clients); X public clients with PKCE send none */
    requireSecret: boolean;
  }): { accountId: string; scope: string[] } | RedeemProblem {
    if (p.clientId !== this.app.clientId) return 'invalid_client';
    if (p.requireSecret && p.clientSecret !== this.app.clientSecret) return 'invalid_client';
    const c = this.codes.get(p.code);
    if (!c || c.used || c.expiresAt <= this.clock.now() || c.clientId !== p.clientId) return 'invalid_grant';
    if (p.redirectUri !== undefined && p.redirectUri !== c.redirectUri) return 'invalid_grant';
    if (c.codeChallenge) {
      const computed = p.codeVerifier ? createHash('sha256').update(p.codeVerifier).digest('base64url') : '';
      if (computed !== c.codeChallenge) return 'pkce_mismatch';
    }
    c.used = true;
    return { accountId: c.accountId, scope: c.scope };
  }

  /** The app credentials (for platforms whose token endpoint takes HTTP Basic auth). */
  checkBasic(authorization: string | undefined): boolean {
    if (!authorization?.startsWith('Basic ')) return false;
    const [id, secret] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
    return id === this.app.clientId && secret === this.app.clientSecret;
  }
}

function html(status: number, body: string): EmulatorReply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html><body>${body}</body></html>`,
  };
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
