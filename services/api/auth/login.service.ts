import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service';
import type { AuditAction } from '../../../workflows/contracts/vocabulary/audit-actions';
import { verifyPassword } from '../../core/auth/password';
import { verifyTotp } from '../../core/auth/totp';
import { User } from '../../core/database/entities';
import { SecretsPort } from '../../core/secrets/secrets.port';
import { AppError, AppErrorCode } from '../errors/app-error';
import { logger } from '../../core/telemetry/logger';
import { AUDIT, DATA_SOURCE, SECRETS } from '../platform/tokens';
import { IssuedSession, SessionService } from './session.service';

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
const IP_FAILURES_PER_10_MIN = 30;

export type SignInResult = { issued: IssuedSession; user: User; needsSecondFactor: boolean };

const WRONG = 'email or password is wrong';

/** The sign-in outcomes the audit trail records. */
type LoginAction = Extract<AuditAction, `login.${string}`>;

/**
 * Password sign-in with argon2id, per-account lockout and per-IP throttling against credential stuffing,
 * an optional TOTP step, and an audit event for every success, failure and lockout (C-06).
 */
@Injectable()
export class LoginService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    @Inject(SECRETS) private readonly secrets: SecretsPort,
    private readonly sessions: SessionService,
  ) {}

  async signIn(
    emailRaw: string,
    password: string,
    totpCode: string | undefined,
    info: { ip: string; userAgent: string | null },
  ): Promise<SignInResult> {
    const email = emailRaw.trim().toLowerCase();
    const recent: { n: string }[] = await this.ds.query(
      `SELECT count(*) AS n FROM login_attempts WHERE ip = $1 AND NOT succeeded AND at > now() - interval '10 minutes'`,
      [info.ip],
    );
    if (Number(recent[0].n) >= IP_FAILURES_PER_10_MIN) {
      await this.record(email, info.ip, false, 'login.throttled', null);
      throw new AppError(AppErrorCode.RateLimited, 'too many failed sign-ins from this address; wait a few minutes');
    }
    const user = await this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect(['u.passwordHash', 'u.totpSecretRef'])
      .where('u.email = :email', { email })
      .getOne();
    if (user?.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      await this.record(email, info.ip, false, 'login.refused_locked', user.id);
      throw new AppError(
        AppErrorCode.Locked,
        'this account is locked after too many failed sign-ins; try again later or ask an Admin',
      );
    }
    const ok = (await verifyPassword(user?.passwordHash ?? null, password)) && !!user && !user.disabled;
    if (!ok || !user) {
      if (user) await this.countFailure(user, email, info.ip);
      else await this.record(email, info.ip, false, 'login.failed', null);
      throw new AppError(AppErrorCode.Unauthenticated, WRONG);
    }
    if (user.totpEnabled) {
      if (!totpCode) {
        // Password right, second factor missing: a session that can do nothing but finish the sign-in.
        const issued = await this.sessions.issue(user.id, {
          ip: info.ip,
          userAgent: info.userAgent,
          secondFactorPending: true,
        });
        await this.record(email, info.ip, false, 'login.second_factor_required', user.id);
        return { issued, user, needsSecondFactor: true };
      }
      if (!(await this.totpOk(user, totpCode))) {
        await this.countFailure(user, email, info.ip);
        throw new AppError(AppErrorCode.Unauthenticated, 'the second-factor code is wrong or expired');
      }
    }
    await this.ds.getRepository(User).update({ id: user.id }, { failedLogins: 0, lockedUntil: null });
    const issued = await this.sessions.issue(user.id, {
      ip: info.ip,
      userAgent: info.userAgent,
      secondFactorPending: false,
    });
    await this.record(email, info.ip, true, 'login.succeeded', user.id);
    return { issued, user, needsSecondFactor: false };
  }

  /** Finishes a sign-in whose session waits for the second factor. */
  async completeSecondFactor(userId: string, sessionId: string, code: string, ip: string): Promise<void> {
    const user = await this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.totpSecretRef')
      .where('u.id = :id', { id: userId })
      .getOneOrFail();
    if (!(await this.totpOk(user, code))) {
      await this.countFailure(user, user.email, ip);
      throw new AppError(AppErrorCode.Unauthenticated, 'the second-factor code is wrong or expired');
    }
    await this.sessions.completeSecondFactor(sessionId);
    await this.record(user.email, ip, true, 'login.succeeded', user.id);
  }

  private async totpOk(user: User, code: string): Promise<boolean> {
    if (!user.totpSecretRef) return false;
    return verifyTotp(await this.secrets.get(user.totpSecretRef), code.trim());
  }

  private async countFailure(user: User, email: string, ip: string): Promise<void> {
    const failed = user.failedLogins + 1;
    const lock = failed >= LOCKOUT_THRESHOLD;
    await this.ds.getRepository(User).update(
      { id: user.id },
      {
        failedLogins: lock ? 0 : failed,
        lockedUntil: lock ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000) : user.lockedUntil,
      },
    );
    await this.record(email, ip, false, lock ? 'login.locked' : 'login.failed', user.id);
  }

  private async record(
    email: string,
    ip: string,
    succeeded: boolean,
    action: LoginAction,
    userId: string | null,
  ): Promise<void> {
    await this.ds.query('INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, $2, $3)', [
      email.slice(0, 320),
      ip,
      succeeded,
    ]);
    logger.info({ 'raize.actor': userId ? `user:${userId}` : 'anonymous', 'raize.outcome': action }, 'sign-in attempt');
    // Emails are personal data: the audit trail keeps the user id, or a digest for unknown addresses.
    await this.audit.append({
      agencyId: null,
      clientId: null,
      actor: userId ? `user:${userId}` : 'anonymous',
      action,
      subjectType: 'user',
      subjectId: userId ?? 'unknown',
      data: { ip, emailDigest: userId ? undefined : createHash('sha256').update(email).digest('hex').slice(0, 16) },
    });
  }
}
