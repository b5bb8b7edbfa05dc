import { Inject, Injectable } from '@nestjs/common';
import type { ArtifactRef } from '../../../core/artifacts/artifact-store.port';
import { ArtifactRejectedError } from '../../../core/artifacts/artifact.errors';
import { loadArtifactConfig } from '../../../core/artifacts/artifact-config';
import { readLimited } from '../../../core/artifacts/read-limited';
import type { RecordedArtifactStore, ServedArtifact } from '../../../core/artifacts/recorded-artifact-store';
import { withoutDatabaseConnection } from '../../../core/tenancy/tenant-scope';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { ARTIFACT_STORE } from './artifact-store.provider';
import type { UploadArtifactQuery } from './upload-artifact.query';

@Injectable()
export class ArtifactsService {
  private readonly maxBytes = loadArtifactConfig().maxBytes;

  constructor(
    @Inject(ARTIFACT_STORE) private readonly store: RecordedArtifactStore,
    private readonly access: AccessService,
  ) {}

  /**
   * An operator's upload (C-47): refused by its declared length before a byte is read, then counted while it
   * streams in, so an oversized body is cut off instead of buffered; then sniffed and checked by the store.
   */
  async upload(
    actor: Actor,
    q: UploadArtifactQuery,
    body: { declaredLength?: number; claimedType?: string; stream: AsyncIterable<Uint8Array> },
  ): Promise<ArtifactRef> {
    const { client } = await this.access.requireClient(actor, q.clientId, 'asset.write');
    const limit = this.maxBytes[q.kind];
    if (body.declaredLength !== undefined && body.declaredLength > limit)
      throw new ArtifactRejectedError('too_large', `a ${q.kind} artifact may be at most ${limit} bytes`);
    // A slow upload must not hold a pooled connection while it streams in (C-10).
    const bytes = await withoutDatabaseConnection(() => readLimited(body.stream, limit, `a ${q.kind} artifact`));
    return this.store.as(`user:${actor.userId}`).put({
      agencyId: client.agencyId,
      clientId: client.id,
      kind: q.kind,
      bytes,
      claimedContentType: body.claimedType,
    });
  }

  serve(token: string, ip: string): Promise<ServedArtifact> {
    return this.store.serveToken(token, { ip });
  }
}
