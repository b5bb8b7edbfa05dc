import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MembershipRepository } from '../../../core/repositories/membership.repository';
import { EMPTY_SCOPE, runInTenantScope } from '../../../core/tenancy/tenant-scope';
import { Actor } from '../../auth/actor';
import { DATA_SOURCE } from '../../platform/tokens';

@Injectable()
export class CodecAccessService {
  private readonly memberships = new MembershipRepository();

  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  /**
   * Who may read decrypted Temporal payloads through Temporal Web (C-14): an Admin of some agency; a
   * script only with an `admin`-scoped API token. The one place that decides: engineers join here.
   */
  async mayUseCodec(actor: Actor): Promise<boolean> {
    if (actor.via === 'api-token' && !actor.scopes?.includes('admin')) return false;
    // Guards run before the tenancy interceptor: read the operator's own memberships in their own scope.
    return runInTenantScope(this.ds, { ...EMPTY_SCOPE, actorId: actor.userId }, () =>
      this.memberships.isAnyAgencyAdmin(this.ds.manager, actor.userId),
    );
  }
}
