import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { digestToken, newOpaqueToken } from '../../core/auth/tokens';
import { Session } from '../../core/database/entities';
import { realDataSource } from '../../core/tenancy/tenant-scope';
import { AppError, AppErrorCode } from '../errors/app-error';
import { APP_CONFIG, DATA_SOURCE } from '../platform/tokens';
import { asOperator } from './as-operator';

export interface IssuedSession {
  session: Session;
  token: string;
  csrfToken: string;
}

type SessionInfo = { ip: string | null; userAgent: string | null; secondFactorPending: boolean };

/**
 * Server-side sessions: revocable one by one or all at once ("log out everywhere"). The table is readable only
 * by the operator a row belongs to (row-level security); a cookie is first mapped to its owner by the narrow
 * `raize_live_session` lookup, then read as that operator (C-01).
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Issues a session for the operator of the current scope (or inside `m`'s transaction). */
  async issue(userId: string, info: SessionInfo, m: EntityManager = this.ds.manager): Promise<IssuedSession> {
    const { token, hash } = newOpaqueToken('rzs');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = new Date();
    const session = await m.getRepository(Session).save({
      userId,
      tokenHash: hash,
      csrfToken,
      secondFactorPending: info.secondFactorPending,
      ip: info.ip,
      userAgent: info.userAgent,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.sessionTtlHours * 3600_000),
      revokedAt: null,
    });
    return { session, token, csrfToken };
  }

  async resolve(token: string): Promise<Session | null> {
    // Who owns this cookie, asked before anyone is authenticated (security definer: live sessions only).
    const [live] = await realDataSource(this.ds).query<{ session_id: string; owner_id: string }[]>(
      'SELECT session_id, owner_id FROM raize_live_session($1)',
      [digestToken(token)],
    );
    if (!live) return null;
    return asOperator(this.ds, live.owner_id, async () => {
      const s = await this.ds.getRepository(Session).findOne({ where: { id: live.session_id, revokedAt: IsNull() } });
      if (!s || s.expiresAt.getTime() <= Date.now()) return null;
      if (Date.now() - s.lastSeenAt.getTime() > 60_000)
        await this.ds.getRepository(Session).update({ id: s.id }, { lastSeenAt: new Date() });
      return s;
    });
  }

  /**
   * The second factor is done: the half-signed-in session ends and a new one (new token, new CSRF token) takes
   * its place, so a session token seen before the second factor (a fixated or leaked cookie) never becomes a
   * full session (C-06). Refused when the pending session was revoked meanwhile (the account locked, sign-out).
   */
  async rotateAfterSecondFactor(
    m: EntityManager,
    pending: Session,
    info: { ip: string | null; userAgent: string | null },
  ): Promise<IssuedSession> {
    const ended = await m
      .getRepository(Session)
      .update(
        { id: pending.id, secondFactorPending: true, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        { revokedAt: new Date() },
      );
    if (!ended.affected) throw new AppError(AppErrorCode.Unauthenticated, 'sign in with your password first');
    return this.issue(pending.userId, { ...info, secondFactorPending: false }, m);
  }

  /** Ends the sessions still waiting for their second factor (when the account locks). */
  async revokePending(userId: string, m: EntityManager = this.ds.manager): Promise<number> {
    const r = await m
      .getRepository(Session)
      .update({ userId, secondFactorPending: true, revokedAt: IsNull() }, { revokedAt: new Date() });
    return r.affected ?? 0;
  }

  async revoke(userId: string, id: string): Promise<boolean> {
    const r = await this.ds
      .getRepository(Session)
      .update({ id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (r.affected ?? 0) > 0;
  }

  async revokeAll(userId: string): Promise<number> {
    const r = await this.ds.getRepository(Session).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return r.affected ?? 0;
  }

  list(userId: string): Promise<Session[]> {
    return this.ds
      .getRepository(Session)
      .find({ where: { userId, revokedAt: IsNull() }, order: { lastSeenAt: 'DESC' }, take: 100 });
  }
}
