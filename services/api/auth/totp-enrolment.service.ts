import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service';
import { newTotpSecret, otpauthUrl } from '../../core/auth/totp';
import { User } from '../../core/database/entities';
import { SecretsPort } from '../../core/secrets/secrets.port';
import { AppError, AppErrorCode } from '../errors/app-error';
import { AUDIT, DATA_SOURCE, SECRETS } from '../platform/tokens';
import { LoginService } from './login.service';
import { SecondFactorService } from './second-factor.service';

/** The enrolment waiting for its first code; `replaces` when it was started, with proof, over an enrolled factor. */
interface PendingEnrolment {
  ref: string;
  replaces: boolean;
}

const pendingKey = (userId: string) => `users/${userId}/totp-pending`;

function parsePending(raw: string | null): PendingEnrolment | null {
  if (!raw) return null;
  if (!raw.startsWith('{')) return { ref: raw, replaces: false }; // written before enrolments said what they replace
  const v = JSON.parse(raw) as Partial<PendingEnrolment>;
  return typeof v.ref === 'string' ? { ref: v.ref, replaces: v.replaces === true } : null;
}

/**
 * Turning TOTP on, and moving it to a new device (C-06). Once a second factor is on, replacing it needs the
 * password or a current code: a stolen session alone must not be able to swap in the thief's authenticator.
 * Runs in the operator's own request scope.
 */
@Injectable()
export class TotpEnrolmentService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(SECRETS) private readonly secrets: SecretsPort,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly login: LoginService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  async start(
    userId: string,
    proof: { password?: string; code?: string },
    ip: string,
  ): Promise<{ secret: string; otpauthUrl: string }> {
    const user = await this.ds.getRepository(User).findOneOrFail({ where: { id: userId } });
    if (user.totpEnabled) {
      if (!proof.password && !proof.code)
        throw new AppError(
          AppErrorCode.Forbidden,
          'two-factor sign-in is already on: give your password or a current code to set up a new device',
        );
      await this.login.reauthenticate(userId, proof, ip);
    }
    const secret = newTotpSecret();
    const ref = `users/${user.id}/totp/${randomUUID()}`;
    await this.secrets.put(ref, secret);
    const pending: PendingEnrolment = { ref, replaces: user.totpEnabled };
    await this.secrets.put(pendingKey(userId), JSON.stringify(pending));
    return { secret, otpauthUrl: otpauthUrl(secret, user.email) };
  }

  async confirm(userId: string, code: string): Promise<void> {
    const user = await this.ds.getRepository(User).findOneOrFail({ where: { id: userId } });
    const pending = parsePending(await this.secrets.get(pendingKey(userId)).catch(() => null));
    // Only an enrolment started with proof may replace a factor that is on, whatever was pending before.
    if (!pending || (user.totpEnabled && !pending.replaces))
      throw new AppError(AppErrorCode.BadInput, 'start the two-factor set-up again, then type the code it shows');
    // The confirming code counts as used: it cannot sign in a second time.
    if (!(await this.secondFactor.acceptFor(userId, await this.secrets.get(pending.ref), code)))
      throw new AppError(
        AppErrorCode.BadInput,
        'that code does not match; check the time on your device, or wait for the next code, and try again',
      );
    await this.ds.getRepository(User).update({ id: userId }, { totpSecretRef: pending.ref, totpEnabled: true });
    await this.secrets.delete(pendingKey(userId));
    await this.audit.append({
      agencyId: null,
      clientId: null,
      actor: `user:${userId}`,
      action: 'totp.enabled',
      subjectType: 'user',
      subjectId: userId,
    });
  }
}
