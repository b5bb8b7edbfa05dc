import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service';
import type { AuditAction } from '../../../workflows/contracts/vocabulary/audit-actions';
import { verifyPassword } from '../../core/auth/password';
import { Session, User } from '../../core/database/entities';
import { realDataSource, withoutDatabaseConnection } from '../../core/tenancy/tenant-scope';
import { AppError, AppErrorCode } from '../errors/app-error';
import { logger } from '../../core/telemetry/logger';
import { AUDIT, DATA_SOURCE } from '../platform/tokens';
import { asOperator } from './as-operator';
import { SecondFactorService } from './second-factor.service';
import { IssuedSession, SessionService } from './session.service';

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
const IP_FAILURES_PER_10_MIN = 30;

export type SignInResult = { issued: IssuedSession; user: User; needsSecondFactor: boolean };
type RequestInfo = { ip: string; userAgent: string | null };

const WRONG = 'email or password is wrong';
const WRONG_CODE = 'the second-factor code is wrong, expired or already used';

/** The sign-in outcomes the audit trail records. */
type LoginAction = Extract<AuditAction, `login.${string}`>;

/**
 * Password sign-in with argon2id, per-account lockout and per-IP throttling against credential stuffing on every
 * factor, an optional TOTP step whose codes work once, and an audit event for every success, failure and lockout
 * (C-06). Before the password is checked, only narrow security-definer lookups run (who has this email, how many
 * failures from this address); everything else runs as the operator signing in, under row-level security (C-01).
 */
