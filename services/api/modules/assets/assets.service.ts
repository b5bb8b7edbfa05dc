import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { Artifact, Asset } from '../../../core/database/entities';
import { recordAssetRevision } from '../../../core/repositories/content-authors.repository';
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
    return this.ds.transaction(async (m) => {
      // The media must be this client's own upload (row-level security hides other clients' rows as well).
      const media = input.mediaKey
        ? await m.findOne(Artifact, { where: { key: input.mediaKey, clientId: client.id } })
        : null;
      if (input.mediaKey && (!media || (media.kind !== 'image' && media.kind !== 'video')))
        throw new AppError(AppErrorCode.BadInput, 'mediaKey is not an image or video uploaded for this client');
      const content = {
        text: input.text,
        mediaKey: media?.key ?? null,
        mediaContentType: media?.contentType ?? null,
      };
      const asset = await m.save(
        Asset,
        m.create(Asset, {
          agencyId: client.agencyId,
          clientId: client.id,
          kind: media ? (media.kind as 'image' | 'video') : 'text',
          ...content,
          checksum: assetChecksum(content),
          authorId: actor.userId,
          authorKind: 'human',
        }),
      );
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: 'asset.created',
          subjectType: 'asset',
          subjectId: asset.id,
          data: { checksum: asset.checksum },
        },
        m,
      );
      return asset;
    });
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
