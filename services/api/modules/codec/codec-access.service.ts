import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EMPTY_SCOPE, runInTenantScope } from '../../../core/tenancy/tenant-scope';
import { Actor } from '../../auth/actor';
import { DATA_SOURCE } from '../../platform/tokens';

@Injectable()
export class CodecAccessService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  /**
   * Who may read decrypted Temporal payloads through Temporal Web (C-14): an Admin of some agency; a
   * script only with an `admin`-scoped API token. The one place that decides: engineers join here.
   */
  async mayUseCodec(actor: Actor): Promise<boolean> {
    if (actor.via === 'api-token' && !actor.scopes?.includes('admin')) return false;
    // Guards run before the tenancy interceptor: read the operator's own memberships in their own scope.
    const rows: unknown[] = await runInTenantScope(this.ds, { ...EMPTY_SCOPE, actorId: actor.userId }, () =>
      this.ds.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND client_id IS NULL AND role = 'Admin' LIMIT 1`, [actor.userId]),
    );
    return rows.length > 0;
  }
}
