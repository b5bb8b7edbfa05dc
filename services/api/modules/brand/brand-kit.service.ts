import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { BrandKitError, BrandKitRepository } from '../../../core/knowledge/brand-kit.repository';
import { brandKitPatchSchema, describeZodError } from '../../../core/knowledge/brand-kit.schema';
import { canonicalJson } from '../../../core/util/canonical-json';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { AUDIT, DATA_SOURCE } from '../../platform/tokens';
import { BrandKitModel } from './brand-kit.model';
import { UpdateBrandKitInput } from './dtos/update-brand-kit.input';

@Injectable()
export class BrandKitService {
  private readonly kits = new BrandKitRepository();

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async get(actor: Actor, clientId: string): Promise<BrandKitModel> {
    await this.access.requireClient(actor, clientId, 'client.read');
    const kit = await this.kits.view(this.ds.manager, clientId);
    if (!kit) throw notFound('client');
    return kit;
  }

  /**
   * The kit's don't words and banned claims feed the content policy, so changing it needs `brand.update` and
   * every change is audited with the fields it touched and digests of the kit before and after.
   */
  async update(actor: Actor, input: UpdateBrandKitInput): Promise<BrandKitModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'brand.update');
    const { clientId: _clientId, ...fields } = input;
    const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const parsed = brandKitPatchSchema.safeParse(given);
    if (!parsed.success)
      throw new AppError(AppErrorCode.BadInput, `invalid brand kit: ${describeZodError(parsed.error)}`);
    if (!Object.keys(parsed.data).length) throw new AppError(AppErrorCode.BadInput, 'nothing to change');
    return this.ds.transaction(async (m) => {
      let change: Awaited<ReturnType<BrandKitRepository['update']>>;
      try {
        change = await this.kits.update(m, client, parsed.data, actor.userId);
      } catch (err) {
        if (err instanceof BrandKitError) throw new AppError(AppErrorCode.BadInput, err.message);
        throw err;
      }
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: 'brand_kit.updated',
          subjectType: 'client',
          subjectId: client.id,
          data: { fields: Object.keys(parsed.data).sort(), before: digest(change.before), after: digest(change.after) },
        },
        m,
      );
      return change.after;
    });
  }
}

/** The kit's content as a digest: the trail proves what changed without copying brand copy into it. */
function digest(kit: BrandKitModel): string {
  const { updatedAt: _u, configured: _c, ...content } = kit;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
