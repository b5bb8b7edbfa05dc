import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service';
import { digestToken, newOpaqueToken } from '../../core/auth/tokens';
import { ApiToken, ApiTokenScope } from '../../core/database/entities';
import { AppError, AppErrorCode } from '../errors/app-error';
import { realDataSource } from '../../core/tenancy/tenant-scope';
import { AUDIT, DATA_SOURCE } from '../platform/tokens';
import { asOperator } from './as-operator';

/** Tokens for scripts (C-09): random, shown once, hashed, scoped, expiring, revocable, last use recorded. */
@Injectable()
export class ApiTokenService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
  ) {}

  async create(
    userId: string,
    name: string,
    scopes: ApiTokenScope[],
    expiresInDays: number,
  ): Promise<{ token: string; row: ApiToken }> {
    const { token, hash, display } = newOpaqueToken('rzt');
    const row = await this.ds.getRepository(ApiToken).save({
      userId,
      name,
      prefix: display,
      tokenHash: hash,
      scopes: [...new Set(scopes)],
      expiresAt: new Date(Date.now() + expiresInDays * 86_400_000),
      revokedAt: null,
      lastUsedAt: null,
      lastUsedIp: null,
      lastUsedUserAgent: null,
      createdAt: new Date(),
    });
    await this.audit.append({
      agencyId: null,
      clientId: null,
      actor: `user:${userId}`,
      action: 'api_token.created',
      subjectType: 'api_token',
      subjectId: row.id,
      data: { scopes: row.scopes, expiresAt: row.expiresAt.toISOString() },
    });
    return { token, row };
  }

  /**
   * Revoked, expired and unknown tokens all answer null. The table is readable only by each token's owner (C-01):
   * the narrow `raize_live_api_token` lookup names the owner, and the row is read and touched as that operator.
   */
  async resolve(token: string, use: { ip: string; userAgent: string | null }): Promise<ApiToken | null> {
    const [live] = await realDataSource(this.ds).query<{ token_id: string; owner_id: string }[]>(
      'SELECT token_id, owner_id FROM raize_live_api_token($1)',
      [digestToken(token)],
    );
    if (!live) return null;
    return asOperator(this.ds, live.owner_id, async () => {
      const row = await this.ds.getRepository(ApiToken).findOne({ where: { id: live.token_id } });
      if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
      await this.ds
        .getRepository(ApiToken)
        .update({ id: row.id }, { lastUsedAt: new Date(), lastUsedIp: use.ip, lastUsedUserAgent: use.userAgent });
      return row;
    });
  }

  list(userId: string): Promise<ApiToken[]> {
    return this.ds.getRepository(ApiToken).find({ where: { userId }, order: { createdAt: 'DESC' }, take: 200 });
  }

  async revoke(userId: string, id: string): Promise<void> {
    const r = await this.ds
      .getRepository(ApiToken)
      .update({ id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!r.affected) throw new AppError(AppErrorCode.NotFound, 'API token not found');
    await this.audit.append({
      agencyId: null,
      clientId: null,
      actor: `user:${userId}`,
      action: 'api_token.revoked',
      subjectType: 'api_token',
      subjectId: id,
    });
  }
}