@Injectable()
export class LoginService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  async signIn(
    emailRaw: string,
    password: string,
    totpCode: string | undefined,
    info: RequestInfo,
  ): Promise<SignInResult> {
    const email = emailRaw.trim().toLowerCase();
    await this.refuseThrottledIp(email, info.ip);
    const userId = await this.userIdByEmail(email);
    if (!userId) {
      // Unknown address: the same time and the same answer as a wrong password.
      await withoutDatabaseConnection(() => verifyPassword(null, password));
      await this.record(email, info.ip, false, 'login.failed', null);
      throw new AppError(AppErrorCode.Unauthenticated, WRONG);
    }
    return asOperator(this.ds, userId, async () => {
      const user = await this.readUser(userId);
      await this.refuseLocked(user, info.ip);
      // No pooled connection is held while argon2 works (C-10).
      const ok = (await withoutDatabaseConnection(() => verifyPassword(user.passwordHash, password))) && !user.disabled;
      if (!ok) {
        await this.countFailure(user, info.ip);
        throw new AppError(AppErrorCode.Unauthenticated, WRONG);
      }
      if (user.totpEnabled && !totpCode) {
        // Password right, second factor missing: a session that can do nothing but finish the sign-in.
        const issued = await this.sessions.issue(user.id, { ...info, secondFactorPending: true });
        // The password was right: not a failure for the per-IP throttle (an office signing in is no attack).
        await this.record(email, info.ip, true, 'login.second_factor_required', user.id);
        return { issued, user, needsSecondFactor: true };
      }
      if (user.totpEnabled && !(await this.secondFactor.accept(user.id, user.totpSecretRef, totpCode!))) {
        await this.countFailure(user, info.ip);
        throw new AppError(AppErrorCode.Unauthenticated, WRONG_CODE);
      }
      const issued = await this.ds.transaction(async (m) => {
        await this.resetFailures(m, user.id);
        return this.sessions.issue(user.id, { ...info, secondFactorPending: false }, m);
      });
      await this.record(email, info.ip, true, 'login.succeeded', user.id);
      return { issued, user, needsSecondFactor: false };
    });
  }

  /**
   * Finishes a sign-in whose session waits for the second factor, under the same IP throttle and account lockout
   * as the password; the pending session is replaced by a new one (C-06).
   */
  async completeSecondFactor(pending: Session, code: string, info: RequestInfo): Promise<SignInResult> {
    return asOperator(this.ds, pending.userId, async () => {
      const user = await this.readUser(pending.userId);
      await this.refuseThrottledIp(user.email, info.ip);
      await this.refuseLocked(user, info.ip);
      if (!(await this.secondFactor.accept(user.id, user.totpSecretRef, code))) {
        await this.countFailure(user, info.ip);
        throw new AppError(AppErrorCode.Unauthenticated, WRONG_CODE);
      }
      const issued = await this.ds.transaction(async (m) => {
        await this.resetFailures(m, user.id);
        return this.sessions.rotateAfterSecondFactor(m, pending, info);
      });
      await this.record(user.email, info.ip, true, 'login.succeeded', user.id);
      return { issued, user, needsSecondFactor: false };
    });
  }

  /**
   * Proof that the person at a signed-in session is the operator (the password or a current TOTP code), for
   * changes a stolen session must not make alone, such as replacing the second factor. A wrong proof counts
   * towards the lockout like a wrong sign-in. Runs in the operator's own request scope.
   */
  async reauthenticate(userId: string, proof: { password?: string; code?: string }, ip: string): Promise<void> {
    const user = await this.readUser(userId);
    await this.refuseThrottledIp(user.email, ip);
    await this.refuseLocked(user, ip);
    const ok = proof.password
      ? await withoutDatabaseConnection(() => verifyPassword(user.passwordHash, proof.password!))
      : !!proof.code && user.totpEnabled && (await this.secondFactor.accept(user.id, user.totpSecretRef, proof.code));
    if (!ok) {
      await this.countFailure(user, ip);
      throw new AppError(AppErrorCode.Unauthenticated, 'that password or code is wrong');
    }
  }

  /** Which user has this email: the one question asked before the scope knows an operator (security definer). */
  private async userIdByEmail(email: string): Promise<string | null> {
    const [row] = await realDataSource(this.ds).query<{ id: string | null }[]>(
      'SELECT raize_user_id_by_email($1) AS id',
      [email],
    );
    return row?.id ?? null;
  }

  private readUser(userId: string): Promise<User> {
    return this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect(['u.passwordHash', 'u.totpSecretRef'])
      .where('u.id = :id', { id: userId })
      .getOneOrFail();
  }

  private async refuseThrottledIp(email: string, ip: string): Promise<void> {
    const [row] = await realDataSource(this.ds).query<{ n: string }[]>(
      `SELECT raize_failed_logins_from($1, now() - interval '10 minutes') AS n`,
      [ip],
    );
    if (Number(row.n) < IP_FAILURES_PER_10_MIN) return;
    await this.record(email, ip, false, 'login.throttled', null);
    throw new AppError(AppErrorCode.RateLimited, 'too many failed sign-ins from this address; wait a few minutes');
  }

  private async refuseLocked(user: User, ip: string): Promise<void> {
    if (!user.lockedUntil || user.lockedUntil.getTime() <= Date.now()) return;
    await this.record(user.email, ip, false, 'login.refused_locked', user.id);
    throw new AppError(
      AppErrorCode.Locked,
      'this account is locked after too many failed sign-ins; try again later or ask an Admin',
    );
  }

  /**
   * One failed factor. Counted in one statement (parallel guesses cannot overwrite each other's count); the
   * failure that reaches the threshold locks the account and ends its sessions still waiting for a second factor
   * (those belong to whoever knows the password). Established sessions stay: otherwise anyone who knows an
   * operator's email could sign them out at will; ending them is signOutEverywhere or the compromised-account
   * runbook.
   */
  private async countFailure(user: User, ip: string): Promise<void> {
    const lockedNow = await this.ds.transaction(async (m) => {
      const [rows] = await m.query<[{ locked_now: boolean }[], number]>(
        `UPDATE users
            SET failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
                locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3::int) ELSE locked_until END
          WHERE id = $1
      RETURNING failed_logins = 0 AS locked_now`,
        [user.id, LOCKOUT_THRESHOLD, LOCKOUT_MINUTES],
      );
      const locked = rows[0]?.locked_now === true;
      if (locked) await this.sessions.revokePending(user.id, m);
      return locked;
    });
    await this.record(user.email, ip, false, lockedNow ? 'login.locked' : 'login.failed', user.id);
  }

  /** Success clears the count, unless the account locked while this sign-in was checking its factors. */
  private async resetFailures(m: EntityManager, userId: string): Promise<void> {
    const [rows] = await m.query<[{ id: string }[], number]>(
      `UPDATE users SET failed_logins = 0, locked_until = NULL
        WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now()) RETURNING id`,
      [userId],
    );
    if (!rows.length)
      throw new AppError(AppErrorCode.Locked, 'this account was locked during the sign-in; try again later');
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
