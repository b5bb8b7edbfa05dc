import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { Asset } from '../../../core/database/entities';
import { recordAssetRevision } from '../../../core/repositories/content-authors.repository';
import { AssetMediaError, createAsset } from '../../../core/repositories/create-asset';
import { assetChecksum } from '../../../core/util/asset-checksum';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { AUDIT, DATA_SOURCE } from '../../platform/tokens';
import { AssetModel } from './asset.model';
import { CreateAssetInput, UpdateAssetTextInput } from './dtos/create-asset.input';

@Injectable()
export class AssetsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, clientId: string): Promise<AssetModel[]> {
    await this.access.requireClient(actor, clientId, 'client.read');
    return this.ds.getRepository(Asset).find({ where: { clientId }, order: { createdAt: 'DESC' }, take: 200 });
  }

  async create(actor: Actor, input: CreateAssetInput): Promise<AssetModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'asset.write');
    try {
      return await this.ds.transaction((m) =>
        createAsset(m, this.audit, {
          agencyId: client.agencyId,
          clientId: client.id,
          text: input.text,
          mediaKey: input.mediaKey,
          authorId: actor.userId,
          authorKind: 'human',
          actor: `user:${actor.userId}`,
        }),
      );
    } catch (err) {
      if (err instanceof AssetMediaError) throw new AppError(AppErrorCode.BadInput, err.message);
      throw err;
    }
  }

  /**
   * Editing content changes its checksum, which voids approvals given for the old one (C-23), and makes the editor
   * one of its authors (C-21): the revision row is written in the same transaction as the text.
   */
  async updateText(actor: Actor, input: UpdateAssetTextInput): Promise<AssetModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'asset.write');
    return this.ds.transaction(async (m) => {
      const asset = await m.findOne(Asset, { where: { id: input.assetId, clientId: client.id } });
      if (!asset) throw notFound('asset');
      const before = asset.checksum;
      asset.text = input.text;
      asset.checksum = assetChecksum({
        text: input.text,
        mediaKey: asset.mediaKey,
        mediaContentType: asset.mediaContentType,
      });
      const saved = await m.save(Asset, asset);
      // The editor is an author from now on: their approval of this text no longer counts as four eyes (C-21).
      await recordAssetRevision(m, saved, actor.userId);
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: 'asset.updated',
          subjectType: 'asset',
          subjectId: asset.id,
          data: { before, after: saved.checksum },
        },
        m,
      );
      return saved;
    });
  }
}
