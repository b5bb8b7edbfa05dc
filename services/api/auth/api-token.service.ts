import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service';
import type { ApiTokenUse } from '../../core/auth/api-token-lookup';
import { lookUpApiToken } from '../../core/auth/api-token-lookup';
import { newOpaqueToken } from '../../core/auth/tokens';
import { ApiToken, ApiTokenScope } from '../../core/database/entities';
import { AppError, AppErrorCode } from '../errors/app-error';
import { AUDIT, DATA_SOURCE } from '../platform/tokens';

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

  /** Revoked, expired and unknown tokens all answer null (services/core/auth/api-token-lookup.ts). */
  resolve(token: string, use: ApiTokenUse): Promise<ApiToken | null> {
    return lookUpApiToken(this.ds, token, use);
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
