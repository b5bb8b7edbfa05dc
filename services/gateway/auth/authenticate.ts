import type { DataSource } from 'typeorm';
import { lookUpApiToken } from '../../core/auth/api-token-lookup';
import { ACTIVITY_TOKEN_PREFIX, verifyActivityToken } from '../../core/gateway/activity-token';
import type { GatewayCaller } from '../../core/gateway/caller';
import { ACTIVITY_TOKEN_KEY_SECRET, ensureGatewayKey } from '../../core/gateway/gateway-keys';
import type { SecretsPort } from '../../core/secrets/secrets.port';
import { assistantCallerFor } from './assistant-caller';

const BEARER = /^Bearer\s+(\S{1,8192})$/;

export type Authentication = { ok: true; caller: GatewayCaller } | { ok: false; reason: string };

export interface RequestFacts {
  authorization: string | undefined;
  ip: string;
  userAgent: string | null;
}

export interface Authenticator {
  authenticate(req: RequestFacts): Promise<Authentication>;
}

/**
 * `Authorization: Bearer` with an activity token Raize minted (`rzg1.`, checked offline with the gateway key) or an
 * operator's API token (`rzt_`, looked up: revoked, expired and unknown all fail). The reason is for the log and
 * the 401's message; it never contains the token.
 */
export function createAuthenticator(
  ds: DataSource,
  secrets: SecretsPort,
  now: () => Date = () => new Date(),
): Authenticator {
  let key: Promise<Buffer> | undefined;
  const activityKey = (): Promise<Buffer> => {
    key ??= ensureGatewayKey(ds, secrets, ACTIVITY_TOKEN_KEY_SECRET).catch((err: unknown) => {
      key = undefined;
      throw err;
    });
    return key;
  };
  return {
    async authenticate(req) {
      const bearer = BEARER.exec(req.authorization ?? '');
      if (!bearer) return { ok: false, reason: 'missing bearer token' };
      const token = bearer[1];
      if (token.startsWith(`${ACTIVITY_TOKEN_PREFIX}.`)) {
        const check = verifyActivityToken(await activityKey(), token, now());
        return check.ok ? { ok: true, caller: check.caller } : { ok: false, reason: `activity token ${check.reason}` };
      }
      if (token.startsWith('rzt_')) {
        const row = await lookUpApiToken(ds, token, { ip: req.ip, userAgent: req.userAgent });
        if (!row) return { ok: false, reason: 'API token unknown, revoked or expired' };
        const caller = await assistantCallerFor(ds, row);
        return caller ? { ok: true, caller } : { ok: false, reason: 'operator unknown or disabled' };
      }
      return { ok: false, reason: 'unrecognised bearer token' };
    },
  };
}
