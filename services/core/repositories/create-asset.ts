import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { Artifact, Asset } from '../database/entities';
import { assetChecksum } from '../util/asset-checksum';

/** Content a caller wants stored as a client's asset, and who wrote it (an author for four eyes, C-21). */
export interface NewAsset {
  agencyId: string;
  clientId: string;
  text: string;
  /** an image or video in this client's artifact store */
  mediaKey?: string | null;
  authorId: string | null;
  authorKind: 'human' | 'ai';
  /** the audit trail's actor (`user:<id>`, `workflow:<id>`) */
  actor: string;
  /** extra audit data (where it came from); never content */
  auditData?: Record<string, unknown>;
}

/** The media is not an image or video of this client's artifact store. */
export class AssetMediaError extends Error {
  constructor() {
    super('mediaKey is not an image or video uploaded for this client');
    this.name = 'AssetMediaError';
  }
}

/**
 * An asset as the API creates one (services/api/modules/assets): the media must be the client's own upload (row-level
 * security hides other clients' rows as well), the checksum is fixed now (C-23) and `asset.created` is audited in the
 * caller's transaction. The API's createAsset and the MCP gateway's post_draft use it.
 */
export async function createAsset(m: EntityManager, audit: AuditService, a: NewAsset): Promise<Asset> {
  const media = a.mediaKey ? await m.findOne(Artifact, { where: { key: a.mediaKey, clientId: a.clientId } }) : null;
  if (a.mediaKey && (!media || (media.kind !== 'image' && media.kind !== 'video'))) throw new AssetMediaError();
  const content = { text: a.text, mediaKey: media?.key ?? null, mediaContentType: media?.contentType ?? null };
  const asset = await m.save(
    Asset,
    m.create(Asset, {
      agencyId: a.agencyId,
      clientId: a.clientId,
      kind: media ? (media.kind as 'image' | 'video') : 'text',
      ...content,
      checksum: assetChecksum(content),
      authorId: a.authorId,
      authorKind: a.authorKind,
    }),
  );
  await audit.append(
    {
      agencyId: a.agencyId,
      clientId: a.clientId,
      actor: a.actor,
      action: 'asset.created',
      subjectType: 'asset',
      subjectId: asset.id,
      data: { checksum: asset.checksum, ...a.auditData },
    },
    m,
  );
  return asset;
}
