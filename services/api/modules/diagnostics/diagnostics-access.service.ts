import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DiagnosticsScope } from '../../../core/diagnostics/diagnostics-scope';
import { MembershipRepository } from '../../../core/repositories/membership.repository';
import { Actor } from '../../auth/actor';
import { tokenCarries } from '../../auth/permissions';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { DATA_SOURCE } from '../../platform/tokens';

/**
 * Who reads diagnostics and who acts on them. Reading: platform staff (every tenant) and Admins (the agencies they
 * administer as a whole, the clients they administer directly): failures name clients, reasons and workflows of a
 * whole agency, so no lesser role. Acting (retry, reset, replay): staff only, as Temporal itself is theirs (C-14).
 */
@Injectable()
export class DiagnosticsAccess {
  private readonly memberships = new MembershipRepository();

  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async readScope(actor: Actor): Promise<DiagnosticsScope> {
    if (actor.staff) return { kind: 'all' };
    const admin = (await this.memberships.ofUser(this.ds.manager, actor.userId)).filter((m) => m.role === 'Admin');
    if (!admin.length) throw new AppError(AppErrorCode.Forbidden, 'diagnostics are for platform staff and Admins');
    if (actor.via === 'api-token' && !tokenCarries(actor.scopes, 'read'))
      throw new AppError(AppErrorCode.Forbidden, 'this API token lacks the read scope');
    return {
      kind: 'tenants',
      agencyIds: [...new Set(admin.filter((m) => !m.clientId).map((m) => m.agencyId))],
      clientIds: [...new Set(admin.flatMap((m) => (m.clientId ? [m.clientId] : [])))],
    };
  }

  /** Checked before the input, so an operator without the power learns nothing from a validation answer. */
  requireStaff(actor: Actor): void {
    if (!actor.staff)
      throw new AppError(AppErrorCode.Forbidden, 'only platform staff may retry, reset or replay an episode');
  }
}
