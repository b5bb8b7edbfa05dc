import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AGENT_ROLES, TASK_CLASSES } from '../../../workflows/contracts/vocabulary/gateway';
import type { ActivityCaller } from './caller';

/** Recognisable prefix: a gateway token is never confused with an API token (`rzt_`). */
export const ACTIVITY_TOKEN_PREFIX = 'rzg1';
/** Long enough for one activity's tool calls; the client mints a fresh one before this runs out. */
export const ACTIVITY_TOKEN_TTL_SECONDS = 600;
const MAX_TTL_SECONDS = 3600;

const claimsSchema = z
  .object({
    v: z.literal(1),
    agencyId: z.string().uuid(),
    clientId: z.string().uuid(),
    taskClass: z.enum(TASK_CLASSES).exclude(['assistant']),
    role: z.enum(AGENT_ROLES),
    workflowId: z.string().min(1).max(300),
    jti: z.string().uuid(),
    iat: z.number().int(),
    exp: z.number().int(),
  })
  .strict();
export type ActivityTokenClaims = z.infer<typeof claimsSchema>;

export interface MintActivityToken {
  agencyId: string;
  clientId: string;
  taskClass: ActivityCaller['taskClass'];
  role: ActivityCaller['role'];
  workflowId: string;
  ttlSeconds?: number;
  now?: Date;
}

/** A short-lived token naming one activity's tenant, client, task class and role, signed with the gateway key. */
export function mintActivityToken(key: Buffer, input: MintActivityToken): { token: string; expiresAt: Date } {
  const ttl = Math.min(input.ttlSeconds ?? ACTIVITY_TOKEN_TTL_SECONDS, MAX_TTL_SECONDS);
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const claims: ActivityTokenClaims = claimsSchema.parse({
    v: 1,
    agencyId: input.agencyId,
    clientId: input.clientId,
    taskClass: input.taskClass,
    role: input.role,
    workflowId: input.workflowId,
    jti: randomUUID(),
    iat,
    exp: iat + ttl,
  });
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { token: `${ACTIVITY_TOKEN_PREFIX}.${body}.${sign(key, body)}`, expiresAt: new Date(claims.exp * 1000) };
}

export type ActivityTokenCheck =
  { ok: true; caller: ActivityCaller } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

/** Checks signature (constant time), shape and expiry; never throws. */
export function verifyActivityToken(key: Buffer, token: string, now: Date = new Date()): ActivityTokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== ACTIVITY_TOKEN_PREFIX || parts[1].length > 4096)
    return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(key, parts[1]));
  const given = Buffer.from(parts[2]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature' };
  let claims: ActivityTokenClaims;
  try {
    claims = claimsSchema.parse(JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const nowS = Math.floor(now.getTime() / 1000);
  if (claims.exp <= nowS || claims.exp - claims.iat > MAX_TTL_SECONDS) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    caller: {
      kind: 'activity',
      agencyId: claims.agencyId,
      clientId: claims.clientId,
      taskClass: claims.taskClass,
      role: claims.role,
      workflowId: claims.workflowId,
      tokenId: claims.jti,
    },
  };
}

function sign(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(`${ACTIVITY_TOKEN_PREFIX}.${body}`).digest('base64url');
}
