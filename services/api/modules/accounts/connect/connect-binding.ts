import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SecretsPort } from '../../../../core/secrets/secrets.port';
import { readOptionalSecret } from '../../../../core/secrets/secrets.port';

/**
 * The browser half of a connect attempt (C-12): a cookie that only the browser which started the attempt holds,
 * carrying a keyed hash of the state (never the state). `__Host-` needs Path=/, and this cookie must reach the
 * callback only, so it takes the `__Secure-` prefix: sent over HTTPS only, never set by a plain-HTTP page.
 * SameSite=Lax, because the platform sends the browser back with a top-level cross-site redirect.
 */
export const CONNECT_BINDING_COOKIE = '__Secure-raize_connect';

/** Where the platform sends the browser back; the binding cookie is scoped to exactly this path. */
export const connectCallbackPath = (platform: string) => `/oauth/${platform}/callback`;

/** The key lives in the secrets backend so every API replica signs and checks with the same one. */
const KEY_REF = 'platform/connect-binding-key';

export interface CookieSpec {
  name: string;
  value: string;
  options: { httpOnly: true; secure: true; sameSite: 'lax'; path: string; maxAge: number };
}

export class ConnectBinding {
  constructor(private readonly secrets: SecretsPort) {}

  async cookieFor(state: string, platform: string, ttlMs: number): Promise<CookieSpec> {
    return {
      name: CONNECT_BINDING_COOKIE,
      value: await this.mac(state),
      options: { httpOnly: true, secure: true, sameSite: 'lax', path: connectCallbackPath(platform), maxAge: ttlMs },
    };
  }

  /** Whether the cookie the callback received was issued for this state; constant-time. */
  async matches(state: string, cookie: string | undefined): Promise<boolean> {
    if (!cookie) return false;
    const expected = Buffer.from(await this.mac(state));
    const sent = Buffer.from(cookie);
    return sent.length === expected.length && timingSafeEqual(sent, expected);
  }

  private async mac(state: string): Promise<string> {
    return createHmac('sha256', await this.key())
      .update(`raize.connect-binding\0${state}`)
      .digest('base64url');
  }

  // Read each time (connects are rare): if two replicas create the key at once, the last write wins for both.
  private async key(): Promise<Buffer> {
    const stored = await readOptionalSecret(this.secrets, KEY_REF);
    if (stored) return Buffer.from(stored, 'base64url');
    await this.secrets.put(KEY_REF, randomBytes(32).toString('base64url'));
    return Buffer.from(await this.secrets.get(KEY_REF), 'base64url');
  }
}
