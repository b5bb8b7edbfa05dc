import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { digestToken, newOpaqueToken } from '../../core/auth/tokens';
import { Session } from '../../core/database/entities';
import { APP_CONFIG, DATA_SOURCE } from '../platform/tokens';

export interface IssuedSession {
  session: Session;
  token: string;
  csrfToken: string;
}

/** Server-side sessions: revocable one by one or all at once ("log out everywhere"). */
@Injectable()
export class SessionService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(
    userId: string,
    info: { ip: string | null; userAgent: string | null; secondFactorPending: boolean },
  ): Promise<IssuedSession> {
    const { token, hash } = newOpaqueToken('rzs');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = new Date();
    const session = await this.ds.getRepository(Session).save({
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
    const s = await this.ds
      .getRepository(Session)
      .findOne({ where: { tokenHash: digestToken(token), revokedAt: IsNull() } });
    if (!s || s.expiresAt.getTime() <= Date.now()) return null;
    if (Date.now() - s.lastSeenAt.getTime() > 60_000)
      await this.ds.getRepository(Session).update({ id: s.id }, { lastSeenAt: new Date() });
    return s;
  }

  async completeSecondFactor(id: string): Promise<void> {
    await this.ds.getRepository(Session).update({ id }, { secondFactorPending: false });
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
