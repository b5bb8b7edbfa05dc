import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { totpStepOf } from '../../core/auth/totp';
import { SecretsPort } from '../../core/secrets/secrets.port';
import { DATA_SOURCE, SECRETS } from '../platform/tokens';

/**
 * TOTP codes that work once (C-06): a code is accepted only if its time step is later than the last step the
 * user had accepted, and recording the step is the same statement that checks it, so two requests racing with
 * one code cannot both pass. Runs in a scope whose actor is the user (their own row, row-level security).
 */
@Injectable()
export class SecondFactorService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(SECRETS) private readonly secrets: SecretsPort,
  ) {}

  /** The user's enrolled secret (by its reference in the secrets backend) and a code. */
  async accept(userId: string, secretRef: string | null, code: string): Promise<boolean> {
    if (!secretRef) return false;
    return this.acceptFor(userId, await this.secrets.get(secretRef), code);
  }

  /** A code of `secret` (also a secret being enrolled): the user's last accepted step moves past it. */
  async acceptFor(userId: string, secret: string, code: string): Promise<boolean> {
    const step = totpStepOf(secret, code.trim());
    if (step === null) return false;
    const [claimed] = await this.ds.query<[{ id: string }[], number]>(
      'UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id',
      [userId, step],
    );
    return claimed.length === 1;
  }
}
